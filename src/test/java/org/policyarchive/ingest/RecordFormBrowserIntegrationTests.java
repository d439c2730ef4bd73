package org.policyarchive.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.policyarchive.account.AccountRole;
import org.policyarchive.account.UserAccounts;
import org.policyarchive.record.Record;
import org.policyarchive.record.RecordCatalog;
import org.policyarchive.record.Role;
import org.policyarchive.system.Browser;
import org.policyarchive.system.Slugs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/** An editor signs in, writes a record in the form with the person autocomplete, saves it and reads its history. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RecordFormBrowserIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    RecordCatalog catalog;

    @Autowired
    TransactionTemplate transactions;

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
        String username = "browser-editor-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "correct horse battery " + UUID.randomUUID();
        accounts.createUser(username, password, AccountRole.EDITOR);
        Browser.signIn(browser, url("/login"), username, password);
    }

    @Test
    void editorWritesARecordWithTheAutocompleteAndReadsItsHistory() {
        signIn();
        browser.get(url("/admin/records/new"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("New record");
        Browser.assertAccessible(browser);

        String title =
                "Browser-made study session " + UUID.randomUUID().toString().substring(0, 8);
        browser.findElement(By.id("title")).sendKeys(title);
        new Select(browser.findElement(By.id("kind"))).selectByValue("STUDY_SESSION");
        browser.findElement(By.id("date")).sendKeys("2023-08-21");
        browser.findElement(By.id("body")).sendKeys("First paragraph.\n\nSecond paragraph.");
        Browser.clickAndWaitForNextPage(browser, browser.findElement(By.cssSelector("button[value=addPerson]")));

        WebElement name = browser.findElement(By.id("people0.name"));
        assertThat(browser.findElement(By.id("title")).getAttribute("value")).isEqualTo(title);
        assertThat(name.getAttribute("role")).isEqualTo("combobox");
        name.sendKeys("Li Keq");
        // Suggestions follow each keystroke; wait for those of the whole text.
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.attributeToBe(
                        By.cssSelector("[data-combobox]"), "data-combobox-query", "Li Keq"));
        WebElement option = browser.findElement(By.cssSelector("[role=listbox] [role=option]"));
        assertThat(option.getText()).startsWith("Li Keqiang");
        assertThat(name.getAttribute("aria-expanded")).isEqualTo("true");
        name.sendKeys(Keys.ARROW_DOWN);
        assertThat(name.getAttribute("aria-activedescendant")).isEqualTo(option.getAttribute("id"));
        name.sendKeys(Keys.ENTER);
        assertThat(name.getAttribute("value")).isEqualTo("Li Keqiang");
        assertThat(name.getAttribute("aria-expanded")).isEqualTo("false");
        assertThat(browser.findElement(By.id("people0.personId")).getAttribute("value"))
                .isNotBlank();
        new Select(browser.findElement(By.id("people0.role"))).selectByValue("PRESIDED");

        Browser.clickAndWaitForNextPage(browser, browser.findElement(By.cssSelector("button[value=save]")));
        assertThat(browser.findElement(By.cssSelector(".flash")).getText()).isEqualTo("The record was saved.");

        transactions.executeWithoutResult(tx -> {
            Record record = catalog.findBySlug(Slugs.slugify(title)).orElseThrow();
            assertThat(record.getParagraphs()).containsExactly("First paragraph.", "Second paragraph.");
            assertThat(record.getParticipations()).hasSize(1);
            assertThat(record.getParticipations().get(0).getPerson().getSlug()).isEqualTo("li-keqiang");
            assertThat(record.getParticipations().get(0).getRole()).isEqualTo(Role.PRESIDED);
        });

        Browser.clickAndWaitForNextPage(browser, browser.findElement(By.linkText("History")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("History");
        assertThat(browser.findElements(By.cssSelector("table.revisions tbody tr")))
                .hasSize(1);
        Browser.assertAccessible(browser);
    }
}
