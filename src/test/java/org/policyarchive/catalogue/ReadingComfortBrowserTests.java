package org.policyarchive.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.policyarchive.account.AccountRole;
import org.policyarchive.account.UserAccounts;
import org.policyarchive.record.RecordEditor;
import org.policyarchive.record.RecordKind;
import org.policyarchive.record.Role;
import org.policyarchive.testing.Browser;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.Drafts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Reading away from the desktop screen, in real headless Chromium: a record printed (print media emulated, and
 * printed to PDF) keeps its text, people, source, note and address and drops the site around it; the dark scheme
 * follows the system setting and keeps every contrast that axe checks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@CleanArchive
class ReadingComfortBrowserTests {

    static final String TITLE = "Second Inaugural Address on the Printing of Records";

    static final String FIRST_PARAGRAPH =
            "My fellow citizens, a record on paper should carry its speaker and its source.";

    /** Where screenshots go when a person wants to look at them; unset in CI, where none is taken. */
    static final String SHOTS = System.getenv("ARCHIVE_TEST_SHOTS");

    @RegisterExtension
    Browser browser = new Browser();

    @Autowired
    RecordEditor editor;

    @Autowired
    UserAccounts accounts;

    @Test
    void printsARecordWithItsTextPeopleSourceNoteAndAddressWithoutTheSiteAroundIt() throws IOException {
        String path = printableRecord();
        WebDriver driver = browser.driver();
        browser.open(path);
        assertThat(driver.findElement(By.cssSelector(".record__address")).isDisplayed())
                .as("the address line is for paper only")
                .isFalse();
        assertThat(driver.findElement(By.cssSelector(".site-search")).isDisplayed())
                .isTrue();

        emulate(driver, "print", "light");

        for (String shown : new String[] {
            "h1", "#p1", ".record__people", ".details .source a", ".editors-note", ".record__address", ".record__kind"
        }) {
            assertThat(driver.findElement(By.cssSelector(shown)).isDisplayed())
                    .as(shown)
                    .isTrue();
        }
        assertThat(driver.findElement(By.cssSelector(".record__address a")).getText())
                .isEqualTo(browser.url(path));
        for (String hidden : new String[] {
            ".site-header",
            ".site-nav",
            ".site-search",
            ".account-menu",
            ".site-footer",
            ".cite__downloads",
            ".skip-link"
        }) {
            assertThat(driver.findElement(By.cssSelector(hidden)).isDisplayed())
                    .as(hidden)
                    .isFalse();
        }
        assertThat(driver.findElements(By.tagName("button")))
                .as("no button prints")
                .isNotEmpty()
                .noneMatch(WebElement::isDisplayed);
        shoot(driver, "print-record.png");

        String printed = pdfText(driver);
        // a long address may break across lines on paper
        assertThat(printed.replaceAll("\\s+", "")).contains(browser.url(path));
        assertThat(printed.replaceAll("\\s+", " "))
                .contains(
                        TITLE, FIRST_PARAGRAPH, "Ada Printer", "Basil Binder", "An editors' note for the printed page.")
                .contains("kfogel/presidential-speeches, data/print.txt (a4c8b38)")
                .doesNotContain("Words to search for", "Sign in", "Copy", "BibTeX");
    }

    @Test
    void followsTheSystemsDarkSchemeWithEveryContrastKept() {
        String path = printableRecord();
        WebDriver driver = browser.driver();
        browser.open("/");
        emulate(driver, "screen", "dark");

        for (String page : new String[] {
            path,
            RecordPageIntegrationTests.SEED_PATH,
            "/records",
            "/search?q=digital",
            "/login",
            "/people/li-keqiang",
            "/"
        }) {
            browser.open(page);
            assertThat(luminance(background(driver, "body")))
                    .as("background of " + page)
                    .isLessThan(0.05);
            assertThat(luminance(colour(driver, "h1")))
                    .as("headings of " + page)
                    .isGreaterThan(0.6);
            assertNoViolation(driver);
            if (page.equals(path)) {
                shoot(driver, "dark-record.png");
            } else if (page.startsWith("/search")) {
                shoot(driver, "dark-search.png");
            } else if (page.equals("/login")) {
                shoot(driver, "dark-login.png");
            }
        }

        emulate(driver, "screen", "light");
        browser.open(path);
        assertThat(luminance(background(driver, "body"))).as("the light scheme").isGreaterThan(0.9);
        browser.open("/login");
        shoot(driver, "light-login.png");
    }

    @Test
    void theEditorsPagesKeepTheirContrastInTheDarkScheme() {
        long id = createPrintableRecord();
        WebDriver driver = browser.driver();
        browser.signInAsNewUser(accounts, AccountRole.EDITOR);
        emulate(driver, "screen", "dark");

        for (String page : new String[] {"/admin", "/admin/records/new", "/admin/records/" + id + "/edit"}) {
            browser.open(page);
            assertThat(luminance(background(driver, "body")))
                    .as("background of " + page)
                    .isLessThan(0.05);
            browser.assertAccessible();
        }
        shoot(driver, "dark-admin-record-form.png");
    }

    /** A record with everything a printout shows, published; its path. */
    private String printableRecord() {
        return "/records/" + editor.current(createPrintableRecord()).slug();
    }

    private long createPrintableRecord() {
        return editor.create(
                Drafts.speech(TITLE)
                        .kind(RecordKind.INAUGURAL_ADDRESS)
                        .date("1933-03-04")
                        .place("Washington")
                        .body(FIRST_PARAGRAPH + "\n\nA second paragraph, so that there is more than one.")
                        .by("Ada Printer", Role.SPOKE)
                        .by("Basil Binder", Role.PRESIDED)
                        .note("An editors' note for the printed page.")
                        .source("github:kfogel/presidential-speeches@a4c8b38:data/print.txt"
                                + " (from https://zh.wikisource.org/wiki/打印)")
                        .build(),
                "test",
                null);
    }

    /** Emulates a medium ("print" or "screen") and a colour scheme, for this page and the next ones. */
    private static void emulate(WebDriver driver, String media, String scheme) {
        ((ChromeDriver) driver)
                .executeCdpCommand(
                        "Emulation.setEmulatedMedia",
                        Map.of(
                                "media",
                                media,
                                "features",
                                List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    /** The text of the page printed to PDF as Chromium prints it. */
    private static String pdfText(WebDriver driver) throws IOException {
        Map<String, Object> printed = ((ChromeDriver) driver).executeCdpCommand("Page.printToPDF", Map.of());
        byte[] pdf = Base64.getDecoder().decode((String) printed.get("data"));
        if (SHOTS != null) {
            Files.write(Path.of(SHOTS, "print-record.pdf"), pdf);
        }
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** Fails on any axe violation at all, colour contrast included, on the page shown now. */
    static void assertNoViolation(WebDriver driver) {
        Results results = new AxeBuilder().analyze(driver);
        assertThat(results.getViolations())
                .as(() -> driver.getCurrentUrl() + ": "
                        + results.getViolations().stream()
                                .map(rule -> rule.getId() + " "
                                        + rule.getNodes().stream()
                                                .map(node -> node.getTarget() + " " + node.getFailureSummary())
                                                .toList())
                                .toList())
                .extracting(Rule::getId)
                .isEmpty();
        assertThat(results.getPasses())
                .extracting(Rule::getId)
                .as("contrast was checked")
                .contains("color-contrast");
    }

    private static String background(WebDriver driver, String selector) {
        return style(driver, selector, "backgroundColor");
    }

    private static String colour(WebDriver driver, String selector) {
        return style(driver, selector, "color");
    }

    private static String style(WebDriver driver, String selector, String property) {
        return (String) ((JavascriptExecutor) driver)
                .executeScript(
                        "return getComputedStyle(document.querySelector(arguments[0]))[arguments[1]]",
                        selector,
                        property);
    }

    /** The relative luminance (WCAG) of a computed colour such as {@code rgb(21, 24, 29)}. */
    static double luminance(String rgb) {
        Matcher m = Pattern.compile("rgba?\\((\\d+),\\s*(\\d+),\\s*(\\d+)").matcher(rgb);
        assertThat(m.find()).as(rgb).isTrue();
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(m.group(i + 1)) / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    private static void shoot(WebDriver driver, String name) {
        if (SHOTS == null) {
            return;
        }
        try {
            Files.write(Path.of(SHOTS, name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
