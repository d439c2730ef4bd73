package org.policyarchive.theme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willAnswer;
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

import java.util.List;
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
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.ObjectError;

/** The theme form's validation, with the theme module's facades mocked. */
@WebMvcTest(controllers = ThemeAdminController.class)
// the error pages (system) need the multipart settings, which the MVC slice does not configure
@ImportAutoConfiguration(MultipartAutoConfiguration.class)
// the layout's language links are a bean of their own, which the MVC slice does not find
@Import(LanguageLinks.class)
@WithMockUser(roles = "EDITOR")
class ThemeAdminControllerTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ThemeVocabulary themes;

    @MockitoBean
    ThemeEditor editor;

    /** Makes the mocked editor's own checks reject {@code field} with {@code code}. */
    void editorRejects(String field, String code) {
        willAnswer(invocation -> {
                    invocation.<Errors>getArgument(2).rejectValue(field, code);
                    return null;
                })
                .given(editor)
                .validate(any(), any(), any());
    }

    @Test
    void showsAnEmptyFormForANewThemeWithTheBroaderThemesToChoose() throws Exception {
        Theme broad = new Theme("broad", "Broad");
        ReflectionTestUtils.setField(broad, "id", 3L);
        given(themes.tree()).willReturn(List.of(new ThemeVocabulary.ThemeNode(broad, List.of())));

        mvc.perform(get("/admin/themes/new"))
                .andExpect(status().isOk())
                .andExpect(view().name("admin/themes/form"))
                .andExpect(model().attribute("parents", List.of(broad)))
                .andExpect(model().attributeExists("themeForm"));
    }

    @Nested
    class Validation {

        @Test
        void aBlankNameIsAFieldError() throws Exception {
            mvc.perform(post("/admin/themes/new").with(csrf()).param("name", " "))
                    .andExpect(status().isOk())
                    .andExpect(view().name("admin/themes/form"))
                    .andExpect(model().attributeHasFieldErrorCode("themeForm", "name", "NotBlank"))
                    .andExpect(model().errorCount(1));
            then(editor).should(never()).save(any(), any());
        }

        @Test
        void aNameAnotherThemeHasIsAFieldError() throws Exception {
            editorRejects("name", "theme.name.taken");

            mvc.perform(post("/admin/themes/new").with(csrf()).param("name", "Digital economy"))
                    .andExpect(status().isOk())
                    .andExpect(view().name("admin/themes/form"))
                    .andExpect(model().attributeHasFieldErrorCode("themeForm", "name", "theme.name.taken"))
                    .andExpect(model().errorCount(1));
            then(editor).should().validate(any(), isNull(), any());
            then(editor).should(never()).save(any(), any());
        }

        @Test
        void anInvalidBroaderThemeIsAFieldError() throws Exception {
            editorRejects("parentId", "theme.parent.invalid");

            mvc.perform(post("/admin/themes/5/edit")
                            .with(csrf())
                            .param("version", "0")
                            .param("name", "Talent")
                            .param("parentId", "5"))
                    .andExpect(status().isOk())
                    .andExpect(view().name("admin/themes/form"))
                    .andExpect(model().attributeHasFieldErrorCode("themeForm", "parentId", "theme.parent.invalid"))
                    .andExpect(model().attribute("themeId", 5L))
                    .andExpect(model().errorCount(1));
            then(editor).should().validate(any(), eq(5L), any());
            then(editor).should(never()).save(any(), any());
        }

        @Test
        void aBroaderThemeThatIsNotANumberIsAFieldError() throws Exception {
            mvc.perform(post("/admin/themes/new")
                            .with(csrf())
                            .param("name", "Trade")
                            .param("parentId", "abc"))
                    .andExpect(status().isOk())
                    .andExpect(model().attributeHasFieldErrorCode("themeForm", "parentId", "typeMismatch"));
            then(editor).should(never()).save(any(), any());
        }
    }

    @Nested
    class Saving {

        @Test
        void aNewThemeIsSavedAndItsFormShownWithAMessage() throws Exception {
            given(editor.save(isNull(), any())).willReturn(12L);

            mvc.perform(post("/admin/themes/new")
                            .with(csrf())
                            .param("name", "Green finance")
                            .param("nameZh", "绿色金融")
                            .param("parentId", "3"))
                    .andExpect(redirectedUrl("/admin/themes/12/edit"))
                    .andExpect(flash().attribute(Flash.ATTRIBUTE, new Flash("theme.saved")));

            ArgumentCaptor<ThemeForm> saved = ArgumentCaptor.forClass(ThemeForm.class);
            then(editor).should().save(isNull(), saved.capture());
            assertThat(saved.getValue().getName()).isEqualTo("Green finance");
            assertThat(saved.getValue().getNameZh()).isEqualTo("绿色金融");
            assertThat(saved.getValue().getParentId()).isEqualTo(3L);
        }

        @Test
        void aStaleVersionIsAConflictWithAGlobalError() throws Exception {
            willThrow(new EditConflictException(5, 2)).given(editor).save(eq(5L), any());

            MvcResult result = mvc.perform(post("/admin/themes/5/edit")
                            .with(csrf())
                            .param("version", "1")
                            .param("name", "Talent"))
                    .andExpect(status().isConflict())
                    .andExpect(view().name("admin/themes/form"))
                    .andReturn();

            BindingResult errors = (BindingResult)
                    result.getModelAndView().getModel().get(BindingResult.MODEL_KEY_PREFIX + "themeForm");
            assertThat(errors.getGlobalErrors())
                    .extracting(ObjectError::getCode)
                    .containsExactly("theme.conflict");
            assertThat(errors.getFieldErrors()).isEmpty();
        }
    }
}
