package org.policyarchive.citation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.policyarchive.record.RecordEditor;
import org.policyarchive.record.RecordKind;
import org.policyarchive.record.RecordStatus;
import org.policyarchive.record.Role;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.Drafts;
import org.policyarchive.testing.Pages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.UriUtils;

/**
 * Each citation of a record exactly as a reader copies or downloads it: the seed record in GB/T 7714, APA and Chicago
 * and as BibTeX, RIS and CSL-JSON, a Chinese record with the Chinese locale, a record known only to the year; and the
 * downloads' types, file names and refusals.
 */
@SpringBootTest
@AutoConfigureMockMvc
@CleanArchive
class CitationIntegrationTests {

    static final String SEED_SLUG = "state-council-study-session-digital-economy-2023-08-21";
    static final String SEED_URL = "http://localhost/records/" + SEED_SLUG;
    static final String SEED_TITLE =
            "Chinese Premier Li Keqiang Chairs State Council Special Study on Accelerating Digital Economy Development";

    @Autowired
    MockMvc mvc;

    @Autowired
    RecordEditor editor;

    /** Today as each format writes the day the record was accessed. */
    final LocalDate today = LocalDate.now();

    final String isoToday = today.toString();

    @Test
    void citesTheSeedRecordInEachStyleExactly() throws Exception {
        Document page = Pages.load(mvc, get("/records/" + SEED_SLUG), 200);

        assertThat(page.select(".cite h3").eachText())
                .containsExactly(
                        "GB/T 7714-2015",
                        "APA (7th edition)",
                        "Chicago (18th edition, bibliography)",
                        "Download for a reference manager");
        assertThat(citations(page))
                .containsExactly(
                        "LI K, CHEN C. " + SEED_TITLE + "[Z/OL]. Beijing: State Council, 2023[" + isoToday + "]. "
                                + SEED_URL + ".",
                        "Li, K., & Chen, C. (2023, August 21). " + SEED_TITLE + " [Study session]. State Council. "
                                + SEED_URL,
                        "Li, Keqiang, and Chun Chen. “" + SEED_TITLE + ".” Study session. State Council, August 21,"
                                + " 2023. " + SEED_URL + ".");
        assertThat(page.selectFirst("#cite-apa").html())
                .isEqualTo("Li, K., &amp; Chen, C. (2023, August 21). <i>" + SEED_TITLE
                        + "</i> [Study session]. State Council. " + SEED_URL);
        assertThat(page.select(".cite__text").eachAttr("lang")).containsOnly("en");
        assertThat(page.select(".cite__text [style], .cite__text span")).isEmpty();
    }

    @Test
    void downloadsTheSeedRecordAsBibtexRisAndCslJson() throws Exception {
        MockHttpServletResponse bibtex = download(SEED_SLUG, "bib");
        assertThat(bibtex.getContentType()).isEqualTo("application/x-bibtex;charset=UTF-8");
        assertThat(bibtex.getHeader("Content-Disposition"))
                .isEqualTo("attachment; filename=\"" + SEED_SLUG + ".bib\"; filename*=UTF-8''" + SEED_SLUG + ".bib");
        assertThat(bibtex.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo("@misc{" + SEED_SLUG + ",\n"
                        + "  author = {Li, Keqiang and Chen, Chun},\n"
                        + "  title = {{" + SEED_TITLE + "}},\n"
                        + "  type = {Study session},\n"
                        + "  date = {2023-08-21},\n"
                        + "  year = {2023},\n"
                        + "  month = aug,\n"
                        + "  publisher = {State Council},\n"
                        + "  address = {Beijing},\n"
                        + "  url = {" + SEED_URL + "},\n"
                        + "  urldate = {" + isoToday + "},\n"
                        + "  language = {en},\n"
                        + "}\n");

        MockHttpServletResponse ris = download(SEED_SLUG, "ris");
        assertThat(ris.getContentType()).isEqualTo("application/x-research-info-systems;charset=UTF-8");
        assertThat(ris.getHeader("Content-Disposition")).contains("filename=\"" + SEED_SLUG + ".ris\"");
        assertThat(ris.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(String.join(
                        "\r\n",
                        "TY  - GEN",
                        "TI  - " + SEED_TITLE,
                        "AU  - Li, Keqiang",
                        "AU  - Chen, Chun",
                        "PY  - 2023",
                        "DA  - 2023/08/21/",
                        "M3  - Study session",
                        "PB  - State Council",
                        "CY  - Beijing",
                        "UR  - " + SEED_URL,
                        "Y2  - " + isoToday.replace('-', '/') + "/",
                        "LA  - en",
                        "ER  - ",
                        ""));

        MockHttpServletResponse json = download(SEED_SLUG, "json");
        assertThat(json.getContentType()).isEqualTo("application/vnd.citationstyles.csl+json;charset=UTF-8");
        assertThat(json.getHeader("Content-Disposition")).contains("filename=\"" + SEED_SLUG + ".json\"");
        assertThat(json.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("""
                        [ {
                          "URL" : "%s",
                          "accessed" : {
                            "date-parts" : [ [ %d, %d, %d ] ]
                          },
                          "author" : [ {
                            "family" : "Li",
                            "given" : "Keqiang"
                          }, {
                            "family" : "Chen",
                            "given" : "Chun"
                          } ],
                          "event-place" : "Beijing",
                          "genre" : "Study session",
                          "id" : "%s",
                          "issued" : {
                            "date-parts" : [ [ 2023, 8, 21 ] ]
                          },
                          "language" : "en",
                          "publisher" : "State Council",
                          "publisher-place" : "Beijing",
                          "title" : "%s",
                          "type" : "speech"
                        } ]
                        """.formatted(
                SEED_URL, today.getYear(), today.getMonthValue(), today.getDayOfMonth(), SEED_SLUG, SEED_TITLE));
    }

    @Test
    void citesAChineseRecordWithTheChineseLocaleAndChineseNamesWhole() throws Exception {
        long id = editor.create(
                Drafts.speech("数字经济专题学习")
                        .kind(RecordKind.STUDY_SESSION)
                        .language("zh")
                        .date("2023-08")
                        .place("北京")
                        .organization("国务院")
                        .by("李强", Role.PRESIDED)
                        .by("欧阳明", Role.SPOKE)
                        .by("张三", Role.PARTICIPATED)
                        .body("正文。")
                        .build(),
                "test",
                null);
        String slug = editor.current(id).slug();
        String url = "http://localhost/records/" + UriUtils.encodePathSegment(slug, StandardCharsets.UTF_8);

        Document page = Pages.load(mvc, get("/records/{slug}", slug), 200);

        assertThat(citations(page))
                .containsExactly(
                        "李强, 欧阳明. 数字经济专题学习[Z/OL]. 北京: 国务院, 2023[" + isoToday + "]. " + url + ".",
                        "李强, & 欧阳明. (2023, 八月). 数字经济专题学习 [专题学习]. 国务院. " + url,
                        "李强, 和 欧阳明. 《数字经济专题学习》. 专题学习. 国务院, 2023年8月. " + url + ".");
        assertThat(page.select(".cite__text").eachAttr("lang")).containsOnly("zh");
        assertThat(download(slug, "bib").getContentAsString(StandardCharsets.UTF_8))
                .startsWith("@misc{record-" + id + ",\n  author = {李, 强 and 欧阳, 明},\n  title = {{数字经济专题学习}},\n"
                        + "  type = {专题学习},\n  date = {2023-08},\n  year = {2023},\n  month = aug,\n");
        assertThat(download(slug, "ris").getContentAsString(StandardCharsets.UTF_8))
                .contains("AU  - 李, 强\r\nAU  - 欧阳, 明\r\nPY  - 2023\r\nDA  - 2023/08//\r\nM3  - 专题学习\r\n")
                .doesNotContain("张");
        assertThat(download(slug, "json").getContentAsString(StandardCharsets.UTF_8))
                .contains("""
                          "author" : [ {
                            "family" : "李",
                            "given" : "强"
                          }, {
                            "family" : "欧阳",
                            "given" : "明"
                          } ],
                        """);
        assertThat(download(slug, "bib").getHeader("Content-Disposition"))
                .endsWith("filename*=UTF-8''" + UriUtils.encode(slug, StandardCharsets.UTF_8) + ".bib");
    }

    @Test
    void citesARecordKnownOnlyToTheYearWithTheYearAlone() throws Exception {
        long id = editor.create(
                Drafts.speech("Opinions on Digital Government")
                        .kind(RecordKind.POLICY_DOCUMENT)
                        .date("2019")
                        .organization("State Council")
                        .build(),
                "test",
                null);
        String slug = editor.current(id).slug();
        String url = "http://localhost/records/" + slug;

        Document page = Pages.load(mvc, get("/records/{slug}", slug), 200);

        // no speaker: each style starts with the title
        assertThat(citations(page))
                .containsExactly(
                        "Opinions on Digital Government[Z/OL]. State Council, 2019[" + isoToday + "]. " + url + ".",
                        "Opinions on Digital Government. (2019). [Policy document]. State Council. " + url,
                        "“Opinions on Digital Government.” Policy document. State Council, 2019. " + url + ".");
        assertThat(download(slug, "bib").getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo("@misc{" + slug + ",\n"
                        + "  title = {{Opinions on Digital Government}},\n"
                        + "  type = {Policy document},\n"
                        + "  date = {2019},\n"
                        + "  year = {2019},\n"
                        + "  publisher = {State Council},\n"
                        + "  url = {" + url + "},\n"
                        + "  urldate = {" + isoToday + "},\n"
                        + "  language = {en},\n"
                        + "}\n");
        assertThat(download(slug, "ris").getContentAsString(StandardCharsets.UTF_8))
                .startsWith("TY  - GOVDOC\r\nTI  - Opinions on Digital Government\r\nPY  - 2019\r\nDA  - 2019///\r\n");
        assertThat(download(slug, "json").getContentAsString(StandardCharsets.UTF_8))
                .contains("\"date-parts\" : [ [ 2019 ] ]")
                .contains("\"type\" : \"document\"")
                .doesNotContain("author");
    }

    @Test
    void aReportNamesItsIssuingBodyAsInstitutionAndEscapesTexSpecialCharacters() throws Exception {
        long id = editor.create(
                Drafts.speech("R&D spending: 5% up_{2024}")
                        .kind(RecordKind.GOVERNMENT_WORK_REPORT)
                        .date("2024-03-05")
                        .organization("State Council")
                        .by("Franklin D. Roosevelt Jr.", Role.SPOKE)
                        .by("Plato", Role.LECTURED)
                        .build(),
                "test",
                null);
        String bibtex = download(editor.current(id).slug(), "bib").getContentAsString(StandardCharsets.UTF_8);

        assertThat(bibtex)
                .startsWith("@techreport{")
                .contains("  author = {Roosevelt, Jr., Franklin D. and {Plato}},\n")
                .contains("  title = {{R\\&D spending: 5\\% up\\_\\{2024\\}}},\n")
                .contains("  institution = {State Council},\n");
    }

    @Test
    void downloadsOfAnUnknownOrDraftRecordAreNotFoundAndOfAWithdrawnOneGone() throws Exception {
        long draft = editor.create(
                Drafts.speech("A draft").status(RecordStatus.DRAFT).build(), "test", null);
        long withdrawn = editor.create(Drafts.speech("Withdrawn").build(), "test", null);
        editor.changeStatus(withdrawn, RecordStatus.WITHDRAWN, "test", null);

        for (String extension : List.of("bib", "ris", "json")) {
            assertThat(download("no-such-record", extension).getStatus()).isEqualTo(404);
            assertThat(download(editor.current(draft).slug(), extension).getStatus())
                    .isEqualTo(404);
            assertThat(download(editor.current(withdrawn).slug(), extension).getStatus())
                    .isEqualTo(410);
        }
        // a reference manager asking for the type it wants still learns that there is no such record
        assertThat(mvc.perform(get("/records/no-such-record/cite.bib").accept("application/x-bibtex"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(get("/records/no-such-record/cite.json")
                                .accept("application/vnd.citationstyles.csl+json"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(get("/records/" + SEED_SLUG + "/cite.txt"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void eachParagraphLinksToItselfByTheRecordsAbsoluteAddress() throws Exception {
        Document page = Pages.load(mvc, get("/records/" + SEED_SLUG), 200);

        List<Element> anchors = page.select(".para__anchor");
        assertThat(anchors).hasSize(page.select(".source-text p").size()).isNotEmpty();
        for (int i = 0; i < anchors.size(); i++) {
            Element anchor = anchors.get(i);
            assertThat(anchor.attr("href")).isEqualTo(SEED_URL + "#p" + (i + 1));
            assertThat(anchor.attr("aria-label")).isEqualTo("Link to paragraph " + (i + 1));
            assertThat(anchor.text()).isEqualTo(String.valueOf(i + 1));
            assertThat(page.getElementById("p" + (i + 1))).isNotNull();
        }
    }

    @Test
    void citesTheAddressTheReaderReachedTheArchiveByEvenWhenThePageIsKept() throws Exception {
        Pages.load(mvc, get("/records/" + SEED_SLUG), 200);

        Document page = Pages.load(
                mvc,
                get("/records/" + SEED_SLUG).with(request -> {
                    request.setScheme("https");
                    request.setServerName("archive.example");
                    request.setServerPort(443);
                    return request;
                }),
                200);

        String url = "https://archive.example/records/" + SEED_SLUG;
        assertThat(citations(page)).allSatisfy(citation -> assertThat(citation).contains(url));
        assertThat(page.selectFirst(".para__anchor").attr("href")).isEqualTo(url + "#p1");
    }

    @Test
    void theCiteBlockLinksTheDownloadsAndItsScript() throws Exception {
        Document page = Pages.load(mvc, get("/records/" + SEED_SLUG), 200);

        assertThat(page.select(".cite__downloads a").eachAttr("href"))
                .containsExactly(
                        "/records/" + SEED_SLUG + "/cite.bib",
                        "/records/" + SEED_SLUG + "/cite.ris",
                        "/records/" + SEED_SLUG + "/cite.json");
        assertThat(page.select(".cite__downloads a").eachText())
                .containsExactly("BibTeX (.bib)", "RIS (.ris)", "CSL-JSON (.json)");
        assertThat(page.select("script[src]").eachAttr("src"))
                .singleElement()
                .asString()
                .matches("/js/cite-[0-9a-f]{32}\\.js");
        // besides it, only the JSON-LD, which is data that browsers do not run
        assertThat(page.select("script:not([src]):not([type=application/ld+json])"))
                .isEmpty();
        assertThat(page.select("button.cite__copy"))
                .hasSize(3)
                .allSatisfy(button -> assertThat(button.hasAttr("hidden")).isTrue());
    }

    private static List<String> citations(Document page) {
        return page.select(".cite__text").eachText();
    }

    private MockHttpServletResponse download(String slug, String extension) throws Exception {
        return mvc.perform(get("/records/{slug}/cite." + extension, slug))
                .andReturn()
                .getResponse();
    }
}
