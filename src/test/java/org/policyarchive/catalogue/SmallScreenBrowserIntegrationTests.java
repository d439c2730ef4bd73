package org.policyarchive.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.policyarchive.account.AccountRole;
import org.policyarchive.account.UserAccounts;
import org.policyarchive.record.RecordEditor;
import org.policyarchive.record.RecordKind;
import org.policyarchive.record.Role;
import org.policyarchive.system.ReaderLocales;
import org.policyarchive.testing.Browser;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.Drafts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;

/**
 * The public pages and the editors' forms on a phone (375 px wide) and on a desktop screen (1280 px), in real
 * headless Chromium: on a phone a record shows who, when and what kind before its text, and the filters of a list
 * fold away behind one control that the keyboard opens; on a desktop the filters stand open; the two versions of an
 * edit conflict stand side by side on a desktop and one above the other on a phone; no page scrolls sideways on a
 * phone, every field and button there is a comfortable touch target, and axe finds nothing at either width.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@CleanArchive
@Tag("long")
class SmallScreenBrowserIntegrationTests {

    static final int PHONE = 375;
    static final int DESKTOP = 1280;

    /** The smallest height of a field or button on a phone: 44 CSS px, the touch target the guidelines ask for. */
    static final int TOUCH = 44;

    static final String PERSON_PATH = "/people/li-keqiang";

    @RegisterExtension
    Browser browser = new Browser();

    @Autowired
    RecordEditor editor;

    @Autowired
    UserAccounts accounts;

    private WebDriver driver;

    @BeforeEach
    void allowForAxe() {
        driver = browser.driver();
        // axe-core runs as one async script; on a loaded machine it needs more than Selenium's default 30 s.
        driver.manage().timeouts().scriptTimeout(Duration.ofMinutes(3));
    }

    @Test
    void aRecordOnAPhoneShowsWhoWhenAndWhatKindBeforeItsText() {
        widen(PHONE);
        browser.open(RecordPageIntegrationTests.SEED_PATH);
        WebElement text = driver.findElement(By.id("p1"));
        for (String essential :
                new String[] {".record__details", ".record__kind", ".record__people", ".record__themes"}) {
            assertThat(bottom(driver.findElement(By.cssSelector(essential))))
                    .as(essential + " ends above the first paragraph")
                    .isLessThan(top(text));
        }
        assertThat(driver.findElement(By.cssSelector(".record__details")).getText())
                .contains("Study session", "21 August 2023");
        assertThat(driver.findElement(By.cssSelector(".record__people")).getText())
                .contains("Li Keqiang", "Chen Chun");
        assertThat(top(driver.findElement(By.cssSelector(".cite"))))
                .as("the citations come after the text")
                .isGreaterThan(top(text));
        assertFitsAndPassesAxe();

        widen(DESKTOP);
        browser.open(RecordPageIntegrationTests.SEED_PATH);
        text = driver.findElement(By.id("p1"));
        WebElement people = driver.findElement(By.cssSelector(".record__people"));
        assertThat(left(people)).as("people beside the text").isGreaterThan(right(text));
        assertThat(top(text))
                .as("the text starts on the first screen, beside the details")
                .isLessThan(800);
        assertThat(left(driver.findElement(By.cssSelector(".cite")))).isGreaterThan(right(text));
        ReadingComfortBrowserTests.assertNoViolation(driver);
    }

    @Test
    void theFiltersOfAListFoldAwayOnAPhoneAndOpenWithTheKeyboard() {
        publish("Harbour dredging speech", RecordKind.SPEECH, "Harbour Master");
        publish("Harbour dredging letter", RecordKind.LETTER, "Harbour Master");

        for (String path : List.of("/records", "/search?q=harbour")) {
            widen(PHONE);
            browser.open(path);
            WebElement toggle = driver.findElement(By.cssSelector("details.fold > summary"));
            WebElement firstFilter = firstFilterLink();
            WebElement firstRecord = driver.findElement(By.cssSelector(".record-item"));
            assertThat(toggle.isDisplayed()).as(path + ": the one control").isTrue();
            assertThat(firstFilter.isDisplayed()).as(path + ": filters folded").isFalse();
            assertThat(top(toggle)).isLessThan(top(firstRecord));
            assertThat(top(firstRecord))
                    .as(path + ": the first record on the first screen")
                    .isLessThan(800);
            assertFitsAndPassesAxe();

            tabTo(toggle);
            new Actions(driver).sendKeys(Keys.ENTER).perform();
            assertThat(firstFilter.isDisplayed())
                    .as(path + ": unfolded with Enter")
                    .isTrue();
            assertThat(top(firstFilter)).isGreaterThan(bottom(toggle));
            new Actions(driver).sendKeys(Keys.TAB).perform();
            assertThat(driver.switchTo().activeElement())
                    .as(path + ": the next Tab goes into the filters")
                    .isEqualTo(firstFilterLinkOrField());
            assertFitsAndPassesAxe();
            new Actions(driver)
                    .keyDown(Keys.SHIFT)
                    .sendKeys(Keys.TAB)
                    .keyUp(Keys.SHIFT)
                    .sendKeys(" ")
                    .perform();
            assertThat(firstFilter.isDisplayed())
                    .as(path + ": folded again with Space")
                    .isFalse();

            widen(DESKTOP);
            browser.open(path);
            assertThat(firstFilterLink().isDisplayed())
                    .as(path + ": the filters stand open on a desktop")
                    .isTrue();
            assertThat(driver.findElement(By.cssSelector("details.fold > summary"))
                            .isDisplayed())
                    .isFalse();
            WebElement results = driver.findElement(By.cssSelector(".record-item"));
            assertThat(top(firstFilterLink()))
                    .as(path + ": beside the records, not above them")
                    .isLessThan(bottom(results));
            ReadingComfortBrowserTests.assertNoViolation(driver);

            // without script (fold.js opens the element on a wide screen) the stylesheet alone shows the filters
            script("document.querySelectorAll('details.fold').forEach(fold => fold.open = false)");
            assertThat(script("""
                            const link = document.querySelector('details.fold li a');
                            const box = link.getBoundingClientRect();
                            const seen = document.elementFromPoint(box.left + 2, box.top + box.height / 2);
                            return box.height > 0 && link.contains(seen);
                            """))
                    .as(path + ": the filters of the closed element stand open on a desktop")
                    .isEqualTo(true);
        }
    }

    @Test
    void aPersonsPageShowsTheirRecordsOnTheFirstScreenOfAPhone() {
        widen(PHONE);
        browser.open(PERSON_PATH);
        WebElement firstRecord = driver.findElement(By.cssSelector(".record-item"));
        assertThat(top(driver.findElement(By.tagName("h1")))).isLessThan(top(firstRecord));
        assertThat(top(firstRecord)).isLessThan(800);
        assertFitsAndPassesAxe();

        widen(DESKTOP);
        browser.open(PERSON_PATH);
        ReadingComfortBrowserTests.assertNoViolation(driver);
    }

    @Test
    void theEditorsFormsFitAPhoneWithTouchSizedControls() {
        long id = editor.create(
                Drafts.speech("A record to edit on a phone")
                        .by("Pocket Editor", Role.SPOKE)
                        .build(),
                "test",
                null);
        // a second revision whose long unbroken source the comparison's table must wrap on a phone
        editor.update(
                id,
                editor.currentVersion(id),
                Drafts.speech("A record edited on a phone, with a longer title than before")
                        .by("Pocket Editor", Role.SPOKE)
                        .source("https://example.org/" + "a-very-long-unbroken-address-segment".repeat(4))
                        .build(),
                "test",
                "a longer title");
        widen(PHONE);
        browser.open("/login");
        assertFitsAndPassesAxe();
        driver.findElement(By.id("username")).sendKeys("nobody-" + id);
        driver.findElement(By.id("password")).sendKeys("not the password");
        browser.clickAndWaitForNextPage(driver.findElement(By.cssSelector("main button[type=submit]")));
        for (String field : List.of("username", "password")) {
            WebElement input = driver.findElement(By.id(field));
            assertThat(input.getAttribute("aria-invalid")).as(field).isEqualTo("true");
            assertThat(input.getAttribute("aria-describedby")).as(field).isEqualTo("login-error");
            assertThat(input.getCssValue("border-top-width"))
                    .as(field + ": the error border")
                    .isEqualTo("2px");
        }
        assertFitsAndPassesAxe();
        browser.signInAsNewUser(accounts, AccountRole.ADMIN);

        browser.open("/admin/imports");
        assertThat(driver.findElement(By.cssSelector("label[for=import-file]")).isDisplayed())
                .isTrue();
        assertFitsAndPassesAxe();
        for (String path : List.of(
                "/admin",
                "/admin/records",
                "/admin/records/new",
                "/admin/records/" + id + "/edit",
                "/admin/records/" + id + "/history",
                "/admin/records/" + id + "/diff?from=1",
                "/admin/people",
                "/admin/themes",
                "/admin/themes/new",
                "/admin/api-tokens",
                "/admin/export",
                "/admin/users",
                "/admin/users/new",
                "/admin/audit",
                "/admin/uploads",
                "/admin/search",
                "/account/password")) {
            browser.open(path);
            // asked of the page, not with findElements, which waits the driver's implicit 5 s for an absent element
            assertThat(script("return document.querySelector('main.error-page') === null"))
                    .as(path + ": " + driver.getTitle())
                    .isEqualTo(true);
            assertFits();
        }

        widen(DESKTOP);
        browser.open("/admin/imports");
        ReadingComfortBrowserTests.assertNoViolation(driver);
    }

    @Test
    void thePreviewAndTheEditConflictFitAPhoneWithTheTwoVersionsStacked(@TempDir Path uploads) throws Exception {
        String longSource = "https://example.org/" + "a-very-long-unbroken-address-segment".repeat(4);
        long id = editor.create(
                Drafts.speech("A record two editors change at once")
                        .by("Pocket Editor", Role.SPOKE, "Minister of Harbours and Inland Waterways")
                        .theme("Digital economy")
                        .summary("What the harbours need.")
                        .source(longSource)
                        .note("A note by the archive's editors.")
                        .build(),
                "test",
                null);
        Path upload = Files.write(uploads.resolve("study-session.txt"), seedText());
        browser.signInAsNewUser(accounts, AccountRole.EDITOR);
        for (int width : new int[] {PHONE, DESKTOP}) {
            widen(width);

            // an upload's review, the record form filled in from the file, and its preview
            browser.open("/admin/uploads");
            driver.findElement(By.id("upload-file"))
                    .sendKeys(upload.toAbsolutePath().toString());
            browser.clickAndWaitForNextPage(driver.findElement(By.cssSelector("main form button[type=submit]")));
            assertThat(driver.getCurrentUrl()).matches(".*/admin/uploads/\\d+");
            assertFitsAndPassesAxeAt(width);
            previewFromTheForm();
            assertFitsAndPassesAxeAt(width);

            // the preview of an edit
            browser.open("/admin/records/" + id + "/edit");
            previewFromTheForm();
            assertThat(driver.findElement(By.cssSelector(".record-view .source"))
                            .getText())
                    .contains(longSource);
            assertFitsAndPassesAxeAt(width);

            // the edit conflict: another editor saves while this one edits
            browser.open("/admin/records/" + id + "/edit");
            editor.update(
                    id,
                    editor.currentVersion(id),
                    Drafts.speech("A record the other editor saved first at " + width + " px")
                            .by("Pocket Editor", Role.SPOKE, "Minister of Harbours and Inland Waterways")
                            .source(longSource + "/theirs")
                            .body("Their first paragraph.\n\nTheir second paragraph.")
                            .build(),
                    "other-editor",
                    "their change");
            WebElement title = driver.findElement(By.id("title"));
            title.clear();
            title.sendKeys("A record this editor retitled at " + width + " px");
            browser.clickAndWaitForNextPage(
                    driver.findElement(By.cssSelector("main form button[name=action][value=save]")));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Someone else changed this record");
            List<WebElement> versions = driver.findElements(By.cssSelector(".side-by-side > section"));
            assertThat(versions).hasSize(2);
            WebElement theirs = versions.get(0);
            WebElement yours = versions.get(1);
            assertThat(script("""
                            const ids = [...document.querySelectorAll('[id]')].map(e => e.id);
                            return ids.filter((id, i) => ids.indexOf(id) !== i);
                            """)).as("ids the two versions share").asList().isEmpty();
            if (width == PHONE) {
                assertThat(top(yours))
                        .as("on a phone, your version below theirs")
                        .isGreaterThanOrEqualTo(bottom(theirs));
                assertThat(right(theirs))
                        .as("each as wide as the screen allows")
                        .isGreaterThan(PHONE - 60);
                // each changed field's versions one under the other, each as wide as the screen allows
                List<WebElement> values = driver.findElements(By.cssSelector(".metadata-diff td")).stream()
                        .filter(WebElement::isDisplayed)
                        .toList();
                assertThat(values).hasSizeGreaterThanOrEqualTo(4);
                assertThat(values)
                        .allSatisfy(value -> assertThat(value.getRect().getWidth())
                                .as(value.getText())
                                .isGreaterThan(PHONE - 80));
                // each version under its column's name (shown before it by the stylesheet)
                assertThat(values.subList(0, 2))
                        .extracting(value -> value.getAttribute("data-label") + ": " + value.getText())
                        .containsExactly(
                                "Saved by the other editor: A record the other editor saved first at 375 px",
                                "Your version (not saved): A record this editor retitled at 375 px");
                assertThat(top(values.get(1))).isGreaterThanOrEqualTo(bottom(values.get(0)));
            } else {
                assertThat(left(yours)).as("on a desktop, side by side").isGreaterThan(right(theirs));
                assertThat(top(yours)).isEqualTo(top(theirs));
            }
            assertFitsAndPassesAxeAt(width);
        }
    }

    @Test
    void noPublicPageScrollsSidewaysOnAPhone() {
        widen(PHONE);
        for (String path : List.of(
                "/",
                "/records",
                "/records?kind=study-session",
                "/people",
                "/themes",
                "/themes/digital-economy",
                "/search",
                "/search?q=digital",
                "/search?q=%22no+such+words+anywhere%22",
                "/no/such/page")) {
            browser.open(path);
            assertFits();
        }
    }

    @Test
    void inChineseThePublicPagesFitAPhoneAndPassAxeAtBothWidths() {
        // the cookie the language link sets keeps Chinese for the pages that follow
        browser.open("/?" + ReaderLocales.PARAMETER + "=zh");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-Hans");
        for (int width : new int[] {PHONE, DESKTOP}) {
            widen(width);
            for (String path :
                    List.of("/", "/records", RecordPageIntegrationTests.SEED_PATH, PERSON_PATH, "/search?q=digital")) {
                browser.open(path);
                assertThat(driver.findElement(By.tagName("html")).getAttribute("lang"))
                        .as(path)
                        .isEqualTo("zh-Hans");
                if (width == PHONE) {
                    assertFits();
                }
                ReadingComfortBrowserTests.assertNoViolation(driver);
            }
        }
    }

    private void publish(String title, RecordKind kind, String speaker) {
        editor.create(
                Drafts.speech(title)
                        .kind(kind)
                        .body("On the harbours of the south")
                        .date("1999-05-04")
                        .by(speaker, Role.SPOKE)
                        .build(),
                "test",
                null);
    }

    /** The first link of the filters on /records, or of the facets on /search. */
    private WebElement firstFilterLink() {
        return driver.findElement(By.cssSelector("details.fold :is(.facet, .search-facet) li a"));
    }

    /** What the keyboard reaches first inside the fold: its first link. */
    private WebElement firstFilterLinkOrField() {
        return driver.findElement(By.cssSelector("details.fold :is(a, input:not([type=hidden]), button)"));
    }

    /** Presses Tab from the top of the page until {@code target} has the focus: it is reachable by keyboard. */
    private void tabTo(WebElement target) {
        ((JavascriptExecutor) driver).executeScript("document.activeElement.blur(); window.scrollTo(0, 0);");
        for (int presses = 0; presses < 40; presses++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            if (driver.switchTo().activeElement().equals(target)) {
                return;
            }
        }
        throw new AssertionError("Tab never reached " + target.getText());
    }

    /** Resizes the window so that the page is {@code width} CSS px wide. */
    private void widen(int width) {
        driver.manage().window().setSize(new Dimension(width, 900));
        assertThat(script("return window.innerWidth")).isEqualTo((long) width);
    }

    /** The form's Preview button, and the preview it leads to. */
    private void previewFromTheForm() {
        browser.clickAndWaitForNextPage(
                driver.findElement(By.cssSelector("main form button[name=action][value=preview]")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Preview");
    }

    /** On a phone, the page fits and passes axe; on a desktop, it passes axe. */
    private void assertFitsAndPassesAxeAt(int width) {
        if (width == PHONE) {
            assertFits();
        }
        ReadingComfortBrowserTests.assertNoViolation(driver);
    }

    private static byte[] seedText() throws IOException {
        return new ClassPathResource("seed/state-council-study-session-2023-08-21.txt").getContentAsByteArray();
    }

    private void assertFitsAndPassesAxe() {
        assertFits();
        ReadingComfortBrowserTests.assertNoViolation(driver);
    }

    /**
     * The page does not scroll sideways, and every field and button that shows (checkboxes and radio buttons aside:
     * their labels are the target) is at least {@link #TOUCH} px tall and inside the screen, or inside a wide table's
     * own scrolling box.
     */
    @SuppressWarnings("unchecked")
    private void assertFits() {
        // the page's width without its scroll bar: a page that fits only under an overlaid scroll bar does not fit
        assertThat((Long) script("return document.documentElement.scrollWidth"))
                .as(driver.getCurrentUrl() + " scrolls sideways")
                .isLessThanOrEqualTo((Long) script("return document.documentElement.clientWidth"));
        List<Map<String, Object>> controls = (List<Map<String, Object>>) script("""
                return [...document.querySelectorAll('input:not([type=hidden],[type=checkbox],[type=radio]), select,\
                 textarea, button, summary')]
                  .filter(e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')
                  .map(e => { const r = e.getBoundingClientRect();
                    return {what: e.outerHTML.slice(0, 80), height: r.height,
                      right: e.closest('.table-scroll') ? 0 : r.right}; });
                """);
        long width = (Long) script("return document.documentElement.clientWidth");
        assertThat(controls)
                .as(driver.getCurrentUrl() + ": controls smaller than a fingertip or beyond the screen")
                .filteredOn(c -> number(c.get("height")) < TOUCH - 0.5 || number(c.get("right")) > width + 0.5)
                .isEmpty();
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    private Object script(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private static int top(WebElement element) {
        return element.getRect().getY();
    }

    private static int bottom(WebElement element) {
        return element.getRect().getY() + element.getRect().getHeight();
    }

    private static int left(WebElement element) {
        return element.getRect().getX();
    }

    private static int right(WebElement element) {
        return element.getRect().getX() + element.getRect().getWidth();
    }
}
