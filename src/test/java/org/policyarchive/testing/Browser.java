package org.policyarchive.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.policyarchive.account.AccountRole;
import org.policyarchive.account.UserAccounts;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Real headless Chromium for browser tests, driven through Debian's chromedriver so that Selenium never tries to
 * download a driver or a browser. Registered as an extension ({@code @RegisterExtension Browser browser = new
 * Browser()}), it starts a browser before each test and quits it after; the test's server port comes from Spring.
 */
public final class Browser implements BeforeEachCallback, AfterEachCallback {

    private static final String CHROMIUM = System.getProperty("archive.test.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("archive.test.chromedriver", "/usr/bin/chromedriver");

    private @Nullable WebDriver driver;
    private int port;

    @Override
    public void beforeEach(ExtensionContext context) {
        port = Integer.parseInt(SpringExtension.getApplicationContext(context)
                .getEnvironment()
                .getRequiredProperty("local.server.port"));
        driver = start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    /** The browser of the running test. */
    public WebDriver driver() {
        return Objects.requireNonNull(driver, "no test is running");
    }

    /** The address of {@code path} on the test's server. */
    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Opens {@code path} on the test's server. */
    public void open(String path) {
        driver().get(url(path));
    }

    /** Signs in through the login form. */
    public void signIn(String username, String password) {
        signIn(driver(), url("/login"), username, password);
    }

    /** Creates a user with {@code role} and signs in as that user; returns the username. */
    public String signInAsNewUser(UserAccounts accounts, AccountRole role) {
        String username = role.name().toLowerCase(java.util.Locale.ROOT) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        String password = "correct horse battery " + UUID.randomUUID();
        accounts.createUser(username, password, role);
        signIn(username, password);
        return username;
    }

    /** Clicks something that loads a new page and waits until the old page is gone. */
    public void clickAndWaitForNextPage(WebElement element) {
        clickAndWaitForNextPage(driver(), element);
    }

    /** Fails on any serious or critical axe-core violation on the page the browser shows now. */
    public void assertAccessible() {
        assertAccessible(driver());
    }

    /** A new headless Chromium; quit it when done. */
    private static WebDriver start() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1280,1000",
                "--user-data-dir=" + TestDatabase.temporaryDirectory("chromium-profile-"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return driver;
    }

    /** Signs in through the login form at {@code loginUrl} and waits until the browser has left that page. */
    public static void signIn(WebDriver driver, String loginUrl, String username, String password) {
        driver.get(loginUrl);
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        clickAndWaitForNextPage(driver, driver.findElement(By.cssSelector("main button[type=submit]")));
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    /**
     * Clicks something that loads a new page and waits until the old page is gone, so that the next lookup cannot
     * find an element of the page being left (a flash message, a heading) and then see it go stale.
     */
    public static void clickAndWaitForNextPage(WebDriver driver, WebElement element) {
        WebElement oldPage = driver.findElement(By.tagName("html"));
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> isGone(oldPage));
    }

    /**
     * Whether the element's page is gone. Chromium sometimes answers for an element of a page it has just left with
     * "Node with given id does not belong to the document" rather than a stale element: that is gone, too.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** Fails on any serious or critical axe-core violation on the page the browser shows now. */
    public static void assertAccessible(WebDriver driver) {
        Results results = new AxeBuilder().analyze(driver);
        List<Rule> blocking = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .toList();
        assertThat(blocking)
                .as(() -> "accessibility violations on " + driver.getCurrentUrl() + ":\n"
                        + blocking.stream()
                                .map(rule -> rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " "
                                        + rule.getNodes().stream()
                                                .map(node -> String.valueOf(node.getTarget()))
                                                .collect(Collectors.joining(", ")))
                                .collect(Collectors.joining("\n")))
                .isEmpty();
    }
}
