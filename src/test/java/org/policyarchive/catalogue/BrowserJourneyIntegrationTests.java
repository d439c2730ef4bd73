package org.policyarchive.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.policyarchive.testing.Browser;
import org.policyarchive.testing.CleanArchive;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A reader's journey in real headless Chromium: home, the seed record, one of its people, back, one of its themes,
 * back; and an accessibility check (axe-core) of every kind of public page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@CleanArchive
class BrowserJourneyIntegrationTests {

    static final String SEED_TITLE =
            "Chinese Premier Li Keqiang Chairs State Council Special Study on Accelerating Digital Economy Development";

    @RegisterExtension
    Browser browser = new Browser();

    @Test
    void readerFollowsThePeopleAndThemesOfTheSeedRecordAndComesBack() {
        WebDriver driver = browser.driver();
        open("/");
        driver.findElement(By.cssSelector(".home__latest a[href='" + RecordPageIntegrationTests.SEED_PATH + "']"))
                .click();
        waitForHeading(SEED_TITLE);
        assertThat(driver.findElement(By.id("p1")).getText()).startsWith("Beijing, China – On the afternoon");

        driver.findElement(By.cssSelector("#role-presided a")).click();
        waitForHeading("Li Keqiang 李克强");
        assertThat(driver.findElements(By.cssSelector("#role-presided .record-item__title a")))
                .extracting(WebElement::getText)
                .containsExactly(SEED_TITLE);

        driver.navigate().back();
        waitForHeading(SEED_TITLE);

        driver.findElement(By.linkText("Digital economy")).click();
        waitForHeading("Digital economy 数字经济");
        assertThat(driver.findElements(By.cssSelector(".record-list .record-item__title a")))
                .extracting(WebElement::getText)
                .containsExactly(SEED_TITLE);

        driver.navigate().back();
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
            browser.assertAccessible();
        }
    }

    @Test
    void theStylesheetAndIconLoadByTheirFingerprintedNamesUnderTheContentSecurityPolicyAndComeFromTheCacheAfter() {
        JavascriptExecutor page = (JavascriptExecutor) browser.driver();
        open(RecordPageIntegrationTests.SEED_PATH);
        assertThat(page.executeScript("return document.styleSheets.length === 1"
                        + " && document.styleSheets[0].cssRules.length > 0"
                        + " && getComputedStyle(document.querySelector('.site-header')).backgroundColor"))
                .as("the stylesheet applies")
                .isNotIn(false, "rgba(0, 0, 0, 0)");
        assertThat((String) page.executeScript("return document.styleSheets[0].href"))
                .matches(".*/css/archive-[0-9a-f]{32}\\.css");
        assertThat(page.executeScript("return document.querySelector('.site-name__mark').naturalWidth"))
                .as("the icon shows")
                .isNotEqualTo(0L);

        open("/people/li-keqiang");
        assertThat(page.executeScript("return performance.getEntriesByType('resource')"
                        + ".filter(e => e.name.includes('/css/archive-')).map(e => e.transferSize)"))
                .as("bytes fetched for the stylesheet on the second page: none, it came from the browser's cache")
                .isEqualTo(java.util.List.of(0L));
    }

    @Test
    void unknownAddressShowsTheFriendlyNotFoundPage() {
        open("/no/such/page");

        WebDriver driver = browser.driver();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("There is no page at this address");
    }

    @Test
    void pageFitsANarrowScreenWithoutSideways() {
        WebDriver driver = browser.driver();
        driver.manage().window().setSize(new Dimension(360, 800));
        open(RecordPageIntegrationTests.SEED_PATH);
        Object overflow = ((JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollWidth > window.innerWidth;");
        assertThat(overflow).isEqualTo(false);
    }

    /**
     * The record page at 1280 px wide and the other pages, for a look in target/screenshots (the README's screenshots
     * come from {@link DocumentationScreenshotsBrowserTests}).
     */
    @Test
    void takesAScreenshotOfTheRecordPage() throws IOException {
        browser.driver().manage().window().setSize(new Dimension(1280, 1600));
        screenshot(RecordPageIntegrationTests.SEED_PATH, "record-page.png");
        screenshot("/", "home.png");
        screenshot("/records", "records.png");
        screenshot("/people/li-keqiang", "person.png");
    }

    private void screenshot(String path, String name) throws IOException {
        open(path);
        Path shot = ((TakesScreenshot) browser.driver())
                .getScreenshotAs(OutputType.FILE)
                .toPath();
        Path target = Path.of("target", "screenshots", name);
        Files.createDirectories(target.getParent());
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(target)).isPositive();
    }

    private void open(String path) {
        browser.open(path);
    }

    private void waitForHeading(String text) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .until(ExpectedConditions.textToBe(By.tagName("h1"), text));
    }
}
