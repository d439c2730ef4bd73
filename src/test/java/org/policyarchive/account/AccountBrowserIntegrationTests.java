package org.policyarchive.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyarchive.account.AccountTestSupport.PASSWORD;
import static org.policyarchive.account.AccountTestSupport.uniqueUsername;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.policyarchive.testing.Browser;
import org.policyarchive.testing.CleanArchive;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** An editor signs in through the real form in Chromium, finds the admin home, is kept out of admin-only pages. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@CleanArchive
class AccountBrowserIntegrationTests {

    @RegisterExtension
    Browser chromium = new Browser();

    @Autowired
    UserAccounts accounts;

    WebDriver browser;

    @BeforeEach
    void useTheBrowser() {
        browser = chromium.driver();
    }

    String url(String path) {
        return chromium.url(path);
    }

    void waitForHeading(String heading) {
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.textToBe(By.tagName("h1"), heading));
    }

    @Test
    void editorSignsInSeesTheAdminHomeAndSignsOut() {
        String username = uniqueUsername("browser-editor");
        accounts.createUser(username, PASSWORD, AccountRole.EDITOR);

        browser.get(url("/admin"));
        waitForHeading("Sign in");
        chromium.assertAccessible();
        String sessionBefore = browser.manage().getCookieNamed("JSESSIONID").getValue();

        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        chromium.clickAndWaitForNextPage(browser.findElement(By.cssSelector("main form button[type=submit]")));

        waitForHeading("Admin");
        assertThat(browser.getCurrentUrl()).startsWith(url("/admin"));
        assertThat(browser.findElement(By.cssSelector("main p")).getText())
                .isEqualTo("Signed in as " + username + " (Editor).");
        assertThat(browser.findElement(By.cssSelector(".account-menu")).getText())
                .contains("Signed in as " + username);
        assertThat(browser.manage().getCookieNamed("JSESSIONID").getValue()).isNotEqualTo(sessionBefore);
        chromium.assertAccessible();

        browser.get(url("/admin/users"));
        waitForHeading("You may not open this page");
        assertThat(browser.findElement(By.cssSelector("main p")).getText())
                .isEqualTo("Your account does not have the role this page needs. Ask an admin if you need it.");
        chromium.assertAccessible();

        browser.findElement(By.cssSelector(".account-menu form button")).click();

        waitForHeading("Sign in");
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
                .isEqualTo("You have signed out.");
        browser.get(url("/admin"));
        waitForHeading("Sign in");
    }

    @Test
    void adminCreatesAUserAndReadsTheAuditLog() {
        String admin = uniqueUsername("browser-admin");
        accounts.createUser(admin, PASSWORD, AccountRole.ADMIN);
        String newcomer = uniqueUsername("newcomer");

        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(admin);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        chromium.clickAndWaitForNextPage(browser.findElement(By.cssSelector("main form button[type=submit]")));
        browser.get(url("/admin/users/new"));
        waitForHeading("Create a user");
        chromium.assertAccessible();
        browser.findElement(By.id("username")).sendKeys(newcomer);
        browser.findElement(By.id("password")).sendKeys("a long enough password");
        chromium.clickAndWaitForNextPage(browser.findElement(By.cssSelector("main form button[type=submit]")));

        waitForHeading("Users");
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
                .isEqualTo("User " + newcomer + " was created.");
        assertThat(browser.findElement(By.id("user-" + newcomer)).getText()).contains("Editor", "Enabled");
        assertThat(browser.findElements(By.cssSelector("[id^=user-]")))
                .extracting(element -> element.getAttribute("id"))
                .containsExactlyInAnyOrder("user-" + admin, "user-" + newcomer);
        chromium.assertAccessible();

        browser.get(url("/admin/audit?user=" + admin));
        waitForHeading("Audit log");
        assertThat(browser.findElement(By.cssSelector("table.audit tbody tr")).getText())
                .contains("USER_CREATED", "user " + newcomer);
        assertThat(browser.findElements(By.cssSelector("table.audit tbody tr td:nth-child(4)")))
                .extracting(WebElement::getText)
                .containsExactly("USER_CREATED", "LOGIN");
        chromium.assertAccessible();
    }
}
