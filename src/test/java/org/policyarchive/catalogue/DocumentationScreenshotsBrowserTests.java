package org.policyarchive.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.policyarchive.account.AccountRole;
import org.policyarchive.account.UserAccounts;
import org.policyarchive.interchange.InterchangeReader;
import org.policyarchive.interchange.RejectedInput;
import org.policyarchive.record.RecordDraft;
import org.policyarchive.record.RecordEditor;
import org.policyarchive.system.ReaderLocales;
import org.policyarchive.testing.Browser;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.SeededKinds;
import org.policyarchive.testing.SharedCorpus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The screenshots in docs/images: the home, record, records, person, search and import pages at 375 px (a phone) and 1280 px
 * (a desktop screen), over the seed record and a share of the real corpus, in headless Chromium. It runs only when
 * asked, as docs/reading.md says:
 *
 * <pre>mvn -o -Dtest=DocumentationScreenshotsBrowserTests -Darchive.screenshots=true test</pre>
 *
 * {@code -Darchive.screenshots.lang=zh} takes them in another interface language (each address gets
 * {@code ?locale=zh}, the files a {@code -zh} suffix: {@code record-375-zh.png}); {@code -Darchive.screenshots.dir}
 * writes them elsewhere.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@CleanArchive
@EnabledIfSystemProperty(named = "archive.screenshots", matches = "true")
class DocumentationScreenshotsBrowserTests {

    /** Every how-many-th US speech and Chinese report goes in, for lists and facets that look like the archive's. */
    static final int US_STRIDE = 10;

    static final int CHINESE_STRIDE = 12;

    /** Window widths and heights: a phone's screen, then a desktop's. */
    static final Map<Integer, Integer> SIZES = new TreeMap<>(Map.of(375, 812, 1280, 1000));

    @RegisterExtension
    Browser browser = new Browser();

    @Autowired
    RecordEditor editor;

    @Autowired
    UserAccounts accounts;

    @Test
    void savesThePagesAtAPhonesAndADesktopsWidth() throws IOException {
        loadAShareOfTheCorpus();
        Map<String, String> publicPages = new LinkedHashMap<>();
        publicPages.put("home", "/");
        publicPages.put("record", RecordPageIntegrationTests.SEED_PATH);
        publicPages.put("records", "/records");
        publicPages.put("person", "/people/li-keqiang");
        publicPages.put("search", "/search?q=economy");
        // the public pages as a reader sees them, then the import page signed in
        shoot(publicPages);
        browser.signInAsNewUser(accounts, AccountRole.ADMIN);
        shoot(Map.of("import", "/admin/imports"));
    }

    private void shoot(Map<String, String> pages) throws IOException {
        String language = System.getProperty("archive.screenshots.lang", "en");
        String suffix = language.equals("en") ? "" : "-" + language.toLowerCase(Locale.ROOT);
        Path directory = Path.of(System.getProperty("archive.screenshots.dir", "docs/images"));
        Files.createDirectories(directory);
        WebDriver driver = browser.driver();
        for (Map.Entry<Integer, Integer> size : SIZES.entrySet()) {
            emulateScreen(driver, size.getKey(), size.getValue());
            for (Map.Entry<String, String> page : pages.entrySet()) {
                browser.open(withLanguage(page.getValue(), language));
                Path target = directory.resolve(page.getKey() + "-" + size.getKey() + suffix + ".png");
                Path shot = ((TakesScreenshot) driver)
                        .getScreenshotAs(OutputType.FILE)
                        .toPath();
                Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
                assertThat(Files.size(target)).as(target.toString()).isPositive();
            }
        }
    }

    /**
     * A screen {@code width} by {@code height} CSS px, as a phone's (below 500 px: a mobile viewport, whose scroll bars
     * overlay the page) or a desktop's, so that a shot shows the page at exactly that width.
     */
    private static void emulateScreen(WebDriver driver, int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        ((ChromeDriver) driver)
                .executeCdpCommand(
                        "Emulation.setDeviceMetricsOverride",
                        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 500));
    }

    private static String withLanguage(String path, String language) {
        if (language.equals("en")) {
            return path;
        }
        return path + (path.contains("?") ? "&" : "?") + ReaderLocales.PARAMETER + "=" + language;
    }

    private void loadAShareOfTheCorpus() throws IOException {
        InterchangeReader reader = new InterchangeReader(SeededKinds.LOOKUP);
        List<RecordDraft> drafts = new ArrayList<>();
        List<String> speeches = Files.readAllLines(SharedCorpus.file(SharedCorpus.US_SPEECHES));
        for (int i = 0; i < speeches.size(); i += US_STRIDE) {
            drafts.add(read(reader, speeches.get(i)));
        }
        List<String> reports = Files.readAllLines(SharedCorpus.file(SharedCorpus.CHINESE_REPORTS));
        for (int i = 0; i < reports.size(); i += CHINESE_STRIDE) {
            drafts.add(read(reader, reports.get(i)));
        }
        assertThat(editor.importAll(drafts, "corpus"))
                .extracting(RecordEditor.Imported::outcome)
                .containsOnly(RecordEditor.Imported.Outcome.IMPORTED);
    }

    private static RecordDraft read(InterchangeReader reader, String line) {
        try {
            return reader.readLine(line);
        } catch (RejectedInput e) {
            throw new IllegalStateException("The corpus holds a line the interchange reader rejects: " + e, e);
        }
    }
}
