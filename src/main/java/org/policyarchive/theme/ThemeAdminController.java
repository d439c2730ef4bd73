package org.policyarchive.theme;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.policyarchive.system.EditConflictException;
import org.policyarchive.system.Flash;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The theme admin pages: the vocabulary as a tree, and a form to add or change a theme. */
@Controller
@RequestMapping("/admin/themes")
class ThemeAdminController {

    private final ThemeVocabulary themes;
    private final ThemeEditor editor;
    private final SpringValidatorAdapter validator;

    ThemeAdminController(ThemeVocabulary themes, ThemeEditor editor, jakarta.validation.Validator validator) {
        this.themes = themes;
        this.editor = editor;
        this.validator = new SpringValidatorAdapter(validator);
    }

    @InitBinder
    void disallowId(WebDataBinder binder) {
        binder.setDisallowedFields("id");
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("themeTree", themes.tree());
        return "admin/themes/list";
    }

    @GetMapping("/new")
    String initCreationForm(Model model) {
        model.addAttribute("themeForm", new ThemeForm());
        return form(null, model);
    }

    @PostMapping("/new")
    String processCreationForm(
            @ModelAttribute("themeForm") ThemeForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return save(null, form, result, model, redirect, response);
    }

    @GetMapping("/{id}/edit")
    String initUpdateForm(@PathVariable long id, Model model) {
        model.addAttribute("themeForm", editor.formFor(id));
        return form(id, model);
    }

    @PostMapping("/{id}/edit")
    String processUpdateForm(
            @PathVariable long id,
            @ModelAttribute("themeForm") ThemeForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        editor.formFor(id);
        return save(id, form, result, model, redirect, response);
    }

    private String save(
            @Nullable Long id,
            ThemeForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        validator.validate(form, result);
        editor.validate(form, id, result);
        if (result.hasErrors()) {
            return form(id, model);
        }
        long saved;
        try {
            saved = editor.save(id, form);
        } catch (EditConflictException conflict) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            result.reject("theme.conflict");
            return form(id, model);
        }
        Flash.next(redirect, "theme.saved");
        return "redirect:/admin/themes/" + saved + "/edit";
    }

    private String form(@Nullable Long id, Model model) {
        model.addAttribute("themeId", id);
        model.addAttribute(
                "parents",
                themes.tree().stream()
                        .map(ThemeVocabulary.ThemeNode::theme)
                        .filter(theme -> !Objects.equals(theme.getId(), id))
                        .toList());
        return "admin/themes/form";
    }
}
