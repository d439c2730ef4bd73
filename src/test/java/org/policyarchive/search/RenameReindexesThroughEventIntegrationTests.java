package org.policyarchive.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policyarchive.person.Person;
import org.policyarchive.person.PersonDirectory;
import org.policyarchive.record.ListedRecord.Piece;
import org.policyarchive.record.RecordEditor;
import org.policyarchive.record.Role;
import org.policyarchive.search.SearchResults.FacetValue;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.Drafts;
import org.policyarchive.testing.Pages;
import org.policyarchive.theme.Theme;
import org.policyarchive.theme.ThemeVocabulary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A record is indexed with the names of its people and themes, but a person or a theme does not know its records: a
 * rename on the admin pages reaches the index through an event ({@code PersonChanged}, {@code ThemeChanged}) that the
 * search module handles after the rename commits. Once it has, search finds the records by the new names and no
 * longer by the old ones, and the event publication registry holds nothing left to do.
 */
@SpringBootTest
@AutoConfigureMockMvc
@CleanArchive
class RenameReindexesThroughEventIntegrationTests {

    static final RequestPostProcessor EDITOR = user("renaming-editor").roles("EDITOR");
    static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    MockMvc mvc;

    @Autowired
    RecordEditor editor;

    @Autowired
    RecordSearch search;

    @Autowired
    PersonDirectory people;

    @Autowired
    ThemeVocabulary themes;

    @Autowired
    JdbcClient jdbc;

    Person person;
    Theme theme;

    @BeforeEach
    void publishARecordWithAPersonAndATheme() {
        editor.create(
                Drafts.speech("Waterways")
                        .body("On the locks and weirs.")
                        .date("1911-04-02")
                        .by("Ottoline Quarrender", Role.SPOKE)
                        .theme("Navigation canals")
                        .build(),
                "test",
                null);
        Drafts other = Drafts.speech("Unrelated").body("Nothing to do with it.").by("Somebody Else", Role.SPOKE);
        editor.create(other.theme("Other theme").build(), "test", null);
        person = people.findByAnyName("Ottoline Quarrender").orElseThrow();
        theme = themes.findByName("Navigation canals").orElseThrow();
        assertThat(titles("Quarrender")).containsExactly("Waterways");
        assertThat(titles("Navigation")).containsExactly("Waterways");
    }

    @Test
    void renamingAPersonOnTheAdminPageReindexesTheirRecords() throws Exception {
        saveForm("/admin/people/" + person.getId() + "/edit", Map.of("name", "Ottoline Tremayne"));

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(titles("Tremayne")).containsExactly("Waterways"));
        assertThat(titles("Quarrender")).isEmpty();
        SearchResults found = find("Tremayne");
        // the facet names the person as they are called now, under the slug they keep
        assertThat(found.facets().people()).containsExactly(new FacetValue(person.getSlug(), "Ottoline Tremayne", 1));
        assertThat(found.hits().get(0).record().people())
                .extracting(org.policyarchive.record.RecordListing.Part::name)
                .containsExactly("Ottoline Tremayne");
        assertNoPublicationLeft();
    }

    @Test
    void aNewAliasFindsThePersonsRecords() throws Exception {
        saveForm("/admin/people/" + person.getId() + "/edit", Map.of("aliases", "Lady Quillsworth"));

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(titles("Quillsworth")).containsExactly("Waterways"));
        assertThat(titles("Quarrender")).containsExactly("Waterways");
        assertNoPublicationLeft();
    }

    @Test
    void renamingAThemeOnTheAdminPageReindexesItsRecords() throws Exception {
        saveForm("/admin/themes/" + theme.getId() + "/edit", Map.of("name", "Inland shipping"));

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(titles("shipping")).containsExactly("Waterways"));
        assertThat(titles("Navigation")).isEmpty();
        assertThat(find("shipping").facets().themes())
                .containsExactly(new FacetValue(theme.getSlug(), "Inland shipping", 1));
        assertNoPublicationLeft();
    }

    @Test
    void movingAThemeUnderAnotherAndOutAgainReindexesItsRecords() throws Exception {
        Theme broader = themes.findByName("Other theme").orElseThrow();
        String edit = "/admin/themes/" + theme.getId() + "/edit";

        saveForm(edit, Map.of("parentId", String.valueOf(broader.getId())));
        await().atMost(PATIENCE)
                .untilAsserted(
                        () -> assertThat(titlesUnder(broader)).containsExactlyInAnyOrder("Waterways", "Unrelated"));

        saveForm(edit, Map.of("parentId", ""));
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(titlesUnder(broader)).containsExactly("Unrelated"));
        assertNoPublicationLeft();
    }

    /** Loads an admin form, changes {@code fields}, saves it as an editor, and checks that it was saved. */
    private void saveForm(String path, Map<String, String> fields) throws Exception {
        FormElement form = Pages.mainForm(Pages.load(mvc, get(path).with(EDITOR), 200));
        mvc.perform(Pages.submit(form, fields).with(EDITOR).with(csrf())).andExpect(redirectedUrl(path));
    }

    /** The event was handled, and completed publications are deleted: none is left, complete or not. */
    private void assertNoPublicationLeft() {
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(jdbc.sql("select count(*) from event_publication")
                                .query(Long.class)
                                .single())
                        .isZero());
    }

    private SearchResults find(String query) {
        return search.search(SearchCriteria.everything().withQuery(query));
    }

    private List<String> titles(String query) {
        return titles(find(query));
    }

    /** The records a search filtered by {@code broader} finds: its own, and those of its narrower themes. */
    private List<String> titlesUnder(Theme broader) {
        return titles(search.search(SearchCriteria.everything().withTheme(broader)));
    }

    private static List<String> titles(SearchResults results) {
        return results.hits().stream()
                .map(hit -> hit.title().stream().map(Piece::text).collect(Collectors.joining()))
                .toList();
    }
}
