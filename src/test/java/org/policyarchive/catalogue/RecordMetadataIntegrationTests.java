package org.policyarchive.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.policyarchive.record.RecordEditor;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.Drafts;
import org.policyarchive.testing.Pages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
@AutoConfigureMockMvc
@CleanArchive
class RecordMetadataIntegrationTests {

    static final String URL = "http://localhost" + RecordPageIntegrationTests.SEED_PATH;
    static final String TITLE = "Chinese Premier Li Keqiang Chairs State Council Special Study on"
            + " Accelerating Digital Economy Development";
    static final String SUMMARY = "The State Council's third special study session, on accelerating the development"
            + " of the digital economy and the deep integration of digital technology with the real economy, with a"
            + " lecture by academician Chen Chun.";

    /** The seed's themes as records order them: broader themes first, then by name. */
    static final List<String> THEMES = List.of(
            "Digital economy",
            "Digital transformation of industries",
            "Cross-border data and international cooperation",
            "Data as a factor of production",
            "Digital industry clusters",
            "Digital infrastructure",
            "Digital transformation of agriculture",
            "Digital transformation of manufacturing",
            "Digital transformation of services",
            "Digital transformation of small and medium-sized enterprises",
            "Independent innovation and core technologies",
            "Integration of digital technology and the real economy",
            "Regulation and governance of the digital economy",
            "Talent");

    static final List<String> THEME_SLUGS = List.of(
            "digital-economy",
            "digital-transformation-of-industries",
            "cross-border-data-and-international-cooperation",
            "data-as-a-factor-of-production",
            "digital-industry-clusters",
            "digital-infrastructure",
            "digital-transformation-of-agriculture",
            "digital-transformation-of-manufacturing",
            "digital-transformation-of-services",
            "digital-transformation-of-smes",
            "core-technologies",
            "integration-of-digital-technology-and-the-real-economy",
            "regulation-and-governance-of-the-digital-economy",
            "talent");

    @Autowired
    MockMvc mvc;

    @Autowired
    RecordEditor editor;

    @Test
    void theSeedRecordHasItsHighwireTagsExactly() throws Exception {
        Document page = Pages.load(mvc, get(RecordPageIntegrationTests.SEED_PATH), 200);

        List<String> expected = new ArrayList<>();
        expected.add("citation_title=" + TITLE);
        expected.add("citation_author=Li, Keqiang");
        expected.add("citation_author=Chen, Chun");
        expected.add("citation_date=2023/08/21");
        expected.add("citation_publisher=State Council");
        expected.add("citation_language=en");
        THEMES.forEach(theme -> expected.add("citation_keywords=" + theme));
        expected.add("citation_abstract=" + SUMMARY);
        expected.add("citation_public_url=" + URL);
        expected.add("DC.type=presentation");
        assertThat(page.select("head meta[name~=^(citation_|DC\\.)]"))
                .extracting(meta -> meta.attr("name") + "=" + meta.attr("content"))
                .containsExactlyElementsOf(expected);
    }

    @Test
    void theSeedRecordHasItsDescriptionCanonicalLinkAndOpenGraph() throws Exception {
        Document page = Pages.load(mvc, get(RecordPageIntegrationTests.SEED_PATH), 200);

        assertThat(page.select("head meta[name=description]").attr("content")).isEqualTo(SUMMARY);
        assertThat(page.select("head link[rel=canonical]").attr("href")).isEqualTo(URL);
        List<String> expected = new ArrayList<>(List.of(
                "og:title=" + TITLE,
                "og:type=article",
                "og:url=" + URL,
                "og:description=" + SUMMARY,
                "og:site_name=Policy Archive",
                "article:published_time=2023-08-21"));
        THEMES.forEach(theme -> expected.add("article:tag=" + theme));
        assertThat(page.select("head meta[property]"))
                .extracting(meta -> meta.attr("property") + "=" + meta.attr("content"))
                .containsExactlyElementsOf(expected);
    }

    @Test
    void theSeedRecordHasItsJsonLdExactly() throws Exception {
        Document page = Pages.load(mvc, get(RecordPageIntegrationTests.SEED_PATH), 200);

        List<Object> about = new ArrayList<>();
        for (int i = 0; i < THEMES.size(); i++) {
            about.add(Map.of(
                    "@type",
                    "DefinedTerm",
                    "name",
                    THEMES.get(i),
                    "url",
                    "http://localhost/themes/" + THEME_SLUGS.get(i)));
        }
        Map<String, Object> expected = new java.util.LinkedHashMap<>();
        expected.put("@context", "https://schema.org");
        expected.put("@type", "CreativeWork");
        expected.put("@id", URL);
        expected.put("url", URL);
        expected.put("name", TITLE);
        expected.put("genre", "Study session");
        expected.put("datePublished", "2023-08-21");
        expected.put("inLanguage", "en");
        expected.put("description", SUMMARY);
        expected.put("author", List.of(person("Li Keqiang", "li-keqiang"), person("Chen Chun", "chen-chun")));
        expected.put(
                "contributor",
                List.of(
                        person("Ding Xuexiang", "ding-xuexiang"),
                        person("Zhang Guoqing", "zhang-guoqing"),
                        person("Liu Guozhong", "liu-guozhong")));
        expected.put("mentions", List.of(person("Xi Jinping", "xi-jinping")));
        expected.put("about", about);
        expected.put("locationCreated", Map.of("@type", "Place", "name", "Beijing"));
        expected.put("publisher", Map.of("@type", "Organization", "name", "State Council"));
        expected.put("provider", Map.of("@type", "Organization", "name", "Policy Archive", "url", "http://localhost/"));

        List<Element> scripts = page.select("script[type=application/ld+json]");
        assertThat(scripts).hasSize(1);
        assertThat(scripts.get(0).parent().tagName()).isEqualTo("head");
        JsonNode json = JsonMapper.shared().readTree(scripts.get(0).data());
        assertThat(json).isEqualTo(JsonMapper.shared().valueToTree(expected));
        // nothing else runs inline: the only other script is the cite block's, by its address
        assertThat(page.select("script:not([type=application/ld+json]):not([src])"))
                .isEmpty();
    }

    @Test
    void zoteroWouldSaveTheSeedAsAPresentationByItsSpeakersWithItsDateAndTitle() throws Exception {
        Document page = Pages.load(mvc, get(RecordPageIntegrationTests.SEED_PATH), 200);

        EmbeddedMetadata item = EmbeddedMetadata.read(page);

        assertThat(item.itemType()).isEqualTo("presentation");
        assertThat(item.title()).isEqualTo(TITLE);
        assertThat(item.creators()).containsExactly(List.of("Li", "Keqiang"), List.of("Chen", "Chun"));
        assertThat(item.date()).isEqualTo("2023/08/21");
        assertThat(item.publisher()).isEqualTo("State Council");
        assertThat(item.language()).isEqualTo("en");
        assertThat(item.tags()).containsExactlyElementsOf(THEMES);
    }

    @Test
    void aTextHoldingAClosingScriptTagCannotLeaveTheJsonLd() throws Exception {
        String attack = "</script><script>alert(1)</script><!-- & \"quoted\"";
        long id = editor.create(
                Drafts.speech("Title " + attack)
                        .date("2024-05")
                        .body("Start " + attack + "\n\nMore text.")
                        .by("Jane Doe", org.policyarchive.record.Role.SPOKE)
                        .build(),
                "test",
                null);
        String path = "/records/" + editor.current(id).slug();

        var response = mvc.perform(get(path)).andReturn().getResponse();
        String html = response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        Document page = Pages.load(mvc, get(path), 200);

        assertThat(html).doesNotContain("<script>alert(1)");
        assertThat(page.select("script:not([src])")).hasSize(1);
        JsonNode json = JsonMapper.shared()
                .readTree(page.selectFirst("script[type=application/ld+json]").data());
        assertThat(json.get("name").asString()).isEqualTo("Title " + attack);
        assertThat(json.get("description").asString()).isEqualTo("Start " + attack + " More text.");
        assertThat(json.get("datePublished").asString()).isEqualTo("2024-05");
        assertThat(page.select("head meta[name=description]").attr("content"))
                .isEqualTo("Start " + attack + " More text.");
        assertThat(page.select("head meta[name=citation_date]").attr("content")).isEqualTo("2024/05");
        assertThat(page.select("head meta[name=citation_author]").eachAttr("content"))
                .containsExactly("Doe, Jane");
        assertThat(page.select("head meta[name=citation_publisher]")).isEmpty();
        assertThat(page.select("head meta[name=DC.type]").attr("content")).isEqualTo("presentation");
    }

    private static Map<String, String> person(String name, String slug) {
        return Map.of("@type", "Person", "name", name, "url", "http://localhost/people/" + slug);
    }

    /**
     * What Zotero's Embedded Metadata translator reads from a page's head, as far as it decides the item: the type
     * from {@code DC.type} when it names a Zotero item type (else "journalArticle", its guess from
     * {@code citation_title}), each {@code citation_author} split at its comma into family and given name, and the
     * Highwire fields it maps.
     */
    record EmbeddedMetadata(
            String itemType,
            String title,
            List<List<String>> creators,
            String date,
            String publisher,
            String language,
            List<String> tags) {

        static final Set<String> ZOTERO_TYPES = Set.of(
                "presentation", "report", "document", "interview", "letter", "journalArticle", "webpage", "hearing");

        static EmbeddedMetadata read(Document page) {
            String dcType = page.select("head meta[name=DC.type]").attr("content");
            String type = ZOTERO_TYPES.contains(dcType)
                    ? dcType
                    : page.select("head meta[name=citation_title]").isEmpty() ? "webpage" : "journalArticle";
            List<List<String>> creators = page.select("head meta[name=citation_author]").eachAttr("content").stream()
                    .map(author -> List.of(author.split("\\s*,\\s*", 2)))
                    .toList();
            return new EmbeddedMetadata(
                    type,
                    page.select("head meta[name=citation_title]").attr("content"),
                    creators,
                    page.select("head meta[name=citation_date]").attr("content"),
                    page.select("head meta[name=citation_publisher]").attr("content"),
                    page.select("head meta[name=citation_language]").attr("content"),
                    page.select("head meta[name=citation_keywords]").eachAttr("content"));
        }
    }
}
