package org.policyarchive.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.policyarchive.account.AccountRole;
import org.policyarchive.account.UserAccounts;
import org.policyarchive.testing.Browser;
import org.policyarchive.testing.CleanArchive;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * An editor adds a kind in the browser, is told what is wrong with a name beside its field, and finds the kind in the
 * record form; an admin reads the import form's account of fields and kinds. The pages pass axe.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@CleanArchive
class KindAdminBrowserIntegrationTests {

    @RegisterExtension
    Browser browser = new Browser();

    @Autowired
    UserAccounts accounts;

    @Test
    void editorAddsAKindAndChoosesItInTheRecordForm() {
        browser.signInAsNewUser(accounts, AccountRole.EDITOR);
        browser.open("/admin/kinds");
        WebDriver driver = browser.driver();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Kinds");
        assertThat(driver.findElements(By.cssSelector("table.kinds tbody tr"))).hasSize(22);
        browser.assertAccessible();

        browser.clickAndWaitForNextPage(driver.findElement(By.linkText("New kind")));
        driver.findElement(By.id("englishName")).sendKeys("Speech");
        browser.clickAndWaitForNextPage(driver.findElement(By.cssSelector("main form button[type=submit]")));
        assertThat(driver.findElement(By.id("englishName-error")).getText())
                .isEqualTo("Another kind already has this name, or is spelled this way.");
        browser.assertAccessible();

        driver.findElement(By.id("englishName")).clear();
        driver.findElement(By.id("englishName")).sendKeys("Party congress report");
        driver.findElement(By.id("chineseName")).sendKeys("党代会报告");
        new Select(driver.findElement(By.id("citedAs"))).selectByValue("REPORT");
        browser.clickAndWaitForNextPage(driver.findElement(By.cssSelector("main form button[type=submit]")));
        assertThat(driver.findElement(By.cssSelector(".flash")).getText()).isEqualTo("The kind was saved.");
        assertThat(driver.getCurrentUrl()).endsWith("/admin/kinds/party-congress-report/edit");

        browser.open("/admin/records/new");
        new Select(driver.findElement(By.id("kind"))).selectByValue("PARTY_CONGRESS_REPORT");
        assertThat(new Select(driver.findElement(By.id("kind")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("Party congress report");
    }

    @Test
    void adminReadsTheKindsTheImportFormAcceptsAndItsMappingFields() {
        browser.signInAsNewUser(accounts, AccountRole.ADMIN);
        browser.open("/admin/imports");
        WebDriver driver = browser.driver();
        assertThat(driver.findElements(By.cssSelector(".import-kind-list li"))).hasSize(22);
        assertThat(driver.findElement(By.cssSelector("label[for=import-kind-mappings]"))
                        .getText())
                .startsWith("Map kinds, one a line");
        assertThat(driver.findElement(By.linkText("Download a sample file (three records, JSON Lines)"))
                        .getAttribute("href"))
                .endsWith("/admin/imports/sample.jsonl");
        browser.assertAccessible();
    }
}
