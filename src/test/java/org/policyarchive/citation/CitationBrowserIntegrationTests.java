package org.policyarchive.citation;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.policyarchive.testing.Browser;
import org.policyarchive.testing.CleanArchive;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The Cite block in real Chromium: the copy buttons appear once the script runs, copy the citation's text by mouse
 * and by keyboard, say so in a live region, and the record page has no accessibility violation at all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@CleanArchive
class CitationBrowserIntegrationTests {

    @RegisterExtension
    Browser browser = new Browser();

    @Test
    void copiesEachCitationAndAnnouncesIt() {
        WebDriver driver = browser.driver();
        // the page may read the clipboard back only with the reader's permission, which a test grants
        ((ChromeDriver) driver)
                .executeCdpCommand(
                        "Browser.grantPermissions",
                        Map.of(
                                "origin", browser.url(""),
                                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        browser.open("/records/" + CitationIntegrationTests.SEED_SLUG);

        List<WebElement> buttons = driver.findElements(By.cssSelector("button.cite__copy"));
        assertThat(buttons)
                .hasSize(3)
                .allSatisfy(button -> assertThat(button.isDisplayed()).isTrue());
        assertThat(buttons.get(1).getAccessibleName()).isEqualTo("Copy the APA (7th edition) citation");
        WebElement status = driver.findElement(By.id("cite-apa-status"));
        assertThat(status.getAttribute("role")).isEqualTo("status");

        buttons.get(1).click();
        waitForText(status, "Copied to the clipboard.");
        String apa = driver.findElement(By.id("cite-apa")).getText();
        assertThat(apa).startsWith("Li, K., & Chen, C. (2023, August 21). Chinese Premier Li Keqiang");
        assertThat(clipboard(driver)).isEqualTo(apa);
        assertThat(driver.switchTo().activeElement()).isEqualTo(buttons.get(1));

        // by keyboard: the next button is one Tab away from the one just used, and Enter presses it
        driver.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(driver.switchTo().activeElement()).isEqualTo(buttons.get(2));
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        WebElement chicagoStatus = driver.findElement(By.id("cite-chicago-status"));
        waitForText(chicagoStatus, "Copied to the clipboard.");
        assertThat(status.getText()).isEmpty();
        assertThat(clipboard(driver))
                .isEqualTo(driver.findElement(By.id("cite-chicago")).getText())
                .startsWith("Li, Keqiang, and Chun Chen. “Chinese Premier");
    }

    @Test
    void theRecordPageWithItsCiteBlockHasNoAccessibilityViolation() {
        browser.open("/records/" + CitationIntegrationTests.SEED_SLUG);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> d.findElement(By.cssSelector("button.cite__copy")).isDisplayed());

        Results results = new AxeBuilder().analyze(browser.driver());

        assertThat(results.getViolations())
                .as(() -> results.getViolations().stream()
                        .map(rule -> rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " "
                                + rule.getNodes().stream()
                                        .map(node -> String.valueOf(node.getTarget()))
                                        .toList())
                        .toList()
                        .toString())
                .extracting(Rule::getId)
                .isEmpty();
    }

    private static String clipboard(WebDriver driver) {
        return (String) ((JavascriptExecutor) driver)
                .executeAsyncScript("var done = arguments[arguments.length - 1];"
                        + " navigator.clipboard.readText().then(done, function (e) { done('failed: ' + e); });");
    }

    private void waitForText(WebElement element, String text) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> element.getText().equals(text));
    }
}
