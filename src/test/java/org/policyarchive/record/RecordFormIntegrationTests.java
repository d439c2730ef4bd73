package org.policyarchive.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.policyarchive.person.PersonDirectory;
import org.policyarchive.system.Flash;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.Pages;
import org.policyarchive.theme.Theme;
import org.policyarchive.theme.ThemeVocabulary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
@AutoConfigureMockMvc
@CleanArchive
class RecordFormIntegrationTests {

    static final RequestPostProcessor EDITOR = user("editor").roles("EDITOR");

    @Autowired
    MockMvc mvc;

    @Autowired
    RecordCatalog catalog;

    @Autowired
    PersonDirectory people;

    @Autowired
    ThemeVocabulary themes;

    @Autowired
    TransactionTemplate transactions;

    static MockHttpServletRequestBuilder newRecord() {
        return post("/admin/records/new").with(csrf()).with(EDITOR);
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

    /** Posts a form that comes back (with errors, or after a row button) and returns its page. */
    Document postForm(MockHttpServletRequestBuilder request) throws Exception {
        return Pages.load(mvc, request, 200);
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
            assertThat(page.select(".error-summary li").eachText())
                    .containsExactly("Enter a title.", "Enter the text of the record.");
            assertThat(catalog.count()).isEqualTo(1);
        }

        @Test
        void rejectsTitleOverFiveHundredCharacters() throws Exception {
            Document page = postForm(valid(newRecord(), "x".repeat(501)));

            assertThat(page.select("#title-error").text()).isEqualTo("The title must be at most 500 characters long.");
            assertThat(page.select("#title").val()).hasSize(501);
        }

        @Test
        void rejectsADateThatDoesNotExist() throws Exception {
            Document page = postForm(valid(newRecord(), "Leap", "date", "2023-02-30"));

            assertThat(page.select("#date-error").text()).isEqualTo("This date does not exist.");
            assertThat(page.select("#date").val()).isEqualTo("2023-02-30");
        }

        @Test
        void rejectsADateInAnotherShape() throws Exception {
            Document page = postForm(valid(newRecord(), "Shape", "date", "21/08/2023"));

            assertThat(page.select("#date-error").text()).isEqualTo("Type the date as 2023-08-21, 2023-08 or 2023.");
        }

        @Test
        void rejectsAnUnknownKindAndRole() throws Exception {
            Document page = postForm(valid(newRecord(), "Kind", "kind", "SERMON")
                    .param("people[0].name", "Somebody")
                    .param("people[0].role", "JUGGLED"));

            assertThat(page.select("#kind-error").text()).isEqualTo("Choose a kind from the list.");
            assertThat(page.select("#people0\\.role ~ p.error").text()).isEqualTo("Choose a role from the list.");
        }

        @Test
        void rejectsAnInvalidLanguageTag() throws Exception {
            Document page = postForm(valid(newRecord(), "Lang", "language", "english!"));

            assertThat(page.select("#language-error").text())
                    .isEqualTo("This is not a language tag (try en, zh-Hans or fr).");
            assertThat(page.select("#language").val()).isEqualTo("english!");
        }

        @Test
        void acceptsASummaryAndABodyAtTheirLimitsAndRejectsOneCharacterMore() throws Exception {
            Document page = postForm(valid(
                    newRecord(),
                    "Long",
                    "summary",
                    text(RecordRules.SUMMARY_MAX + 1),
                    "body",
                    text(RecordRules.BODY_MAX + 1)));

            assertThat(page.select("#summary-error").text())
                    .isEqualTo("The summary must be at most 20,000 characters long.");
            assertThat(page.select("#body-error").text())
                    .isEqualTo("The text must be at most 1,000,000 characters long.");

            mvc.perform(valid(
                            newRecord(),
                            "Long",
                            "summary",
                            text(RecordRules.SUMMARY_MAX),
                            "body",
                            text(RecordRules.BODY_MAX)))
                    .andExpect(status().is3xxRedirection());
            transactions.executeWithoutResult(tx -> {
                Record record = catalog.findBySlug("long-2023-08-21").orElseThrow();
                assertThat(record.getSummary()).hasSize(RecordRules.SUMMARY_MAX);
                assertThat(record.getBody()).hasSize(RecordRules.BODY_MAX);
            });
        }

        @Test
        void rejectsAnUnknownTranslation() throws Exception {
            Document page = postForm(valid(newRecord(), "Translation").param("translationSlug", "no-such-record"));

            assertThat(page.select("#translationSlug-error").text()).isEqualTo("No other record has this slug.");
        }

        @Test
        void rejectsTheSamePersonTwiceInOneRole() throws Exception {
            Document page = postForm(valid(newRecord(), "Twice")
                    .param("people[0].name", "Chen Chun")
                    .param("people[0].role", "SPOKE")
                    .param("people[1].name", "chen chun ")
                    .param("people[1].role", "SPOKE"));

            assertThat(page.select("#people1\\.name ~ p.error").text())
                    .isEqualTo("This person already has this role in the record.");
            assertThat(page.select("#people0\\.name ~ p.error")).isEmpty();
        }

        @Test
        void rejectsATextWithANulCharacter() throws Exception {
            Document page = postForm(valid(newRecord(), "Nul", "place", "Bei\u0000jing"));

            assertThat(page.select("#place-error").text())
                    .isEqualTo("This field holds a NUL character, which no text can keep.");
            assertThat(catalog.count()).isEqualTo(1);
        }
    }

    @Nested
    class Saving {

        @Test
        void createsARecordWithNormalisedParagraphsAndANewPerson() throws Exception {
            MvcResult result = mvc.perform(valid(newRecord(), "Speech on data")
                            .param("people[0].name", "Chen Chun")
                            .param("people[0].role", "LECTURED")
                            .param("people[0].office", "Academician")
                            .param("people[1].name", "Newcomer")
                            .param("people[1].role", "SPOKE")
                            .param("themeIds", themeId("digital-economy"))
                            .param("newThemes", "Fresh theme")
                            .param("notes[0]", "A note.")
                            .param("comment", "first draft"))
                    .andExpect(status().is3xxRedirection())
                    .andReturn();
            assertThat(result.getResponse().getRedirectedUrl()).matches("/admin/records/\\d+/edit");
            assertThat(result.getFlashMap().get(Flash.ATTRIBUTE)).isEqualTo(new Flash("record.saved"));

            transactions.executeWithoutResult(tx -> {
                Record record = catalog.findBySlug("speech-on-data-2023-08-21").orElseThrow();
                assertThat(result.getResponse().getRedirectedUrl())
                        .isEqualTo("/admin/records/" + record.getId() + "/edit");
                assertThat(record.getBody()).isEqualTo("First paragraph.\n\nSecond paragraph.");
                assertThat(record.getStatus()).isEqualTo(RecordStatus.DRAFT);
                assertThat(record.getParticipations())
                        .extracting(p -> p.getPerson().getName(), Participation::getRole, Participation::getOffice)
                        .containsExactly(
                                tuple("Chen Chun", Role.LECTURED, "Academician"), tuple("Newcomer", Role.SPOKE, null));
                assertThat(record.getSortedThemes())
                        .extracting(Theme::getName)
                        .containsExactly("Digital economy", "Fresh theme");
                assertThat(record.getNotes()).extracting(EditorialNote::getBody).containsExactly("A note.");
                assertThat(record.getCreatedBy()).isEqualTo("editor");
            });
            assertThat(people.findByAnyName("Newcomer")).isPresent();
            assertThat(people.count()).isEqualTo(7);
        }

        @Test
        void editsAndPublishesARecord() throws Exception {
            String edit = mvc.perform(valid(newRecord(), "To publish"))
                    .andReturn()
                    .getResponse()
                    .getRedirectedUrl();

            Document form = Pages.load(mvc, get(edit).with(EDITOR), 200);
            assertThat(form.select("#title").val()).isEqualTo("To publish");
            assertThat(form.select("#slug").val()).isEqualTo("to-publish-2023-08-21");
            String version = form.select("#version").val();

            mvc.perform(valid(post(edit).with(csrf()).with(EDITOR), "To publish (final)", "status", "PUBLISHED")
                            .param("version", version))
                    .andExpect(status().is3xxRedirection());

            Document after = Pages.load(mvc, get(edit).with(EDITOR), 200);
            assertThat(after.select("#title").val()).isEqualTo("To publish (final)");
            assertThat(after.select("#slug").val())
                    .as("a record keeps its slug when its title changes")
                    .isEqualTo("to-publish-2023-08-21");
            assertThat(after.select("#status option[selected]").val()).isEqualTo("PUBLISHED");
        }

        @Test
        void makesSlugsFromTheTitleAndTheDateAsWritten() throws Exception {
            for (String date : new String[] {"2023-08-21", "2023-08", "2023", ""}) {
                mvc.perform(valid(newRecord(), "Dated", "date", date)).andExpect(status().is3xxRedirection());
            }
            mvc.perform(valid(newRecord(), "Dated", "date", "2023")).andExpect(status().is3xxRedirection());

            assertThat(catalog.findForAdmin(
                                    java.util.EnumSet.allOf(RecordStatus.class),
                                    "dated",
                                    org.springframework.data.domain.PageRequest.of(0, 10))
                            .map(Record::getSlug))
                    .containsExactlyInAnyOrder(
                            "dated-2023-08-21", "dated-2023-08", "dated-2023", "dated", "dated-2023-2");
        }

        @Test
        void storesScriptAsTextAndShowsItEscaped() throws Exception {
            String script = "<script>alert('x')</script>";
            String edit = mvc.perform(valid(newRecord(), "Escaping" + script, "body", "Before " + script + " after.")
                            .param("place", script))
                    .andReturn()
                    .getResponse()
                    .getRedirectedUrl();

            MvcResult result = mvc.perform(get(edit).with(EDITOR)).andReturn();
            String html = result.getResponse().getContentAsString();
            assertThat(html).doesNotContain(script).contains("&lt;script&gt;");
            Document page = Pages.of(result);
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
            assertThat(added.select("#body").val()).isEqualTo("First paragraph.\r\n\r\nSecond paragraph.");
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
            assertThat(catalog.count()).isEqualTo(1);
        }

        @Test
        void addsAndRemovesNotes() throws Exception {
            Document added = postForm(
                    valid(newRecord(), "Notes").param("notes[0]", "one").param("action", "addNote"));
            assertThat(added.select(".note-row textarea"))
                    .extracting(Element::val)
                    .containsExactly("one", "");

            Document removed = postForm(valid(newRecord(), "Notes")
                    .param("notes[0]", "one")
                    .param("notes[1]", "two")
                    .param("action", "removeNote-0"));
            assertThat(removed.select(".note-row textarea"))
                    .extracting(Element::val)
                    .containsExactly("two");
        }

        @Test
        void previewShowsThePageWithoutSaving() throws Exception {
            Document preview = postForm(valid(newRecord(), "Preview only")
                    .param("people[0].name", "Chen Chun")
                    .param("people[0].role", "LECTURED")
                    .param("action", "preview"));

            assertThat(preview.select("article.record-view h2").text()).isEqualTo("Preview only");
            assertThat(preview.select("article.record-view #p2").text()).isEqualTo("Second paragraph.");
            assertThat(preview.select("input[name=title]").val()).isEqualTo("Preview only");
            assertThat(catalog.count()).as("only the seed").isEqualTo(1);
        }

        @Test
        void anUnknownButtonIsABadRequest() throws Exception {
            mvc.perform(valid(newRecord(), "Button").param("action", "explode")).andExpect(status().isBadRequest());
            assertThat(catalog.count()).isEqualTo(1);
        }
    }

    /** Words, {@code length} characters of them, neither starting nor ending with a space. */
    static String text(int length) {
        return "lorem ".repeat(length / 6 + 1).substring(0, length - 1) + "x";
    }

    String themeId(String slug) {
        return themes.findBySlug(slug).orElseThrow().getId().toString();
    }
}
