package org.policyarchive.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.policyarchive.system.EditConflictException;
import org.policyarchive.system.Flash;
import org.policyarchive.system.LanguageLinks;
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
import org.springframework.validation.BindingResult;
import org.springframework.validation.ObjectError;

/** The person form's validation and buttons, with the person module's facades mocked. */
@WebMvcTest(controllers = PersonAdminController.class)
// the error pages (system) need the multipart settings, which the MVC slice does not configure
@ImportAutoConfiguration(MultipartAutoConfiguration.class)
// the layout's language links are a bean of their own, which the MVC slice does not find
@Import(LanguageLinks.class)
@WithMockUser(roles = "EDITOR")
class PersonAdminControllerTests {

    static final long ID = 7;
    static final String URL = "/admin/people/" + ID + "/edit";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    PersonDirectory people;

    @MockitoBean
    PersonEditor editor;

    @BeforeEach
    void aPersonExists() {
        given(people.findById(ID)).willReturn(Optional.of(new Person("wang-wu", "Wang Wu")));
    }

    /** The form as posted with its save button, at version 3, with {@code name}. */
    static MockHttpServletRequestBuilder save(String name) {
        return post(URL).with(csrf()).param("version", "3").param("name", name);
    }

    static MockHttpServletRequestBuilder save() {
        return save("Wang Wu");
    }

    static BindingResult errors(MvcResult result) {
        return (BindingResult) result.getModelAndView().getModel().get(BindingResult.MODEL_KEY_PREFIX + "personForm");
    }

    @Test
    void showsThePersonsForm() throws Exception {
        PersonForm form = new PersonForm();
        form.setName("Wang Wu");
        given(editor.formFor(ID)).willReturn(form);

        mvc.perform(get(URL))
                .andExpect(status().isOk())
                .andExpect(view().name("admin/people/form"))
                .andExpect(model().attribute("personForm", form))
                .andExpect(model().attribute("personId", ID))
                .andExpect(model().attribute("slug", "wang-wu"));
    }

    @Nested
    class Validation {

        @Test
        void aBlankNameIsAFieldError() throws Exception {
            mvc.perform(save(" "))
                    .andExpect(status().isOk())
                    .andExpect(view().name("admin/people/form"))
                    .andExpect(model().attributeHasFieldErrorCode("personForm", "name", "NotBlank"))
                    .andExpect(model().errorCount(1));
            then(editor).should(org.mockito.Mockito.never()).update(anyLong(), any());
        }

        @Test
        void anOfficeDateThatIsNotADayIsAFieldError() throws Exception {
            mvc.perform(save().param("offices[0].title", "Mayor")
                            .param("offices[0].startDate", "2020-02-31")
                            .param("offices[0].endDate", "2021")
                            .param("offices[1].title", "Minister")
                            .param("offices[1].startDate", "2021-03-01"))
                    .andExpect(status().isOk())
                    .andExpect(view().name("admin/people/form"))
                    .andExpect(model().attributeHasFieldErrorCode(
                                    "personForm", "offices[0].startDate", "person.office.date"))
                    .andExpect(model().attributeHasFieldErrorCode(
                                    "personForm", "offices[0].endDate", "person.office.date"))
                    .andExpect(model().errorCount(2));
            then(editor).should(org.mockito.Mockito.never()).update(anyLong(), any());
        }

        @Test
        void aBlankOfficeRowIsNotChecked() throws Exception {
            mvc.perform(save().param("offices[0].title", "").param("offices[0].startDate", "not a date"))
                    .andExpect(status().is3xxRedirection());
        }

        @Test
        void aNameOverThreeHundredCharactersIsAFieldError() throws Exception {
            mvc.perform(save("x".repeat(PersonForm.NAME_MAX + 1)))
                    .andExpect(status().isOk())
                    .andExpect(model().attributeHasFieldErrorCode("personForm", "name", "Size"));
            mvc.perform(save("x".repeat(PersonForm.NAME_MAX))).andExpect(status().is3xxRedirection());
        }
    }

    @Nested
    class Buttons {

        @Test
        void addingAnOfficeRowShowsTheFormAgainWithoutErrors() throws Exception {
            MvcResult result = mvc.perform(post(URL)
                            .with(csrf())
                            .param("name", "")
                            .param("offices[0].title", "Mayor")
                            .param("offices[0].startDate", "not a date")
                            .param("action", "addOffice"))
                    .andExpect(status().isOk())
                    .andExpect(view().name("admin/people/form"))
                    .andExpect(model().hasNoErrors())
                    .andReturn();

            PersonForm form = (PersonForm) result.getModelAndView().getModel().get("personForm");
            assertThat(form.getOffices())
                    .extracting(PersonForm.OfficeRow::getTitle)
                    .containsExactly("Mayor", null);
            then(editor).should(org.mockito.Mockito.never()).update(anyLong(), any());
        }

        @Test
        void removingAnOfficeRowShowsTheFormAgainWithoutErrors() throws Exception {
            MvcResult result = mvc.perform(post(URL)
                            .with(csrf())
                            .param("name", "")
                            .param("offices[0].title", "Mayor")
                            .param("offices[1].title", "Minister")
                            .param("offices[1].startDate", "not a date")
                            .param("action", "removeOffice-0"))
                    .andExpect(status().isOk())
                    .andExpect(model().hasNoErrors())
                    .andReturn();

            PersonForm form = (PersonForm) result.getModelAndView().getModel().get("personForm");
            assertThat(form.getOffices())
                    .extracting(PersonForm.OfficeRow::getTitle)
                    .containsExactly("Minister");
        }

        @Test
        void removingARowThatIsNotThereChangesNothing() throws Exception {
            MvcResult result = mvc.perform(post(URL)
                            .with(csrf())
                            .param("offices[0].title", "Mayor")
                            .param("action", "removeOffice-5"))
                    .andExpect(status().isOk())
                    .andExpect(model().hasNoErrors())
                    .andReturn();

            PersonForm form = (PersonForm) result.getModelAndView().getModel().get("personForm");
            assertThat(form.getOffices())
                    .extracting(PersonForm.OfficeRow::getTitle)
                    .containsExactly("Mayor");
        }

        @Test
        void anUnknownButtonIsABadRequest() throws Exception {
            mvc.perform(save().param("action", "explode")).andExpect(status().isBadRequest());
            mvc.perform(save().param("action", "removeOffice-x")).andExpect(status().isBadRequest());
            then(editor).should(org.mockito.Mockito.never()).update(anyLong(), any());
        }
    }

    @Nested
    class Saving {

        @Test
        void aValidFormIsSavedAndTheFormShownAgainWithAMessage() throws Exception {
            mvc.perform(save().param("aliases", "Minister Wang").param("offices[0].title", "Minister"))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(redirectedUrl(URL))
                    .andExpect(flash().attribute(Flash.ATTRIBUTE, new Flash("person.saved")));

            ArgumentCaptor<PersonForm> saved = ArgumentCaptor.forClass(PersonForm.class);
            then(editor).should().update(eq(ID), saved.capture());
            assertThat(saved.getValue().getVersion()).isEqualTo(3);
            assertThat(saved.getValue().getName()).isEqualTo("Wang Wu");
            assertThat(saved.getValue().getAliases()).isEqualTo("Minister Wang");
        }

        @Test
        void aStaleVersionIsAConflictWithAGlobalError() throws Exception {
            willThrow(new EditConflictException(ID, 4)).given(editor).update(eq(ID), any());

            MvcResult result = mvc.perform(save())
                    .andExpect(status().isConflict())
                    .andExpect(view().name("admin/people/form"))
                    .andReturn();

            assertThat(errors(result).getGlobalErrors())
                    .extracting(ObjectError::getCode)
                    .containsExactly("person.conflict");
            assertThat(errors(result).getFieldErrors()).isEmpty();
        }

        @Test
        void needsTheCsrfToken() throws Exception {
            mvc.perform(post(URL).param("name", "Wang Wu")).andExpect(status().isForbidden());
            then(editor).should(org.mockito.Mockito.never()).update(anyLong(), any());
        }
    }

    @Nested
    class Merging {

        @Test
        void mergesAnotherPersonIntoThisOne() throws Exception {
            mvc.perform(post("/admin/people/" + ID + "/merge").with(csrf()).param("mergedId", "8"))
                    .andExpect(redirectedUrl(URL))
                    .andExpect(flash().attribute(Flash.ATTRIBUTE, new Flash("person.merged")));

            then(editor).should().merge(ID, 8, "user");
        }

        @Test
        void refusesToMergeAPersonIntoItself() throws Exception {
            mvc.perform(post("/admin/people/" + ID + "/merge").with(csrf()).param("mergedId", String.valueOf(ID)))
                    .andExpect(status().isBadRequest());
            then(editor).should(org.mockito.Mockito.never()).merge(anyLong(), anyLong(), any());
        }
    }
}
