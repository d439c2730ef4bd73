package org.policyarchive.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.policyarchive.account.AccountRole;
import org.policyarchive.account.UserAccounts;
import org.policyarchive.person.PersonDirectory;
import org.policyarchive.testing.Browser;
import org.policyarchive.testing.CleanArchive;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

/** An editor signs in, writes a record in the form with the person autocomplete, saves it and reads its history. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@CleanArchive
class RecordFormBrowserIntegrationTests {

    @RegisterExtension
    Browser browser = new Browser();

    @Autowired
    UserAccounts accounts;

    @Autowired
    RecordCatalog catalog;

    @Autowired
    PersonDirectory people;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void editorWritesARecordWithTheAutocompleteAndReadsItsHistory() {
        browser.signInAsNewUser(accounts, AccountRole.EDITOR);
        browser.open("/admin/records/new");
        WebDriver driver = browser.driver();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("New record");
        browser.assertAccessible();

        String title = "Browser-made study session";
        driver.findElement(By.id("title")).sendKeys(title);
        new Select(driver.findElement(By.id("kind"))).selectByValue("STUDY_SESSION");
        driver.findElement(By.id("date")).sendKeys("2023-08-21");
        driver.findElement(By.id("body")).sendKeys("First paragraph.\n\nSecond paragraph.");
        browser.clickAndWaitForNextPage(driver.findElement(By.cssSelector("button[value=addPerson]")));

        WebElement name = driver.findElement(By.id("people0.name"));
        assertThat(driver.findElement(By.id("title")).getAttribute("value")).isEqualTo(title);
        assertThat(name.getAttribute("role")).isEqualTo("combobox");
        name.sendKeys("Li Keq");
        // Suggestions follow each keystroke; wait for those of the whole text.
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.attributeToBe(
                        By.cssSelector("[data-combobox]"), "data-combobox-query", "Li Keq"));
        WebElement option = driver.findElement(By.cssSelector("[role=listbox] [role=option]"));
        assertThat(option.getText()).startsWith("Li Keqiang");
        assertThat(name.getAttribute("aria-expanded")).isEqualTo("true");
        name.sendKeys(Keys.ARROW_DOWN);
        assertThat(name.getAttribute("aria-activedescendant")).isEqualTo(option.getAttribute("id"));
        name.sendKeys(Keys.ENTER);
        assertThat(name.getAttribute("value")).isEqualTo("Li Keqiang");
        assertThat(name.getAttribute("aria-expanded")).isEqualTo("false");
        assertThat(driver.findElement(By.id("people0.personId")).getAttribute("value"))
                .isEqualTo(String.valueOf(
                        people.findBySlug("li-keqiang").orElseThrow().getId()));
        new Select(driver.findElement(By.id("people0.role"))).selectByValue("PRESIDED");

        browser.clickAndWaitForNextPage(driver.findElement(By.cssSelector("button[value=save]")));
        assertThat(driver.findElement(By.cssSelector(".flash")).getText()).isEqualTo("The record was saved.");

        transactions.executeWithoutResult(tx -> {
            Record record =
                    catalog.findBySlug("browser-made-study-session-2023-08-21").orElseThrow();
            assertThat(record.getParagraphs()).containsExactly("First paragraph.", "Second paragraph.");
            assertThat(record.getParticipations()).hasSize(1);
            assertThat(record.getParticipations().get(0).getPerson().getSlug()).isEqualTo("li-keqiang");
            assertThat(record.getParticipations().get(0).getRole()).isEqualTo(Role.PRESIDED);
        });

        browser.clickAndWaitForNextPage(driver.findElement(By.linkText("History")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("History");
        assertThat(driver.findElements(By.cssSelector("table.revisions tbody tr")))
                .hasSize(1);
        browser.assertAccessible();
    }
}
