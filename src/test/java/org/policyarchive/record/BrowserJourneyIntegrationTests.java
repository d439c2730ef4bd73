package org.policyarchive.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.policyarchive.system.Browser;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A reader's journey in real headless Chromium: home, the seed record, one of its people, back, one of its themes,
 * back; and an accessibility check (axe-core) of every kind of public page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserJourneyIntegrationTests {

    static final String SEED_TITLE =
            "Chinese Premier Li Keqiang Chairs State Council Special Study on Accelerating Digital Economy Development";

    @LocalServerPort
    int port;

    WebDriver browser;

    @BeforeAll
    void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    void quitBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void readerFollowsThePeopleAndThemesOfTheSeedRecordAndComesBack() {
        open("/");
        browser.findElement(By.cssSelector(".home__latest a[href='" + RecordPageIntegrationTests.SEED_PATH + "']"))
                .click();
        waitForHeading(SEED_TITLE);
        assertThat(browser.findElement(By.id("p1")).getText()).startsWith("Beijing, China – On the afternoon");

        browser.findElement(By.cssSelector("#role-presided a")).click();
        waitForHeading("Li Keqiang 李克强");
        assertThat(browser.findElement(By.cssSelector("#role-presided .record-item__title a"))
                        .getText())
                .isNotBlank();

        browser.navigate().back();
        waitForHeading(SEED_TITLE);

        browser.findElement(By.linkText("Digital economy")).click();
        waitForHeading("Digital economy 数字经济");
        assertThat(browser.findElement(By.cssSelector(".record-list")).getText())
                .contains(SEED_TITLE);

        browser.navigate().back();
        waitForHeading(SEED_TITLE);
    }

    @Test
    void publicPagesHaveNoSeriousAccessibilityViolations() {
        for (String path : new String[] {
            "/",
            "/records",
            "/records?kind=study-session&lang=en",
            RecordPageIntegrationTests.SEED_PATH,
            "/people",
            "/people/li-keqiang",
            "/themes",
            "/themes/digital-economy",
            "/records/no-such-record",
            "/no/such/page",
            "/records?page=abc"
        }) {
            open(path);
            Browser.assertAccessible(browser);
        }
    }

    @Test
    void unknownAddressShowsTheFriendlyNotFoundPage() {
        open("/no/such/page");

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("There is no page at this address");
    }

    @Test
    void pageFitsANarrowScreenWithoutSideways() {
        browser.manage().window().setSize(new Dimension(360, 800));
        try {
            open(RecordPageIntegrationTests.SEED_PATH);
            Object overflow = ((org.openqa.selenium.JavascriptExecutor) browser)
                    .executeScript("return document.documentElement.scrollWidth > window.innerWidth;");
            assertThat(overflow).isEqualTo(false);
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1000));
        }
    }

    /**
     * The record page at 1280 px wide, for the README (copied by hand to docs/images/record-page.png), and the other
     * pages for a look.
     */
    @Test
    void takesAScreenshotOfTheRecordPage() throws IOException {
        browser.manage().window().setSize(new Dimension(1280, 1600));
        try {
            screenshot(RecordPageIntegrationTests.SEED_PATH, "record-page.png");
            screenshot("/", "home.png");
            screenshot("/records", "records.png");
            screenshot("/people/li-keqiang", "person.png");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1000));
        }
    }

    private void screenshot(String path, String name) throws IOException {
        open(path);
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Path target = Path.of("target", "screenshots", name);
        Files.createDirectories(target.getParent());
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(target)).isPositive();
    }

    private void open(String path) {
        browser.get("http://127.0.0.1:" + port + path);
    }

    private void waitForHeading(String text) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.textToBe(By.tagName("h1"), text));
    }
}
