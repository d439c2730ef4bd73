package org.policyarchive.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.policyarchive.person.PersonDirectory;
import org.policyarchive.record.Record;
import org.policyarchive.record.RecordCatalog;
import org.policyarchive.record.RecordStatus;
import org.policyarchive.record.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
@AutoConfigureMockMvc
class RecordFormIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    RecordCatalog catalog;

    @Autowired
    PersonDirectory people;

    @Autowired
    TransactionTemplate transactions;

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    static MockHttpServletRequestBuilder newRecord() {
        return post("/admin/records/new").with(csrf()).with(user("editor").roles("EDITOR"));
    }

    /** A valid form for {@code title}; {@code overrides} replace or add fields (name, value, name, value ...). */
    static MockHttpServletRequestBuilder valid(
            MockHttpServletRequestBuilder request, String title, String... overrides) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", title);
        fields.put("kind", "SPEECH");
        fields.put("date", "2023-08-21");
        fields.put("language", "en");
        fields.put("status", "DRAFT");
        fields.put("body", "First paragraph.\r\n\r\nSecond paragraph.");
        for (int i = 0; i < overrides.length; i += 2) {
            fields.put(overrides[i], overrides[i + 1]);
        }
        fields.forEach(request::param);
        return request;
    }

    Document page(MvcResult result) throws Exception {
        return Jsoup.parse(result.getResponse().getContentAsString());
    }

    Document postForm(MockHttpServletRequestBuilder request) throws Exception {
        return page(mvc.perform(request).andExpect(status().isOk()).andReturn());
    }

    String errorOf(Document page, String field) {
        return page.select("#" + field.replace(".", "\\.") + " ~ p.error, #" + field.replace(".", "\\.") + "-error")
                .text();
    }

    @Nested
    class Validation {

        @Test
        void requiresTitleAndBodyAndKeepsWhatWasTyped() throws Exception {
            Document page = postForm(newRecord()
                    .param("title", " ")
                    .param("kind", "SPEECH")
                    .param("language", "en")
                    .param("status", "DRAFT")
                    .param("place", "Beijing <b>bold</b>")
                    .param("body", ""));

            assertThat(page.select("#title-error").text()).isEqualTo("Enter a title.");
            assertThat(page.select("#body-error").text()).isEqualTo("Enter the text of the record.");
            assertThat(page.select("#place").val()).isEqualTo("Beijing <b>bold</b>");
            assertThat(page.select(".error-summary li")).hasSize(2);
        }

        @Test
        void rejectsTitleOverFiveHundredCharacters() throws Exception {
            Document page = postForm(valid(newRecord(), "x".repeat(501)));

            assertThat(page.select("#title-error").text()).contains("at most 500 characters");
            assertThat(page.select("#title").val()).hasSize(501);
        }

        @Test
        void rejectsADateThatDoesNotExist() throws Exception {
            Document page = postForm(valid(newRecord(), unique("Leap"), "date", "2023-02-30"));

            assertThat(page.select("#date-error").text()).isEqualTo("This date does not exist.");
            assertThat(page.select("#date").val()).isEqualTo("2023-02-30");
        }

        @Test
        void rejectsADateInAnotherShape() throws Exception {
            Document page = postForm(valid(newRecord(), unique("Shape"), "date", "21/08/2023"));

            assertThat(page.select("#date-error").text()).isEqualTo("Type the date as 2023-08-21, 2023-08 or 2023.");
        }

        @Test
        void rejectsAnUnknownKindAndRole() throws Exception {
            Document page = postForm(valid(newRecord(), unique("Kind"), "kind", "SERMON")
                    .param("people[0].name", "Somebody")
                    .param("people[0].role", "JUGGLED"));

            assertThat(page.select("#kind-error").text()).isEqualTo("Choose a kind from the list.");
            assertThat(page.select("#people0\\.role ~ p.error").text()).isEqualTo("Choose a role from the list.");
        }

        @Test
        void rejectsAnInvalidLanguageTag() throws Exception {
            Document page = postForm(valid(newRecord(), unique("Lang"), "language", "english!"));

            assertThat(page.select("#language-error").text()).startsWith("This is not a language tag");
            assertThat(page.select("#language").val()).isEqualTo("english!");
        }

        @Test
        void rejectsTooLongSummaryAndBody() throws Exception {
            Document page = postForm(valid(
                    newRecord(),
                    unique("Long"),
                    "summary",
                    "s".repeat(RecordForm.SUMMARY_MAX + 1),
                    "body",
                    "b".repeat(RecordForm.BODY_MAX + 1)));

            assertThat(page.select("#summary-error").text()).contains("at most 5,000");
            assertThat(page.select("#body-error").text()).contains("at most 1,000,000");
        }

        @Test
        void rejectsAnUnknownTranslation() throws Exception {
            Document page =
                    postForm(valid(newRecord(), unique("Translation")).param("translationSlug", "no-such-record"));

            assertThat(page.select("#translationSlug-error").text()).isEqualTo("No other record has this slug.");
        }
    }

    @Nested
    class Saving {

        @Test
        void createsARecordWithNormalisedParagraphsAndANewPerson() throws Exception {
            String title = unique("Speech on data");
            String newcomer = unique("Newcomer");
            MvcResult result = mvc.perform(valid(newRecord(), title)
                            .param("people[0].name", "Chen Chun")
                            .param("people[0].role", "LECTURED")
                            .param("people[0].office", "Academician")
                            .param("people[1].name", newcomer)
                            .param("people[1].role", "SPOKE")
                            .param("themeIds", themeId("digital-economy"))
                            .param("newThemes", unique("Fresh theme"))
                            .param("notes[0]", "A note.")
                            .param("comment", "first draft"))
                    .andExpect(status().is3xxRedirection())
                    .andReturn();
            assertThat(result.getResponse().getRedirectedUrl()).matches("/admin/records/\\d+/edit");
            assertThat(result.getFlashMap().get("message")).isEqualTo("record.saved");

            transactions.executeWithoutResult(tx -> {
                Record record = catalog.findBySlug(org.policyarchive.system.Slugs.slugify(title))
                        .orElseThrow();
                assertThat(record.getBody()).isEqualTo("First paragraph.\n\nSecond paragraph.");
                assertThat(record.getStatus()).isEqualTo(RecordStatus.DRAFT);
                assertThat(record.getParticipations())
                        .extracting(p -> p.getPerson().getName(), p -> p.getRole())
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple("Chen Chun", Role.LECTURED),
                                org.assertj.core.groups.Tuple.tuple(newcomer, Role.SPOKE));
                assertThat(record.getThemes()).hasSize(2);
                assertThat(record.getNotes()).extracting(n -> n.getBody()).containsExactly("A note.");
                assertThat(record.getCreatedBy()).isEqualTo("editor");
            });
            assertThat(people.findByAnyName(newcomer)).isPresent();
        }

        @Test
        void editsAndPublishesARecord() throws Exception {
            String title = unique("To publish");
            String edit = mvc.perform(valid(newRecord(), title))
                    .andReturn()
                    .getResponse()
                    .getRedirectedUrl();

            Document form = page(mvc.perform(get(edit).with(user("editor").roles("EDITOR")))
                    .andExpect(status().isOk())
                    .andReturn());
            assertThat(form.select("#title").val()).isEqualTo(title);
            String version = form.select("#version").val();

            mvc.perform(valid(
                                    post(edit).with(csrf()).with(user("editor").roles("EDITOR")),
                                    title + " (final)",
                                    "status",
                                    "PUBLISHED")
                            .param("version", version))
                    .andExpect(status().is3xxRedirection());

            Document after = page(
                    mvc.perform(get(edit).with(user("editor").roles("EDITOR"))).andReturn());
            assertThat(after.select("#title").val()).isEqualTo(title + " (final)");
            assertThat(after.select("#status option[selected]").val()).isEqualTo("PUBLISHED");
        }

        @Test
        void storesScriptAsTextAndShowsItEscaped() throws Exception {
            String script = "<script>alert('x')</script>";
            String edit = mvc.perform(
                            valid(newRecord(), unique("Escaping") + script, "body", "Before " + script + " after.")
                                    .param("place", script))
                    .andReturn()
                    .getResponse()
                    .getRedirectedUrl();

            String html = mvc.perform(get(edit).with(user("editor").roles("EDITOR")))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(html).doesNotContain(script).contains("&lt;script&gt;");
            Document page = Jsoup.parse(html);
            assertThat(page.select("#place").val()).isEqualTo(script);
            assertThat(page.select("#body").val()).isEqualTo("Before " + script + " after.");
            assertThat(page.select("script").eachAttr("src")).allMatch(src -> src.startsWith("/js/"));
        }
    }

    @Nested
    class Rows {

        @Test
        void addsRemovesAndReordersPeopleRowsKeepingWhatWasTyped() throws Exception {
            Document added = postForm(valid(newRecord(), "Rows")
                    .param("people[0].name", "First Person")
                    .param("people[0].role", "PRESIDED")
                    .param("people[1].name", "Second Person")
                    .param("people[1].role", "SPOKE")
                    .param("action", "addPerson"));
            assertThat(added.select(".person-row")).hasSize(3);
            assertThat(added.select("#title").val()).isEqualTo("Rows");
            assertThat(added.select("#body").val()).contains("Second paragraph.");
            assertThat(added.select(".error")).isEmpty();

            Document moved = postForm(valid(newRecord(), "Rows")
                    .param("people[0].name", "First Person")
                    .param("people[0].role", "PRESIDED")
                    .param("people[1].name", "Second Person")
                    .param("people[1].role", "SPOKE")
                    .param("action", "movePersonDown-0"));
            assertThat(moved.select(".person-row input[id$=.name]").eachAttr("value"))
                    .containsExactly("Second Person", "First Person");
            assertThat(moved.select("#people1\\.role option[selected]").val()).isEqualTo("PRESIDED");

            Document up = postForm(valid(newRecord(), "Rows")
                    .param("people[0].name", "First Person")
                    .param("people[1].name", "Second Person")
                    .param("action", "movePersonUp-1"));
            assertThat(up.select(".person-row input[id$=.name]").eachAttr("value"))
                    .containsExactly("Second Person", "First Person");

            Document removed = postForm(valid(newRecord(), "Rows")
                    .param("people[0].name", "First Person")
                    .param("people[1].name", "Second Person")
                    .param("action", "removePerson-0"));
            assertThat(removed.select(".person-row input[id$=.name]").eachAttr("value"))
                    .containsExactly("Second Person");
        }

        @Test
        void addsAndRemovesNotes() throws Exception {
            Document added = postForm(
                    valid(newRecord(), "Notes").param("notes[0]", "one").param("action", "addNote"));
            assertThat(added.select(".note-row textarea")).hasSize(2);

            Document removed = postForm(valid(newRecord(), "Notes")
                    .param("notes[0]", "one")
                    .param("notes[1]", "two")
                    .param("action", "removeNote-0"));
            assertThat(removed.select(".note-row textarea").eachText()).containsExactly("two");
        }

        @Test
        void previewShowsThePageWithoutSaving() throws Exception {
            String title = unique("Preview only");
            Document preview = postForm(valid(newRecord(), title)
                    .param("people[0].name", "Chen Chun")
                    .param("people[0].role", "LECTURED")
                    .param("action", "preview"));

            assertThat(preview.select("article.record-view h2").text()).isEqualTo(title);
            assertThat(preview.select("article.record-view #p2").text()).isEqualTo("Second paragraph.");
            assertThat(preview.select("input[name=title]").val()).isEqualTo(title);
            assertThat(catalog.findForAdmin(
                            java.util.EnumSet.allOf(RecordStatus.class),
                            title,
                            org.springframework.data.domain.PageRequest.of(0, 1)))
                    .isEmpty();
        }
    }

    String themeId(String slug) {
        return themes.findBySlug(slug).orElseThrow().getId().toString();
    }

    @Autowired
    org.policyarchive.theme.ThemeVocabulary themes;
}
