package org.policyarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.policyarchive.person.Person;
import org.policyarchive.person.PersonDirectory;
import org.policyarchive.record.DatePrecision;
import org.policyarchive.record.Record;
import org.policyarchive.record.RecordCatalog;
import org.policyarchive.record.RecordKind;
import org.policyarchive.record.RecordStatus;
import org.policyarchive.record.Role;
import org.policyarchive.system.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SearchBrowserIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    RecordCatalog catalog;

    @Autowired
    PersonDirectory people;

    private final String marker =
            "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    private WebDriver browser;

    @BeforeEach
    void startBrowser() {
        browser = Browser.start();
        // axe-core runs as one async script; on a loaded machine it needs more than Selenium's default 30 s.
        browser.manage().timeouts().scriptTimeout(Duration.ofMinutes(3));
    }

    @AfterEach
    void quitBrowser() {
        browser.quit();
    }

    private void publish(String title, RecordKind kind, Person person) {
        Record record =
                new Record(catalog.uniqueSlug(title), title, kind, "en", "On the canals of the north " + marker);
        record.setDate(LocalDate.of(1999, 5, 4), DatePrecision.DAY);
        record.setStatus(RecordStatus.PUBLISHED);
        record.addParticipation(person, Role.SPOKE, null);
        catalog.save(record);
    }

    @Test
    void searchesNarrowsByAFacetAndOpensAResult() {
        Person speaker = people.findOrCreate("Canal Keeper " + marker);
        publish("Canals speech " + marker, RecordKind.SPEECH, speaker);
        publish("Canals letter " + marker, RecordKind.LETTER, speaker);

        browser.get("http://localhost:" + port + "/search");
        WebElement box = browser.findElement(By.id("search-q"));
        box.sendKeys("canals " + marker, Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBe(By.id("search-results-heading"), "2 records match"));
        assertThat(browser.findElements(By.cssSelector(".search-hit__snippet mark")))
                .isNotEmpty();
        Browser.assertAccessible(browser);

        browser.findElement(By.cssSelector("section[aria-labelledby=facet-kind-heading]"))
                .findElement(By.partialLinkText("letter"))
                .click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBe(By.id("search-results-heading"), "1 record matches"));
        assertThat(browser.getCurrentUrl()).contains("kind=letter");

        browser.findElement(By.cssSelector(".search-hit__title a")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/records/"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Canals letter " + marker);
    }

    @Test
    void suggestsAPersonWithTheKeyboardAndFiltersByThem() {
        Person speaker = people.findOrCreate("Quillon Harbourmaster " + marker);
        speaker.getAliases().add("Harbour Chief " + marker);
        people.save(speaker);
        publish("Harbour works " + marker, RecordKind.SPEECH, speaker);

        browser.get("http://localhost:" + port + "/search?q=" + marker);
        WebElement input = browser.findElement(By.id("person-chooser"));
        input.sendKeys("harbour chief " + marker.substring(0, 5));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.until(d -> "true".equals(input.getAttribute("aria-expanded")));
        input.sendKeys(Keys.ARROW_DOWN);
        String active = input.getAttribute("aria-activedescendant");
        assertThat(browser.findElement(By.id(active)).getText()).contains("Quillon Harbourmaster");
        input.sendKeys(Keys.ENTER);

        wait.until(ExpectedConditions.urlContains("person=" + speaker.getSlug()));
        assertThat(browser.findElement(By.id("search-results-heading")).getText())
                .isEqualTo("1 record matches");
        assertThat(browser.findElement(By.cssSelector(".search-filters")).getText())
                .contains("Quillon Harbourmaster");
    }
}
