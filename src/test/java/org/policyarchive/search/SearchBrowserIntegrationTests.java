package org.policyarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.policyarchive.account.AccountRole;
import org.policyarchive.account.UserAccounts;
import org.policyarchive.person.Person;
import org.policyarchive.person.PersonDirectory;
import org.policyarchive.record.RecordEditor;
import org.policyarchive.record.RecordKind;
import org.policyarchive.record.Role;
import org.policyarchive.testing.Browser;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.Drafts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@CleanArchive
class SearchBrowserIntegrationTests {

    @RegisterExtension
    Browser browser = new Browser();

    @Autowired
    RecordEditor editor;

    @Autowired
    PersonDirectory people;

    @Autowired
    UserAccounts accounts;

    private WebDriver driver;

    @BeforeEach
    void allowForAxe() {
        driver = browser.driver();
        // axe-core runs as one async script; on a loaded machine it needs more than Selenium's default 30 s.
        driver.manage().timeouts().scriptTimeout(Duration.ofMinutes(3));
    }

    private void publish(String title, RecordKind kind, String speaker) {
        editor.create(
                Drafts.speech(title)
                        .kind(kind)
                        .body("On the canals of the north")
                        .date("1999-05-04")
                        .by(speaker, Role.SPOKE)
                        .build(),
                "test",
                null);
    }

    @Test
    void searchesNarrowsByAFacetAndOpensAResult() {
        publish("Canals speech", RecordKind.SPEECH, "Canal Keeper");
        publish("Canals letter", RecordKind.LETTER, "Canal Keeper");

        browser.open("/search");
        WebElement box = driver.findElement(By.id("search-q"));
        box.sendKeys("canals", Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBe(By.id("search-results-heading"), "2 records match"));
        assertThat(driver.findElements(By.cssSelector(".record-item__excerpt mark")))
                .isNotEmpty();
        browser.assertAccessible();

        driver.findElement(By.cssSelector("section[aria-labelledby=facet-kind-heading]"))
                .findElement(By.partialLinkText("Letter"))
                .click();
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBe(By.id("search-results-heading"), "1 record matches"));
        assertThat(driver.getCurrentUrl()).contains("kind=letter");

        driver.findElement(By.cssSelector(".record-item__title a")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/records/"));
        assertThat(driver.getCurrentUrl()).endsWith("/records/canals-letter-1999-05-04");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Canals letter");
    }

    @Test
    void suggestsAPersonWithTheKeyboardAndFiltersByThem() {
        publish("Harbour works", RecordKind.SPEECH, "Quillon Harbourmaster");
        Person speaker = people.findByAnyName("Quillon Harbourmaster").orElseThrow();
        // an editor gives the person an alias on the person admin page
        browser.signInAsNewUser(accounts, AccountRole.EDITOR);
        browser.open("/admin/people/" + speaker.getId() + "/edit");
        driver.findElement(By.id("aliases")).sendKeys("Harbour Chief");
        browser.clickAndWaitForNextPage(driver.findElement(By.cssSelector("main form button[value=save]")));
        assertThat(driver.findElement(By.cssSelector(".flash")).getText()).isNotBlank();

        browser.open("/search?q=harbour");
        WebElement input = driver.findElement(By.id("person-chooser"));
        input.sendKeys("harbour chief");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        wait.until(d -> "true".equals(input.getAttribute("aria-expanded")));
        input.sendKeys(Keys.ARROW_DOWN);
        String active = input.getAttribute("aria-activedescendant");
        assertThat(driver.findElement(By.id(active)).getText()).contains("Quillon Harbourmaster");
        input.sendKeys(Keys.ENTER);

        wait.until(ExpectedConditions.urlContains("person=" + speaker.getSlug()));
        assertThat(driver.findElement(By.id("search-results-heading")).getText())
                .isEqualTo("1 record matches");
        assertThat(driver.findElement(By.cssSelector(".search-filters")).getText())
                .contains("Quillon Harbourmaster");
    }
}
