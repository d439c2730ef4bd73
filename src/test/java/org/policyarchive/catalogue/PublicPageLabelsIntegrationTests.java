package org.policyarchive.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policyarchive.record.RecordDraft;
import org.policyarchive.record.RecordEditor;
import org.policyarchive.record.RecordKind;
import org.policyarchive.record.Role;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.Drafts;
import org.policyarchive.testing.Pages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What the public pages call things: no heading or label said twice on one page, one spelling of each kind, and a
 * record's source as a link where it is one.
 */
@SpringBootTest
@AutoConfigureMockMvc
@CleanArchive
class PublicPageLabelsIntegrationTests {

    static final int SPEECHES = 21;

    @Autowired
    MockMvc mvc;

    @Autowired
    RecordEditor editor;

    @BeforeEach
    void moreRecordsThanAPageHolds() {
        List<RecordDraft> drafts = new ArrayList<>();
        IntStream.rangeClosed(1, SPEECHES)
                .forEach(i -> drafts.add(Drafts.speech("Labelled speech " + i)
                        .kind(RecordKind.SPEECH)
                        .date(String.valueOf(1900 + i))
                        .body("A speech about digital things, number " + i + ".")
                        .by("Li Keqiang", Role.SPOKE)
                        .theme("Digital economy")
                        .build()));
        editor.importAll(drafts, "test");
    }

    @Test
    void noPublicPageSaysAHeadingOrLabelTwice() throws Exception {
        for (String path : new String[] {
            "/",
            "/records",
            "/records?kind=speech",
            "/records?person=li-keqiang&kind=study-session",
            RecordPageIntegrationTests.SEED_PATH,
            "/people",
            "/people/li-keqiang",
            "/themes",
            "/themes/digital-economy",
            "/search",
            "/search?q=digital",
            "/search?q=digital&person=li-keqiang&kind=study-session"
        }) {
            Document page = page(path);
            Map<String, Integer> said = new LinkedHashMap<>();
            // headings, labels and the terms of description lists, but not the titles of listed records
            for (Element label : page.select("main :is(h1, h2, h3, h4, label, dt, legend, .result-count)")) {
                if (!label.hasClass("record-item__title")) {
                    said.merge(label.text().strip(), 1, Integer::sum);
                }
            }
            assertThat(said)
                    .as("headings and labels of %s", path)
                    .allSatisfy((text, times) ->
                            assertThat(times).as("\"%s\" on %s", text, path).isEqualTo(1));
        }
    }

    @Test
    void aPersonsNameInItsOwnScriptIsShownOnceOnTheirPage() throws Exception {
        Document person = page("/people/li-keqiang");

        assertThat(person.selectFirst("h1").text()).isEqualTo("Li Keqiang 李克强");
        assertThat(person.select("main .facts dd").eachText()).doesNotContain("李克强");
        assertThat(person.select("main .facts dt").eachText()).doesNotContain("Name in original script");

        Document theme = page("/themes/digital-economy");
        assertThat(theme.selectFirst("h1").text()).isEqualTo("Digital economy 数字经济");
        assertThat(theme.select("main .facts").text()).doesNotContain("数字经济", "Chinese name");
    }

    @Test
    void theRecordListCountsItsRecordsOnce() throws Exception {
        int total = SPEECHES + 1;

        Document first = page("/records");
        assertThat(first.select(".result-count")).hasSize(1);
        assertThat(first.selectFirst(".result-count").text()).isEqualTo("Records 1 to 20 of " + total);
        assertThat(first.select("main").text()).doesNotContain(total + " records");

        Document one = page("/records?kind=study-session");
        assertThat(one.selectFirst(".result-count").text()).isEqualTo("One record");
        assertThat(one.select("main").text()).doesNotContain("Records 1 to");
    }

    @Test
    void everyPageSpellsAKindTheSameWay() throws Exception {
        assertThat(page(RecordPageIntegrationTests.SEED_PATH)
                        .select(".record__kind")
                        .text())
                .isEqualTo("Study session");
        assertThat(page("/records").select("#facet-kind a").eachText()).contains("Study session", "Speech");
        assertThat(page("/records?kind=study-session")
                        .select(".record-item__meta span")
                        .eachText())
                .contains("Study session");

        Document search = page("/search?q=digital");
        assertThat(search.select("#facet-kind-heading + ul a > span:first-child")
                        .eachText())
                .containsExactlyInAnyOrder("Study session", "Speech");
        assertThat(page("/search?q=digital&kind=study-session")
                        .select(".search-filters a")
                        .eachText())
                .contains("Kind: Study session ×");

        Document form =
                Pages.load(mvc, get("/admin/records/new").with(user("editor").roles("EDITOR")), 200);
        assertThat(form.select("#kind option[value=STUDY_SESSION]").text()).isEqualTo("Study session");
    }

    @Test
    void showsASourceAsLinksWhereItHasThem() throws Exception {
        long id = editor.create(
                Drafts.speech("A report with a source")
                        .kind(RecordKind.REPORT)
                        .body("Text.")
                        .source("github:aldohemsn/chinese-political-corpora@99bc4b0:government_work_reports.jsonl#L1"
                                + " (from https://zh.wikisource.org/wiki/2025年政府工作报告)")
                        .build(),
                "test",
                null);

        Element source = page("/records/" + editor.current(id).slug()).selectFirst(".details .source");

        assertThat(source.text())
                .isEqualTo("aldohemsn/chinese-political-corpora, government_work_reports.jsonl#L1 (99bc4b0)"
                        + " (from zh.wikisource.org/wiki/2025年政府工作报告)");
        assertThat(source.select("a").eachAttr("href"))
                .containsExactly(
                        "https://github.com/aldohemsn/chinese-political-corpora/blob/99bc4b0/"
                                + "government_work_reports.jsonl#L1",
                        "https://zh.wikisource.org/wiki/2025%E5%B9%B4%E6%94%BF%E5%BA%9C%E5%B7%A5%E4%BD%9C%E6%8A%A5%E5%91%8A");

        long script = editor.create(
                Drafts.speech("A record whose source is a script")
                        .kind(RecordKind.REPORT)
                        .body("Text.")
                        .source("javascript:alert(document.cookie)")
                        .build(),
                "test",
                null);
        Element plain = page("/records/" + editor.current(script).slug()).selectFirst(".details .source");
        assertThat(plain.text()).isEqualTo("javascript:alert(document.cookie)");
        assertThat(plain.select("a")).isEmpty();

        Element seed = page(RecordPageIntegrationTests.SEED_PATH).selectFirst(".details .source");
        assertThat(seed.text()).isEqualTo("English-language report of the session (the archive's seed text).");
        assertThat(seed.select("a")).isEmpty();
    }

    private Document page(String path) throws Exception {
        return Pages.load(mvc, get(path), 200);
    }
}
