package org.policyarchive.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.policyarchive.account.AccountRole;
import org.policyarchive.account.UserAccounts;
import org.policyarchive.testing.Browser;
import org.policyarchive.testing.CleanArchive;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole editor journey in a browser: sign in, upload the seed text, correct the prefilled form, publish,
 * then find the record on the public site and in search, and its original on the history page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@CleanArchive
class EditorJourneyBrowserIntegrationTests {

    @RegisterExtension
    Browser browser = new Browser();

    @Autowired
    UserAccounts accounts;

    @TempDir
    Path uploads;

    @Test
    void editorUploadsTheSeedCorrectsAndPublishesItAndReadersFindIt() throws Exception {
        String runWord = "journeyword";
        Path file = uploads.resolve("study-session-upload.txt");
        Files.write(file, TestFiles.seed());
        browser.signInAsNewUser(accounts, AccountRole.EDITOR);
        WebDriver driver = browser.driver();

        browser.open("/admin/uploads");
        browser.assertAccessible();
        driver.findElement(By.id("upload-file")).sendKeys(file.toAbsolutePath().toString());
        browser.clickAndWaitForNextPage(driver.findElement(By.cssSelector("main form button[type=submit]")));
        assertThat(driver.getCurrentUrl()).matches(".*/admin/uploads/\\d+");

        WebElement title = driver.findElement(By.id("title"));
        assertThat(title.getAttribute("value"))
                .isEqualTo("Chinese Premier Li Keqiang Chairs State Council Special Study on Accelerating Digital"
                        + " Economy Development");
        assertThat(driver.findElement(By.cssSelector("[role=status]")).getText())
                .contains("filled in from the uploaded file");
        List<WebElement> rows = driver.findElements(By.cssSelector("li.person-row"));
        assertThat(rows.stream().map(EditorJourneyBrowserIntegrationTests::personRow))
                .containsExactly(
                        "Li Keqiang / Presided",
                        "Chen Chun / Lectured",
                        "Ding Xuexiang / Participated",
                        "Zhang Guoqing / Participated",
                        "Liu Guozhong / Participated",
                        "Xi Jinping / Mentioned");
        browser.assertAccessible();

        String correctedTitle = title.getAttribute("value") + " " + runWord;
        title.sendKeys(" " + runWord);
        // the text names the day without its year: the editor writes the date in full
        WebElement date = driver.findElement(By.id("date"));
        date.clear();
        date.sendKeys("2023-08-21");
        new Select(driver.findElement(By.id("status"))).selectByVisibleText("Published");
        browser.clickAndWaitForNextPage(driver.findElement(By.cssSelector("button[value=save]")));
        assertThat(driver.getCurrentUrl()).matches(".*/admin/records/\\d+/edit");
        assertThat(driver.findElement(By.cssSelector(".flash")).getText()).isEqualTo("The record was saved.");
        assertThat(driver.findElement(By.id("title")).getAttribute("value")).isEqualTo(correctedTitle);

        browser.clickAndWaitForNextPage(driver.findElement(By.linkText("History")));
        assertThat(driver.findElements(By.cssSelector("table.originals tbody tr")))
                .hasSize(1);
        WebElement original = driver.findElement(By.cssSelector("table.originals tbody tr"));
        assertThat(original.getText())
                .contains(
                        file.getFileName().toString(),
                        String.format(Locale.ENGLISH, "%,d bytes", TestFiles.seed().length),
                        "text/plain")
                .contains(OriginalFiles.sha256(TestFiles.seed()));
        String download = original.findElement(By.tagName("a")).getAttribute("href");
        assertThat(download).matches(".*/admin/files/\\d+");
        browser.assertAccessible();
        assertThat(downloadAsSignedIn(download)).isEqualTo(TestFiles.seed());

        // a new record's slug is made from its title and its date as written; a long title is cut, never the date
        String slug = "chinese-premier-li-keqiang-chairs-state-council-special-study-on-accelerating-digital-economy"
                + "-development-jou-2023-08-21";
        browser.open("/records/" + slug);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(correctedTitle);
        assertThat(driver.findElement(By.tagName("main")).getText())
                .contains("Beijing, China – On the afternoon of August 21st, the State Council conducted its third"
                        + " special study session");

        browser.open("/search?q=" + runWord);
        assertThat(driver.findElement(By.id("search-results-heading")).getText())
                .isEqualTo("1 record matches");
        WebElement hit = driver.findElement(By.cssSelector(".record-item a[href$='/records/" + slug + "']"));
        assertThat(hit.getText()).isEqualTo(correctedTitle);
    }

    private static String personRow(WebElement row) {
        String name = row.findElement(By.cssSelector("input[id$='.name']")).getAttribute("value");
        String role = new Select(row.findElement(By.cssSelector("select[id$='.role']")))
                .getFirstSelectedOption()
                .getText();
        return name + " / " + role;
    }

    /** The browser cannot hand over a download's bytes; fetch it with the browser's session instead. */
    private byte[] downloadAsSignedIn(String href) throws Exception {
        String session = browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(href))
                                .header("Cookie", "JSESSIONID=" + session)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
