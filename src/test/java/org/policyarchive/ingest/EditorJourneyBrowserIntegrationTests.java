package org.policyarchive.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.policyarchive.account.AccountRole;
import org.policyarchive.account.UserAccounts;
import org.policyarchive.system.Browser;
import org.policyarchive.system.Slugs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole editor journey in a browser: sign in, upload the seed text, correct the prefilled form, publish,
 * then find the record on the public site and in search, and its original on the history page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EditorJourneyBrowserIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @TempDir
    Path uploads;

    WebDriver browser;

    @BeforeEach
    void startBrowser() {
        browser = Browser.start();
    }

    @AfterEach
    void quitBrowser() {
        browser.quit();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    void signIn() {
        String username = "journey-editor-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "correct horse battery " + UUID.randomUUID();
        accounts.createUser(username, password, AccountRole.EDITOR);
        Browser.signIn(browser, url("/login"), username, password);
    }

    @Test
    void editorUploadsTheSeedCorrectsAndPublishesItAndReadersFindIt() throws Exception {
        String runWord =
                "journey" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Path file = uploads.resolve("study-session-" + runWord + ".txt");
        Files.write(file, TestFiles.seed());
        signIn();

        browser.get(url("/admin/uploads"));
        Browser.assertAccessible(browser);
        browser.findElement(By.id("upload-file")).sendKeys(file.toAbsolutePath().toString());
        Browser.clickAndWaitForNextPage(browser, browser.findElement(By.cssSelector("main form button[type=submit]")));

        WebElement title = browser.findElement(By.id("title"));
        assertThat(title.getAttribute("value"))
                .isEqualTo("Chinese Premier Li Keqiang Chairs State Council Special Study on Accelerating Digital"
                        + " Economy Development");
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
                .contains("filled in from the uploaded file");
        List<WebElement> rows = browser.findElements(By.cssSelector("li.person-row"));
        assertThat(personRow(rows.get(0))).isEqualTo("Li Keqiang / Presided");
        assertThat(personRow(rows.get(1))).isEqualTo("Chen Chun / Lectured");
        Browser.assertAccessible(browser);

        String correctedTitle = title.getAttribute("value") + " " + runWord;
        title.sendKeys(" " + runWord);
        new Select(browser.findElement(By.id("status"))).selectByVisibleText("Published");
        Browser.clickAndWaitForNextPage(browser, browser.findElement(By.cssSelector("button[value=save]")));
        assertThat(browser.findElement(By.cssSelector(".flash")).getText()).isEqualTo("The record was saved.");
        assertThat(browser.findElement(By.id("title")).getAttribute("value")).isEqualTo(correctedTitle);

        Browser.clickAndWaitForNextPage(browser, browser.findElement(By.linkText("History")));
        WebElement original = browser.findElement(By.cssSelector("table.originals tbody tr"));
        assertThat(original.getText())
                .contains(
                        file.getFileName().toString(),
                        String.format(Locale.ENGLISH, "%,d bytes", TestFiles.seed().length),
                        "text/plain")
                .contains(OriginalFiles.sha256(TestFiles.seed()));
        String download = original.findElement(By.tagName("a")).getAttribute("href");
        assertThat(download).matches(".*/admin/files/\\d+");
        Browser.assertAccessible(browser);
        assertThat(downloadAsSignedIn(download)).isEqualTo(TestFiles.seed());

        String slug = Slugs.slugify(correctedTitle);
        browser.get(url("/records/" + slug));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(correctedTitle);
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("Beijing, China – On the afternoon of August 21st, the State Council conducted its third"
                        + " special study session");

        browser.get(url("/search?q=" + runWord));
        WebElement hit = browser.findElement(By.cssSelector(".search-hit a[href$='/records/" + slug + "']"));
        assertThat(hit.getText()).contains(runWord);
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
        String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
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
