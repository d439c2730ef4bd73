package org.policyarchive.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.policyarchive.account.AccountRole;
import org.policyarchive.account.UserAccounts;
import org.policyarchive.testing.Browser;
import org.policyarchive.testing.CleanArchive;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A reader switches the interface between English and Chinese with the language links of any page, without script:
 * every text of the interface changes, the choice is kept while the reader goes on, and the Chinese pages have no
 * accessibility violation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@CleanArchive
class InterfaceLanguageBrowserIntegrationTests {

    static final String SEED = "/records/state-council-study-session-digital-economy-2023-08-21";

    /**
     * Texts that stay as they are in both languages: the names of the seed's people (record content; their names in
     * Chinese characters carry {@code lang="zh"} and are left out anyway) and of a citation standard.
     */
    static final Set<String> SAME_IN_BOTH = Set.of(
            "Li Keqiang",
            "Chen Chun",
            "Ding Xuexiang",
            "Zhang Guoqing",
            "Liu Guozhong",
            "Xi Jinping",
            "GB/T 7714-2015");

    /** Numbers, dates written in digits, and punctuation carry no words to translate. */
    static final Pattern NO_WORDS = Pattern.compile("[\\d\\s\\p{P}\\p{S}]*");

    /**
     * The interface's texts the browser shows (screen readers' visually hidden ones included): every rendered text
     * node except the language links (each in its own language by design), the editors' notes (record content, in the
     * language the editors wrote them) and what is marked with a language of its own ({@code lang} on an element
     * inside the page: a record's title, summary, text, place and source, names in Chinese script).
     */
    static final String INTERFACE_TEXTS = """
            const texts = [];
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
              const text = walker.currentNode.textContent.trim();
              const element = walker.currentNode.parentElement;
              if (!text || !element || element.closest('script, style, template, nav.language-switch, .editors-note > p:not([class])')) continue;
              if (element.closest('[lang]') !== document.documentElement) continue;
              if (!element.checkVisibility({visibilityProperty: true})) continue;
              texts.push(text);
            }
            return texts;
            """;

    @RegisterExtension
    Browser browser = new Browser();

    @Autowired
    UserAccounts accounts;

    @Test
    void everyTextOfTheInterfaceChangesWithTheLanguageLinksAndTheChoiceIsKept() {
        browser.open("/");
        assertThat(htmlLang()).as("Chromium asks for English").isEqualTo("en");
        switchToChineseAndCompare("/");

        // the choice is kept: a link of the page leads to another page in Chinese
        browser.clickAndWaitForNextPage(driver().findElement(By.cssSelector("nav.site-nav a[href='/records']")));
        assertThat(htmlLang()).isEqualTo("zh-Hans");
        assertThat(driver().findElement(By.tagName("h1")).getText()).isEqualTo("记录");
        switchBackToEnglish();
        switchToChineseAndCompare("/records");

        for (String path : List.of(SEED, "/search?q=digital+economy")) {
            browser.open(path);
            assertThat(htmlLang()).as(path + " opened with the choice kept").isEqualTo("zh-Hans");
            switchBackToEnglish();
            switchToChineseAndCompare(path);
        }

        browser.signInAsNewUser(accounts, AccountRole.ADMIN);
        browser.open("/admin");
        assertThat(htmlLang()).as("signing in keeps the choice").isEqualTo("zh-Hans");
        switchBackToEnglish();
        switchToChineseAndCompare("/admin");
    }

    @Test
    void anErrorPageSwitchesToo() {
        browser.open("/records/no-such-record?page=2");
        List<String> english = interfaceTexts();
        click("中文");
        assertThat(htmlLang()).isEqualTo("zh-Hans");
        assertThat(pathAndQuery()).isEqualTo("/records/no-such-record?page=2&locale=zh");
        assertThat(driver().findElement(By.tagName("h1")).getText()).isEqualTo("找不到页面");
        assertTranslated("/records/no-such-record", english, interfaceTexts());
    }

    /** On the English page at {@code path}: clicks 中文 and checks the page that comes, in Chinese. */
    private void switchToChineseAndCompare(String path) {
        assertThat(htmlLang()).isEqualTo("en");
        List<String> english = interfaceTexts();
        WebElement link = languageLink("中文");
        assertThat(link.getAttribute("lang")).isEqualTo("zh-Hans");
        assertThat(link.getAttribute("hreflang")).isEqualTo("zh-Hans");
        assertThat(languageLink("English").getAttribute("aria-current")).isEqualTo("true");
        click("中文");

        assertThat(htmlLang()).as(path).isEqualTo("zh-Hans");
        assertThat(pathAndQuery()).as(path).isEqualTo(path + (path.contains("?") ? "&" : "?") + "locale=zh");
        assertThat(languageLink("中文").getAttribute("aria-current")).isEqualTo("true");
        assertTranslated(path, english, interfaceTexts());
        assertNoAccessibilityViolation();
    }

    private void switchBackToEnglish() {
        click("English");
        assertThat(htmlLang()).isEqualTo("en");
    }

    private static void assertTranslated(String path, List<String> english, List<String> chinese) {
        assertThat(chinese).as(path + ": the Chinese page has texts").isNotEmpty();
        List<String> unchanged = new ArrayList<>();
        for (String text : english) {
            if (!NO_WORDS.matcher(text).matches() && !SAME_IN_BOTH.contains(text) && chinese.contains(text)) {
                unchanged.add(text);
            }
        }
        assertThat(unchanged)
                .as(path + ": English texts still on the Chinese page")
                .isEmpty();
    }

    private void assertNoAccessibilityViolation() {
        // axe-core runs as one async script; on a loaded machine it needs more than Selenium's default 30 s
        driver().manage().timeouts().scriptTimeout(Duration.ofMinutes(3));
        Results results = new AxeBuilder().analyze(driver());
        assertThat(results.getViolations())
                .as(() -> driver().getCurrentUrl() + ": "
                        + results.getViolations().stream()
                                .map(rule -> rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " "
                                        + rule.getNodes().stream()
                                                .map(node -> String.valueOf(node.getTarget()))
                                                .toList())
                                .toList())
                .isEmpty();
    }

    private WebDriver driver() {
        return browser.driver();
    }

    private WebElement languageLink(String name) {
        return driver().findElement(By.cssSelector("nav.language-switch")).findElement(By.linkText(name));
    }

    private void click(String language) {
        browser.clickAndWaitForNextPage(languageLink(language));
    }

    private String htmlLang() {
        return driver().findElement(By.tagName("html")).getAttribute("lang");
    }

    private String pathAndQuery() {
        URI address = URI.create(driver().getCurrentUrl());
        return address.getRawPath() + (address.getRawQuery() == null ? "" : "?" + address.getRawQuery());
    }

    @SuppressWarnings("unchecked")
    private List<String> interfaceTexts() {
        return (List<String>) ((JavascriptExecutor) driver()).executeScript(INTERFACE_TEXTS);
    }
}
