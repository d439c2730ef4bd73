package org.policyarchive.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.policyarchive.record.internal.RecordComparison;
import org.policyarchive.record.internal.RecordSnapshot;
import org.policyarchive.record.internal.Revisions;
import org.policyarchive.system.DatabaseOutage;
import org.policyarchive.system.EditConflictException;
import org.policyarchive.system.Flash;
import org.policyarchive.system.LanguageLinks;
import org.policyarchive.testing.Pages;
import org.policyarchive.testing.SeededKinds;
import org.policyarchive.theme.ThemeVocabulary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.servlet.autoconfigure.MultipartAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The record form's handling, with the record module's facades mocked: {@link RecordFormPage} is the real one, so
 * the rule violations the mocked {@link RecordEditor#check} reports become the form's field errors.
 */
@WebMvcTest(controllers = RecordAdminController.class)
// the error pages (system) need the multipart settings, which the MVC slice does not configure
@ImportAutoConfiguration(MultipartAutoConfiguration.class)
// the layout's language links are a bean of their own, which the MVC slice does not find
@Import({RecordFormPage.class, RecordLabels.class, RecordKindFormatter.class, LanguageLinks.class})
@WithMockUser(roles = "EDITOR")
class RecordAdminControllerTests {

    static final long ID = 42;
    static final String EDIT = "/admin/records/" + ID + "/edit";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    RecordEditor editor;

    @MockitoBean
    RecordCatalog catalog;

    @MockitoBean
    Revisions revisions;

    @MockitoBean
    ThemeVocabulary themes;

    @MockitoBean
    DatabaseOutage outage;

    @MockitoBean
    Kinds kinds;

    @BeforeEach
    void theRecordIsAtVersionThree() {
        given(editor.currentVersion(ID)).willReturn(3L);
    }

    @BeforeEach
    void theKindsAreThoseEveryArchiveStartsWith() {
        given(kinds.all()).willReturn(SeededKinds.ALL);
        given(kinds.find(any(RecordKind.class)))
                .willAnswer(call -> SeededKinds.ALL.stream()
                        .filter(kind -> kind.kind().equals(call.getArgument(0)))
                        .findFirst());
        given(kinds.name(any()))
                .willAnswer(call -> call.<RecordKind>getArgument(0).code());
    }

    /** A filled-in form; {@code overrides} replace or add fields (name, value, name, value ...). */
    static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, String... overrides) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", "A speech");
        fields.put("kind", "SPEECH");
        fields.put("date", "2023-08-21");
        fields.put("language", "en");
        fields.put("status", "DRAFT");
        fields.put("body", "A paragraph.");
        fields.put("people[0].name", "Jane Doe");
        fields.put("people[0].role", "SPOKE");
        fields.put("people[1].name", "John Doe");
        fields.put("people[1].role", "");
        for (int i = 0; i < overrides.length; i += 2) {
            fields.put(overrides[i], overrides[i + 1]);
        }
        fields.forEach(request::param);
        return request.with(csrf());
    }

    static RecordSnapshot snapshot(String title) {
        return new RecordSnapshot(
                "a-speech-2023-08-21",
                title,
                RecordKind.SPEECH,
                null,
                null,
                null,
                null,
                "en",
                null,
                "A paragraph.",
                null,
                RecordStatus.DRAFT,
                null,
                List.of(),
                List.of(),
                List.of());
    }

    @Test
    void showsTheRecordInTheEditForm() throws Exception {
        given(editor.current(ID)).willReturn(snapshot("A speech"));

        MvcResult result = mvc.perform(get(EDIT))
                .andExpect(status().isOk())
                .andExpect(view().name("admin/records/form"))
                .andExpect(model().attribute("recordId", ID))
                .andExpect(model().attribute("formAction", EDIT))
                .andReturn();

        RecordForm form = (RecordForm) result.getModelAndView().getModel().get("recordForm");
        assertThat(form.getTitle()).isEqualTo("A speech");
        assertThat(form.getVersion()).isEqualTo(3L);
        Document page = Pages.of(result);
        assertThat(page.select("#title").val()).isEqualTo("A speech");
        assertThat(page.select("#version").val()).isEqualTo("3");
    }

    @Nested
    class Violations {

        @Test
        void becomeFieldErrorsWithTheirCodesOnTheFieldsTheyName() throws Exception {
            given(editor.check(any(), isNull(), any()))
                    .willReturn(List.of(
                            new RecordViolation("title", "record.title.size", 500),
                            new RecordViolation("date", "date.invalid"),
                            new RecordViolation("people[1].role", "record.role.required"),
                            new RecordViolation("notes[0]", "record.note.size", 5000)));

            MvcResult result = mvc.perform(form(post("/admin/records/new")).param("notes[0]", "A note."))
                    .andExpect(status().isOk())
                    .andExpect(view().name("admin/records/form"))
                    .andExpect(model().attributeHasFieldErrorCode("recordForm", "title", "record.title.size"))
                    .andExpect(model().attributeHasFieldErrorCode("recordForm", "date", "date.invalid"))
                    .andExpect(
                            model().attributeHasFieldErrorCode("recordForm", "people[1].role", "record.role.required"))
                    .andExpect(model().attributeHasFieldErrorCode("recordForm", "notes[0]", "record.note.size"))
                    .andExpect(model().errorCount(4))
                    .andReturn();

            Document page = Pages.of(result);
            assertThat(page.select("#title-error").text()).isEqualTo("The title must be at most 500 characters long.");
            assertThat(page.select("#date-error").text()).isEqualTo("This date does not exist.");
            assertThat(page.select("#people1\\.role ~ p.error").text()).isEqualTo("Choose a role for this person.");
            assertThat(page.select("#title").val())
                    .as("what was typed comes back")
                    .isEqualTo("A speech");
            then(editor).should(never()).create(any(), any(), any());
        }

        @Test
        void ofAnUpdateAreCheckedForTheRecordBeingEdited() throws Exception {
            given(editor.check(any(), eq(ID), any()))
                    .willReturn(List.of(new RecordViolation("slug", "record.slug.taken")));

            mvc.perform(form(post(EDIT)).param("version", "3").param("slug", "taken"))
                    .andExpect(status().isOk())
                    .andExpect(view().name("admin/records/form"))
                    .andExpect(model().attributeHasFieldErrorCode("recordForm", "slug", "record.slug.taken"))
                    .andExpect(model().errorCount(1));
            then(editor).should(never()).update(anyLong(), anyLong(), any(), any(), any());
        }

        @Test
        void aValueThatCannotBeBoundIsAnErrorBeforeTheRulesAreAsked() throws Exception {
            mvc.perform(form(post("/admin/records/new"), "kind", "SERMON"))
                    .andExpect(status().isOk())
                    .andExpect(model().attributeHasFieldErrorCode("recordForm", "kind", "typeMismatch"))
                    .andExpect(model().errorCount(1));
            then(editor).should(never()).check(any(), any(), any());
            then(editor).should(never()).create(any(), any(), any());
        }
    }

    @Nested
    class Saving {

        @Test
        void aValidNewRecordIsCreatedAndItsEditPageShownWithAMessage() throws Exception {
            given(editor.create(any(), eq("user"), eq("first draft"))).willReturn(ID);

            mvc.perform(form(post("/admin/records/new")).param("comment", "first draft"))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(redirectedUrl(EDIT))
                    .andExpect(flash().attribute(Flash.ATTRIBUTE, new Flash("record.saved")));

            ArgumentCaptor<RecordDraft> draft = ArgumentCaptor.forClass(RecordDraft.class);
            then(editor).should().create(draft.capture(), eq("user"), eq("first draft"));
            assertThat(draft.getValue().title()).isEqualTo("A speech");
            assertThat(draft.getValue().people())
                    .containsExactly(
                            new RecordDraft.PersonRow(null, "Jane Doe", Role.SPOKE, null),
                            new RecordDraft.PersonRow(null, "John Doe", null, null));
        }

        @Test
        void aValidUpdateIsSavedFromTheFormsVersionAndItsEditPageShownWithAMessage() throws Exception {
            mvc.perform(form(post(EDIT)).param("version", "3").param("comment", "fixed"))
                    .andExpect(redirectedUrl(EDIT))
                    .andExpect(flash().attribute(Flash.ATTRIBUTE, new Flash("record.saved")));

            then(editor).should().update(eq(ID), eq(3L), any(), eq("user"), eq("fixed"));
        }

        @Test
        void anUnknownButtonIsABadRequest() throws Exception {
            mvc.perform(form(post("/admin/records/new")).param("action", "explode"))
                    .andExpect(status().isBadRequest());
            mvc.perform(form(post(EDIT)).param("version", "3").param("action", "explode"))
                    .andExpect(status().isBadRequest());
            then(editor).should(never()).create(any(), any(), any());
            then(editor).should(never()).update(anyLong(), anyLong(), any(), any(), any());
        }

        @Test
        void aRowButtonShowsTheFormAgainWithoutAskingTheRules() throws Exception {
            MvcResult result = mvc.perform(form(post("/admin/records/new")).param("action", "movePersonDown-0"))
                    .andExpect(status().isOk())
                    .andExpect(view().name("admin/records/form"))
                    .andExpect(model().hasNoErrors())
                    .andReturn();

            RecordForm form = (RecordForm) result.getModelAndView().getModel().get("recordForm");
            assertThat(form.getPeople())
                    .extracting(RecordForm.PersonRow::getName)
                    .containsExactly("John Doe", "Jane Doe");
            then(editor).should(never()).check(any(), any(), any());
        }

        @Test
        void aStaleVersionShowsBothVersionsOnTheConflictPage() throws Exception {
            willThrow(new EditConflictException(ID, 4)).given(editor).update(eq(ID), eq(3L), any(), any(), any());
            given(editor.current(ID)).willReturn(snapshot("Their title"));
            given(editor.preview(any())).willReturn(snapshot("A speech"));

            MvcResult result = mvc.perform(form(post(EDIT)).param("version", "3"))
                    .andExpect(status().isConflict())
                    .andExpect(view().name("admin/records/conflict"))
                    .andExpect(model().attribute("recordId", ID))
                    .andExpect(model().attribute("theirs", snapshot("Their title")))
                    .andExpect(model().attribute("yours", snapshot("A speech")))
                    .andReturn();

            RecordComparison comparison =
                    (RecordComparison) result.getModelAndView().getModel().get("comparison");
            assertThat(comparison.fields())
                    .containsExactly(new RecordComparison.FieldChange("title", "Their title", "A speech"));
            RecordForm form = (RecordForm) result.getModelAndView().getModel().get("recordForm");
            assertThat(form.getVersion())
                    .as("applying mine saves over their version")
                    .isEqualTo(4L);
            Document page = Pages.of(result);
            assertThat(page.select("h1").text()).isEqualTo("Someone else changed this record");
            assertThat(page.select("form input[name=version]").val()).isEqualTo("4");
        }
    }
}
