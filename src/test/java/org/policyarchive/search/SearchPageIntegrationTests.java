package org.policyarchive.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.Test;
import org.policyarchive.person.Person;
import org.policyarchive.person.PersonDirectory;
import org.policyarchive.record.RecordEditor;
import org.policyarchive.record.Role;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.Drafts;
import org.policyarchive.testing.Pages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest
@AutoConfigureMockMvc
@CleanArchive
class SearchPageIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    RecordEditor editor;

    @Autowired
    PersonDirectory people;

    @Autowired
    SearchIndexMaintenance maintenance;

    private final String marker =
            "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    private Document page(String url, int expectedStatus) throws Exception {
        // The URL as a browser sends it: parameters percent-encoded, decoded once by the server.
        int question = url.indexOf('?');
        MockHttpServletRequestBuilder request = get(question < 0 ? url : url.substring(0, question));
        if (question >= 0) {
            for (String pair : url.substring(question + 1).split("&")) {
                String[] parts = pair.split("=", 2);
                request.param(
                        URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        URLDecoder.decode(parts.length > 1 ? parts[1] : "", StandardCharsets.UTF_8));
            }
        }
        return Pages.load(mvc, request, expectedStatus);
    }

    /** Publishes a speech through the record module, by {@code speaker} when not null. */
    private void publish(String title, String body, String speaker) {
        Drafts draft = Drafts.speech(title).body(body).date("2015-06-01");
        if (speaker != null) {
            draft.by(speaker, Role.SPOKE);
        }
        editor.create(draft.build(), "test", null);
    }

    /** Gives a person aliases through the person admin form, as an editor would. */
    private void addAliases(Person person, String... aliases) throws Exception {
        String path = "/admin/people/" + person.getId() + "/edit";
        RequestPostProcessor editor = user("editor").roles("EDITOR");
        FormElement form = Pages.mainForm(Pages.load(mvc, get(path).with(editor), 200));
        mvc.perform(Pages.submit(form, Map.of("aliases", String.join("\n", aliases), "action", "save"))
                        .with(editor)
                        .with(csrf()))
                .andExpect(redirectedUrl(path));
    }

    @Test
    void showsRankedResultsWithEscapedHighlightedSnippets() throws Exception {
        publish("A <b>bold</b> title " + marker, "Reform of <script>alert(1)</script> the granary " + marker, null);

        Document page = page("/search?q=granary+" + marker, 200);

        assertThat(page.select("#search-results-heading").text()).isEqualTo("1 record matches");
        assertThat(page.select(".record-item__title a").text()).isEqualTo("A <b>bold</b> title " + marker);
        assertThat(page.select(".record-item__title a").attr("href")).startsWith("/records/");
        assertThat(String.join(" ", page.select(".record-item__excerpt mark").eachText()))
                .contains("granary")
                .contains(marker);
        assertThat(page.select(".record-item__excerpt").text()).contains("<script>alert(1)</script>");
        assertThat(page.select("script").eachAttr("src")).noneMatch(String::isEmpty);
        assertThat(page.select(".record-item b")).isEmpty();
    }

    @Test
    void highlightsQuotedPhrasesAndTitleWordsAndStartsUnmatchedSnippetsAtTheBeginning() throws Exception {
        publish(
                "Granaries of " + marker,
                "Opening words. Later the digital economy grew across the provinces " + marker + ".",
                null);

        Document phrase = page("/search?q=%22digital+economy%22+" + marker, 200);
        assertThat(String.join(" ", phrase.select(".record-item__excerpt mark").eachText()))
                .contains("digital economy")
                .contains(marker);
        assertThat(phrase.select(".record-item__excerpt").text()).startsWith("Later the digital economy");
        assertThat(phrase.select(".record-item__title mark").eachText()).containsExactly(marker);

        Document byTitle = page("/search?q=granaries+" + marker, 200);
        assertThat(byTitle.select(".record-item__title mark").eachText()).contains("Granaries", marker);
    }

    @Test
    void reportsTheSearchTimeAndItsPartsInAServerTimingHeaderToSignedInEditors() throws Exception {
        mvc.perform(get("/search").param("q", "granary"))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Server-Timing"));
        mvc.perform(get("/search").param("q", "granary").with(user("editor").roles("EDITOR")))
                .andExpect(status().isOk())
                .andExpect(header().string(
                                "Server-Timing",
                                matchesPattern("search;dur=\\d+\\.\\d\\d, index;dur=\\d+\\.\\d\\d,"
                                        + " index-cpu;dur=\\d+\\.\\d\\d, db;dur=\\d+\\.\\d\\d,"
                                        + " highlight;dur=\\d+\\.\\d\\d")));
    }

    @Test
    void narrowsByFacetsAndRemovesAFilterWithOneClick() throws Exception {
        publish("First " + marker, "harvest " + marker, "Speaker " + marker);
        publish("Second " + marker, "harvest " + marker, null);
        Person speaker = people.findByAnyName("Speaker " + marker).orElseThrow();

        Document all = page("/search?q=" + marker, 200);
        assertThat(all.select("#search-results-heading").text()).isEqualTo("2 records match");
        String personLink = all.select("section[aria-labelledby=facet-person-heading] a").stream()
                .filter(a -> a.text().startsWith("Speaker " + marker))
                .findFirst()
                .orElseThrow()
                .attr("href");
        assertThat(personLink).contains("person=" + speaker.getSlug());

        Document narrowed = page(personLink, 200);
        assertThat(narrowed.select("#search-results-heading").text()).isEqualTo("1 record matches");
        assertThat(narrowed.select(".search-filters a").first().text()).contains("Speaker " + marker);

        Document widened = page(narrowed.select(".search-filters a").first().attr("href"), 200);
        assertThat(widened.select("#search-results-heading").text()).isEqualTo("2 records match");
    }

    @Test
    void searchesBySpeakerAloneWithoutWords() throws Exception {
        Document page = page("/search?person=chen-chun", 200);

        assertThat(page.select("#search-results-heading").text()).isEqualTo("1 record matches");
        assertThat(page.select(".record-item__title a").eachAttr("href"))
                .containsExactly("/records/state-council-study-session-digital-economy-2023-08-21");
        assertThat(page.select(".search-filters").text()).contains("Chen Chun");
    }

    @Test
    void answersBadSearchesWithAMessageAndStatus400() throws Exception {
        assertThat(page("/search?q=digital+OR", 400).select("[role=alert]").text())
                .contains("OR must stand between two words or phrases");
        assertThat(page("/search?q=" + "a".repeat(10_000), 400)
                        .select("[role=alert]")
                        .text())
                .contains("too long");
        assertThat(page("/search?q=%21%21%21+%3F%3F", 400)
                        .select("[role=alert]")
                        .text())
                .contains("only punctuation");
        assertThat(page("/search?person=nobody-" + marker, 400)
                        .select("[role=alert]")
                        .text())
                .contains("No person");
        assertThat(page("/search?kind=sonnet", 400).select("[role=alert]").text())
                .contains("no kind");
        assertThat(page("/search?from=2020&to=2010", 400).select("[role=alert]").text())
                .contains("ends (2010) before it starts (2020)");
        assertThat(page("/search?from=2020-13-45", 400).select("[role=alert]").text())
                .contains("is not a date");
        assertThat(page("/search?page=abc", 400).select("[role=alert]").text()).contains("page must be a number");
        assertThat(page("/search?sort=random", 400).select("[role=alert]").text())
                .contains("no order");
    }

    @Test
    void suggestsPeopleByNameNativeNameAndAlias() throws Exception {
        Person person = people.findOrCreate("Li Qiang " + marker);
        addAliases(person, "李强" + marker, "Premier Li Qiang " + marker);

        for (String typed : new String[] {
            "Li Qiang " + marker, "李强" + marker, "Premier Li Qiang " + marker, "premier li " + marker.substring(0, 6)
        }) {
            mvc.perform(get("/search/suggest").param("type", "person").param("q", typed))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[*].id").value(contains(person.getSlug())))
                    .andExpect(jsonPath("$[*].label").value(contains("Li Qiang " + marker)));
        }
        String themes = mvc.perform(
                        get("/search/suggest").param("type", "theme").param("q", "数字"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(themes).contains("\"id\":\"digital-economy\"");
        mvc.perform(get("/search/suggest").param("type", "planet").param("q", "x"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void letsOnlyAdminsRebuildTheIndex() throws Exception {
        mvc.perform(post("/admin/search/reindex")
                        .with(csrf())
                        .with(user("editor").roles("EDITOR")))
                .andExpect(status().isForbidden());

        mvc.perform(post("/admin/search/reindex")
                        .with(csrf())
                        .with(user("admin").roles("ADMIN")))
                .andExpect(redirectedUrl("/admin/search"));
        Awaitility.await()
                .atMost(Duration.ofMinutes(5))
                .until(() -> maintenance.progress().state() == ReindexProgress.State.DONE);

        String status = mvc.perform(get("/admin/search").with(user("admin").roles("ADMIN")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(status).select("[data-reindex-state]").text()).startsWith("Rebuilt");
    }
}
