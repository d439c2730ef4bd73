package org.policyarchive.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Real headless Chromium for browser tests, driven through Debian's chromedriver so that Selenium never tries to
 * download a driver or a browser.
 */
public final class Browser {

    private static final String CHROMIUM = System.getProperty("archive.test.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("archive.test.chromedriver", "/usr/bin/chromedriver");

    private Browser() {}

    /** A new headless Chromium; quit it when done. */
    public static WebDriver start() {
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
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(oldPage));
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
