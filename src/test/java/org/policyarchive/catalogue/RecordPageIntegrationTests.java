package org.policyarchive.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.policyarchive.record.RecordEditor;
import org.policyarchive.record.RecordKind;
import org.policyarchive.record.RecordStatus;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.Drafts;
import org.policyarchive.testing.Pages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@SpringBootTest
@AutoConfigureMockMvc
@CleanArchive
class RecordPageIntegrationTests {

    static final String SEED_SLUG = "state-council-study-session-digital-economy-2023-08-21";
    static final String SEED_PATH = "/records/" + SEED_SLUG;

    @Autowired
    MockMvc mvc;

    @Autowired
    RecordEditor editor;

    @Test
    void showsEverySeedParagraphVerbatimWithAnchors() throws Exception {
        List<String> seed = Arrays.asList(new ClassPathResource("seed/state-council-study-session-2023-08-21.txt")
                .getContentAsString(StandardCharsets.UTF_8)
                .split("\n\n"));
        List<String> paragraphs = seed.subList(1, seed.size());

        Document page = page(SEED_PATH);

        assertThat(page.selectFirst("h1").wholeText()).isEqualTo(seed.get(0));
        List<Element> shown = page.select(".source-text p");
        assertThat(shown).extracting(Element::wholeText).containsExactlyElementsOf(paragraphs);
        for (int i = 0; i < shown.size(); i++) {
            assertThat(shown.get(i).id()).isEqualTo("p" + (i + 1));
            assertThat(page.select("a[href=http://localhost" + SEED_PATH + "#p" + (i + 1) + "]"))
                    .hasSize(1);
        }
        assertThat(page.selectFirst(".source-text").attr("lang")).isEqualTo("en");
        assertThat(page.selectFirst(".source-text").text()).contains("“Accelerating", "China’s", "Beijing, China – On");
    }

    @Test
    void showsTheSeedRecordsDetailsPeopleAndThemes() throws Exception {
        Document page = page(SEED_PATH);

        assertThat(page.title())
                .isEqualTo("Chinese Premier Li Keqiang Chairs State Council Special Study on"
                        + " Accelerating Digital Economy Development · Policy Archive");
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(detail(page, "Date")).isEqualTo("21 August 2023");
        assertThat(page.selectFirst("time").attr("datetime")).isEqualTo("2023-08-21");
        assertThat(detail(page, "Place")).isEqualTo("Beijing");
        assertThat(detail(page, "Kind")).isEqualTo("Study session");
        assertThat(detail(page, "Issued by")).isEqualTo("State Council");
        assertThat(detail(page, "Language")).isEqualTo("English");

        assertThat(people(page, "presided")).containsExactly("Li Keqiang");
        assertThat(people(page, "lectured")).containsExactly("Chen Chun");
        assertThat(people(page, "participated")).containsExactly("Ding Xuexiang", "Zhang Guoqing", "Liu Guozhong");
        assertThat(people(page, "mentioned")).containsExactly("Xi Jinping");
        assertThat(page.select("#role-presided dt").text()).isEqualTo("Presided");
        assertThat(page.select("#role-lectured .office").text())
                .isEqualTo("Academician, Chinese Academy of Engineering");
        assertThat(page.select("#role-presided a").attr("href")).isEqualTo("/people/li-keqiang");

        assertThat(page.select(".record__themes a").eachText())
                .containsExactlyInAnyOrder(
                        "Digital economy",
                        "Integration of digital technology and the real economy",
                        "Digital industry clusters",
                        "Digital transformation of industries",
                        "Digital transformation of manufacturing",
                        "Digital transformation of services",
                        "Digital transformation of agriculture",
                        "Digital transformation of small and medium-sized enterprises",
                        "Digital infrastructure",
                        "Data as a factor of production",
                        "Talent",
                        "Regulation and governance of the digital economy",
                        "Cross-border data and international cooperation",
                        "Independent innovation and core technologies");
        assertThat(page.select(".record__themes a").eachAttr("href")).contains("/themes/digital-economy");
    }

    @Test
    void showsTheEditorialNoteApartFromTheSourceText() throws Exception {
        Document page = page(SEED_PATH);

        Element note = page.selectFirst("aside.editors-note");
        assertThat(note).isNotNull();
        assertThat(note.selectFirst("h2").text()).isEqualTo("Editors’ note");
        assertThat(note.text()).contains("“Premier Li Keqiang”", "Li Qiang (李强)");
        assertThat(note.parents()).noneMatch(parent -> parent.hasClass("source-text"));
        assertThat(page.selectFirst(".source-text").text()).doesNotContain("Li Qiang (李强)");
    }

    @Test
    void homeShowsTheLatestRecordsCountsThemesAndPeople() throws Exception {
        Document page = page("/");

        assertThat(page.select(".home__latest .record-item__title a").eachAttr("href"))
                .containsExactly(SEED_PATH);
        assertThat(page.select(".counts__list a").eachText()).containsExactly("1 record", "6 people", "15 themes");
        assertThat(page.select(".theme-tree > li > a").eachText())
                .containsExactly("Digital economy", "Digital transformation of industries", "Innovation and talent");
        assertThat(page.select(".theme-tree a").eachText()).hasSize(15).contains("Talent");
        assertThat(page.select(".person-list a").eachText())
                .containsExactly(
                        "Chen Chun", "Ding Xuexiang", "Li Keqiang", "Liu Guozhong", "Xi Jinping", "Zhang Guoqing");
    }

    @Test
    void everyPageHasTheLayoutLandmarksAndSearchForm() throws Exception {
        for (String path : List.of("/", SEED_PATH)) {
            Document page = page(path);
            assertThat(page.select("header.site-header a.site-name").attr("href"))
                    .isEqualTo("/");
            assertThat(page.select("nav.site-nav a").eachAttr("href"))
                    .containsExactly("/records", "/people", "/themes");
            assertThat(page.select("form[role=search]").attr("action")).isEqualTo("/search");
            assertThat(page.select("label[for=site-search-q]").text()).isEqualTo("Search the archive");
            assertThat(page.select("main")).hasSize(1);
            assertThat(page.select("footer")).hasSize(1);
            assertThat(page.select("link[rel=icon]").attr("href")).matches("/favicon-[0-9a-f]{32}\\.svg");
            // no inline script or style (the Content-Security-Policy forbids them), but the JSON-LD, which is data
            // that browsers do not run; scripts by fingerprinted names
            assertThat(page.select("script:not([src]):not([type=application/ld+json]), style, [style]"))
                    .isEmpty();
            assertThat(page.select("script[src]").eachAttr("src"))
                    .allMatch(src -> src.matches("/js/[a-z-]+-[0-9a-f]{32}\\.js"));
        }
    }

    @Test
    void pagesNameTheLanguageTheirTextsAreIn() throws Exception {
        Document page = Pages.load(mvc, get("/").header("Accept-Language", "de-DE,de;q=0.9"), 200);
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(page.select("nav.site-nav a").eachText()).containsExactly("Records", "People", "Themes");
    }

    @Test
    void linksToItsTranslationOnlyOnceThatIsPublished() throws Exception {
        long chinese = editor.create(
                Drafts.speech("数字经济专题学习")
                        .kind(RecordKind.STUDY_SESSION)
                        .language("zh")
                        .body("正文。")
                        .status(RecordStatus.DRAFT)
                        .build(),
                "test",
                null);
        String chineseSlug = editor.current(chinese).slug();
        long english = editor.create(
                Drafts.speech("Digital economy study")
                        .kind(RecordKind.STUDY_SESSION)
                        .body("Text.")
                        .translationOf(chineseSlug)
                        .build(),
                "test",
                null);
        String englishPath = "/records/" + editor.current(english).slug();

        assertThat(page(englishPath).select(".details dt").eachText()).doesNotContain("Translation");

        editor.changeStatus(chinese, RecordStatus.PUBLISHED, "test", null);
        Document page = page(englishPath);
        assertThat(detail(page, "Translation")).isEqualTo("数字经济专题学习 (Chinese)");
        Element link = page.selectFirst(".details a[hreflang=zh]");
        assertThat(URLDecoder.decode(link.attr("href"), StandardCharsets.UTF_8)).isEqualTo("/records/" + chineseSlug);
        assertThat(chineseSlug).isEqualTo("数字经济专题学习");
        assertThat(link.attr("lang")).isEqualTo("zh");
    }

    /** The page at {@code path}, after checking that it is there and says its characters are UTF-8. */
    private Document page(String path) throws Exception {
        MvcResult result = mvc.perform(get(path)).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        assertThat(result.getResponse().getContentType()).as(path).contains("charset=UTF-8");
        return Pages.of(result);
    }

    private static String detail(Document page, String term) {
        return page.select(".details > div").stream()
                .filter(row -> row.selectFirst("dt").text().equals(term))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no detail " + term))
                .selectFirst("dd")
                .text();
    }

    private static List<String> people(Document page, String role) {
        return page.select("#role-" + role + " dd > a").eachText();
    }
}
