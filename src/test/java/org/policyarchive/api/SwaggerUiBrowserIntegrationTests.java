package org.policyarchive.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.policyarchive.testing.Browser;
import org.policyarchive.testing.CleanArchive;
import org.springframework.boot.test.context.SpringBootTest;

/** Swagger UI in real Chromium, under the Content-Security-Policy the archive sends for its pages. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@CleanArchive
class SwaggerUiBrowserIntegrationTests {

    @RegisterExtension
    Browser chromium = new Browser();

    @Test
    void showsEveryOperationAndTriesOneOutUnderThePolicy() {
        chromium.open("/swagger-ui.html");
        WebDriverWait wait = new WebDriverWait(chromium.driver(), Duration.ofSeconds(30));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".opblock"), 12));
        assertThat(chromium.driver().findElement(By.cssSelector(".info .title")).getText())
                .startsWith("Policy Archive API");
        // inline styles are allowed on these pages only: Swagger UI draws its interface with them
        assertThat(((JavascriptExecutor) chromium.driver())
                        .executeScript("return getComputedStyle(document.querySelector('.swagger-ui')).display"))
                .isNotEqualTo("none");

        WebElement show = chromium.driver().findElements(By.cssSelector(".opblock-get")).stream()
                .filter(block -> block.findElement(By.cssSelector(".opblock-summary-path"))
                        .getText()
                        .replace("\u200b", "")
                        .equals("/api/records/{slug}"))
                .findFirst()
                .orElseThrow();
        show.findElement(By.cssSelector(".opblock-summary")).click();
        wait.until(ExpectedConditions.elementToBeClickable(show.findElement(By.cssSelector(".try-out__btn"))))
                .click();
        WebElement slug = show.findElement(By.cssSelector("input[placeholder='slug']"));
        slug.clear();
        slug.sendKeys(ApiReadIntegrationTests.SEED_SLUG);
        show.findElement(By.cssSelector(".execute")).click();

        wait.until(ExpectedConditions.presenceOfNestedElementLocatedBy(show, By.cssSelector(".live-responses-table")));
        List<String> statuses = show.findElements(By.cssSelector(".live-responses-table .response-col_status")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(statuses).anyMatch(status -> status.startsWith("200"));
        assertThat(show.findElement(By.cssSelector(".live-responses-table .microlight, .live-responses-table pre"))
                        .getText())
                .contains(ApiReadIntegrationTests.SEED_SLUG);
    }
}
