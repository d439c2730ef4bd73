package org.policyarchive.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.text.Collator;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.policyarchive.person.PersonDirectory;
import org.policyarchive.testing.CleanArchive;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The interface is in English or Chinese: from the browser's Accept-Language, or from the reader's choice with the
 * layout's language links, kept in a cookie; any other language gets English, and the page cache keeps one copy of a
 * page per language.
 */
@SpringBootTest
@AutoConfigureMockMvc
@CleanArchive
class InterfaceLanguageIntegrationTests {

    static final String SEED = "/records/state-council-study-session-digital-economy-2023-08-21";

    @Autowired
    MockMvc mvc;

    @Autowired
    PersonDirectory people;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aChineseBrowserGetsTheChineseInterface() throws Exception {
        MockHttpServletResponse response = perform(get("/").header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8"));
        Document page = page(response);

        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("zh-Hans");
        assertThat(response.getHeader("Content-Language")).isEqualTo("zh-Hans");
        assertThat(page.select("nav.site-nav a").eachText()).containsExactly("记录", "人物", "主题");
        assertThat(page.select("h1").text()).isEqualTo("政策文件、讲话和专题学习");
        assertThat(response.getCookie(ReaderLocales.COOKIE))
                .as("only a choice sets the cookie")
                .isNull();
    }

    @Test
    void aBrowserInAnotherLanguageGetsEnglish() throws Exception {
        for (String languages : List.of("fr-FR,fr;q=0.9", "de", "", "*", "xx-invalid,;;q=x")) {
            MockHttpServletResponse response = perform(get("/").header("Accept-Language", languages));
            assertThat(response.getStatus()).as(languages).isEqualTo(200);
            assertThat(page(response).selectFirst("html").attr("lang"))
                    .as(languages)
                    .isEqualTo("en");
        }
        assertThat(page(perform(get("/").header("Accept-Language", "fr;q=0.9, zh-TW;q=0.5")))
                        .selectFirst("html")
                        .attr("lang"))
                .as("the first supported language of the browser's list, Traditional Chinese readers included")
                .isEqualTo("zh-Hans");
    }

    @Test
    void theLanguageLinkSetsALongLivedCookieAndKeepsThePage() throws Exception {
        MockHttpServletResponse response = perform(get("/records?lang=en&year=2023&locale=zh"));
        Document page = page(response);

        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("zh-Hans");
        Cookie cookie = response.getCookie(ReaderLocales.COOKIE);
        assertThat(cookie).isNotNull();
        assertThat(cookie.getValue()).isEqualTo("zh-Hans");
        assertThat(cookie.getMaxAge()).isEqualTo(365 * 24 * 60 * 60);
        assertThat(cookie.getPath()).isEqualTo("/");
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(response.getHeader("Set-Cookie")).contains("SameSite=Lax");
        assertThat(page.select("h1").text()).isEqualTo("记录");

        // the links lead to the same page, its filters kept (lang filters by the records' own language)
        List<Element> links = page.select("nav.language-switch a");
        assertThat(links).extracting(Element::text).containsExactly("English", "中文");
        assertThat(links)
                .extracting(link -> link.attr("href"))
                .containsExactly("/records?lang=en&year=2023&locale=en", "/records?lang=en&year=2023&locale=zh");
        assertThat(links).extracting(link -> link.attr("lang")).containsExactly("en", "zh-Hans");
        assertThat(links).extracting(link -> link.attr("hreflang")).containsExactly("en", "zh-Hans");
        assertThat(links).extracting(link -> link.attr("aria-current")).containsExactly("", "true");
        assertThat(page.selectFirst("nav.language-switch").attr("aria-label")).isEqualTo("语言");
    }

    @Test
    void theChosenLanguageBeatsTheBrowsers() throws Exception {
        Document chinese = page(perform(get("/people")
                .header("Accept-Language", "en-US,en;q=0.9")
                .cookie(new Cookie(ReaderLocales.COOKIE, "zh-Hans"))));
        assertThat(chinese.selectFirst("html").attr("lang")).isEqualTo("zh-Hans");
        assertThat(chinese.select("h1").text()).isEqualTo("人物");

        Document english = page(perform(
                get("/people").header("Accept-Language", "zh-CN").cookie(new Cookie(ReaderLocales.COOKIE, "en"))));
        assertThat(english.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(english.select("h1").text()).isEqualTo("People");

        MockHttpServletResponse back =
                perform(get("/people?locale=en").cookie(new Cookie(ReaderLocales.COOKIE, "zh-Hans")));
        assertThat(back.getCookie(ReaderLocales.COOKIE).getValue()).isEqualTo("en");
        assertThat(page(back).selectFirst("html").attr("lang")).isEqualTo("en");
    }

    @Test
    void anUnknownLanguageIsIgnored() throws Exception {
        for (String value : List.of("xx", "fr", "%%", "-", "")) {
            MockHttpServletResponse response =
                    perform(get("/records").param("locale", value).header("Accept-Language", "zh-CN"));
            assertThat(response.getStatus()).as(value).isEqualTo(200);
            assertThat(response.getCookie(ReaderLocales.COOKIE)).as(value).isNull();
            assertThat(page(response).selectFirst("html").attr("lang"))
                    .as(value)
                    .isEqualTo("zh-Hans");
        }
        for (String value : List.of("xx", "not a locale", "@@", "")) {
            MockHttpServletResponse response = perform(get("/").cookie(new Cookie(ReaderLocales.COOKIE, value)));
            assertThat(response.getStatus()).as(value).isEqualTo(200);
            assertThat(page(response).selectFirst("html").attr("lang"))
                    .as(value)
                    .isEqualTo("en");
        }
    }

    @Test
    void thePageCacheServesEachLanguageItsOwnCopy() throws Exception {
        MockHttpServletResponse english = perform(get(SEED));
        MockHttpServletResponse chinese = perform(get(SEED).header("Accept-Language", "zh-CN"));
        MockHttpServletResponse chosen = perform(get(SEED).cookie(new Cookie(ReaderLocales.COOKIE, "zh-Hans")));
        MockHttpServletResponse englishAgain = perform(get(SEED).header("Accept-Language", "en-GB"));

        assertThat(page(english).selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(page(chinese).selectFirst("html").attr("lang")).isEqualTo("zh-Hans");
        assertThat(chosen.getContentAsString()).isEqualTo(chinese.getContentAsString());
        assertThat(englishAgain.getContentAsString()).isEqualTo(english.getContentAsString());
        assertThat(english.getHeader("ETag")).isNotNull().isNotEqualTo(chinese.getHeader("ETag"));
        assertThat(chosen.getHeader("ETag")).isEqualTo(chinese.getHeader("ETag"));
        for (MockHttpServletResponse response : List.of(english, chinese, chosen)) {
            assertThat(response.getHeader("Vary")).isEqualTo("Accept-Encoding, Accept-Language, Cookie");
        }
        assertThat(english.getHeader("Content-Language")).isEqualTo("en");
        assertThat(chinese.getHeader("Content-Language")).isEqualTo("zh-Hans");

        assertThat(perform(get(SEED)
                                .header("Accept-Language", "zh-CN")
                                .header("If-None-Match", english.getHeader("ETag")))
                        .getStatus())
                .as("the English copy's tag does not match the Chinese page")
                .isEqualTo(200);
        assertThat(perform(get(SEED)
                                .header("Accept-Language", "zh-CN")
                                .header("If-None-Match", chinese.getHeader("ETag")))
                        .getStatus())
                .isEqualTo(304);
        assertThat(perform(get(SEED + "?locale=zh")).getHeader("ETag"))
                .as("a switch sets a cookie, so its page is not kept")
                .isNull();
    }

    @Test
    void datesAndNumbersFollowTheLanguage() throws Exception {
        Document chinese = page(perform(get(SEED).header("Accept-Language", "zh-CN")));
        assertThat(chinese.select("time").eachText()).contains("2023年8月21日");
        Document english = page(perform(get(SEED)));
        assertThat(english.select("time").eachText()).contains("21 August 2023");

        Document home = page(perform(get("/").header("Accept-Language", "zh-CN")));
        assertThat(home.select(".person-list .count").eachText()).allMatch(count -> count.endsWith("条记录"));
    }

    @Test
    void peopleAreListedInTheOrderOfTheReadersLanguage() throws Exception {
        transactions.executeWithoutResult(
                tx -> people.findOrCreate("Chiang Kai-shek").setNativeName("蒋介石"));

        assertThat(names(page(perform(get("/people"))), "a"))
                .containsExactly(
                        "Chen Chun",
                        "Chiang Kai-shek",
                        "Ding Xuexiang",
                        "Li Keqiang",
                        "Liu Guozhong",
                        "Xi Jinping",
                        "Zhang Guoqing");
        // by pinyin: chén, dīng, jiǎng, lǐ, liú, xí, zhāng
        List<String> chinese = names(page(perform(get("/people").header("Accept-Language", "zh-CN"))), ".native-name");
        assertThat(chinese).containsExactly("陈纯", "丁薛祥", "蒋介石", "李克强", "刘国中", "习近平", "张国清");
        assertThat(chinese).isSortedAccordingTo(Collator.getInstance(Locale.CHINA));
    }

    @Test
    void errorPagesAndMessagesFromCodeAreInTheReadersLanguage() throws Exception {
        MockHttpServletResponse missing =
                perform(get("/records/no-such-record?x=1").header("Accept-Language", "zh-CN"));
        Document notFound = page(missing);
        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(notFound.selectFirst("html").attr("lang")).isEqualTo("zh-Hans");
        assertThat(notFound.select("h1").text()).isEqualTo("找不到页面");
        assertThat(notFound.text()).contains("地址“no-such-record”没有记录。");
        assertThat(notFound.select("nav.language-switch a").eachAttr("href"))
                .as("an error page's links lead to the address that failed")
                .containsExactly("/records/no-such-record?x=1&locale=en", "/records/no-such-record?x=1&locale=zh");

        MockHttpServletResponse badYear = perform(get("/records?year=abc").header("Accept-Language", "zh-CN"));
        assertThat(badYear.getStatus()).isEqualTo(400);
        assertThat(page(badYear).text()).contains("年份必须是 1 到 9999 之间的整数，或用“undated”表示没有日期的记录。");

        Document search = page(
                perform(get("/search").param("q", "wheat").param("from", "soon").header("Accept-Language", "zh-CN")));
        assertThat(search.text()).contains("“soon”不是日期。");
    }

    @Test
    void adminPagesAreInChineseToo() throws Exception {
        Document admin = page(perform(get("/admin")
                .with(user("language-admin").roles("ADMIN"))
                .cookie(new Cookie(ReaderLocales.COOKIE, "zh-Hans"))));
        assertThat(admin.selectFirst("html").attr("lang")).isEqualTo("zh-Hans");
        assertThat(admin.select("h1").text()).isEqualTo("管理");
        assertThat(admin.select(".account-menu").text()).contains("已登录：language-admin", "退出登录");
    }

    @Test
    void validationMessagesAreInTheReadersLanguage() throws Exception {
        Document form = page(perform(post("/admin/records/new")
                .with(csrf())
                .with(user("language-editor").roles("EDITOR"))
                .header("Accept-Language", "zh-CN")
                .param("title", " ")
                .param("kind", "SPEECH")
                .param("language", "en")
                .param("status", "DRAFT")
                .param("date", "2023-02-30")
                .param("body", "")));

        assertThat(form.select("#title-error").text()).isEqualTo("请输入标题。");
        assertThat(form.select("#body-error").text()).isEqualTo("请输入记录的正文。");
        assertThat(form.select("#date-error").text()).isEqualTo("此日期不存在。");
        assertThat(form.select(".error-summary li").eachText()).contains("请输入标题。", "请输入记录的正文。");
    }

    private MockHttpServletResponse perform(RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    private static Document page(MockHttpServletResponse response) throws Exception {
        return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
    }

    private static List<String> names(Document page, String selector) {
        return page.select(".person-list li").stream()
                .map(item -> item.select(selector).text())
                .toList();
    }
}
