package org.policyarchive.record;

import jakarta.servlet.http.HttpServletResponse;
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

/**
 * The kinds admin pages: the vocabulary with the number of records of each kind, and a form to add a kind or rename
 * one. There is no delete: records refer to their kind, and a kind added by mistake is renamed instead.
 */
@Controller
@RequestMapping("/admin/kinds")
class KindAdminController {

    private final Kinds kinds;
    private final KindEditor editor;
    private final SpringValidatorAdapter validator;

    KindAdminController(Kinds kinds, KindEditor editor, jakarta.validation.Validator validator) {
        this.kinds = kinds;
        this.editor = editor;
        this.validator = new SpringValidatorAdapter(validator);
    }

    @InitBinder
    void disallowId(WebDataBinder binder) {
        binder.setDisallowedFields("id", "label", "code");
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("kinds", kinds.all());
        model.addAttribute("recordCounts", editor.recordCounts());
        return "admin/kinds/list";
    }

    @GetMapping("/new")
    String initCreationForm(Model model) {
        model.addAttribute("kindForm", new KindForm());
        return form(null, model);
    }

    @PostMapping("/new")
    String processCreationForm(
            @ModelAttribute("kindForm") KindForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return save(null, form, result, model, redirect, response);
    }

    @GetMapping("/{code}/edit")
    String initUpdateForm(@PathVariable String code, Model model) {
        model.addAttribute("kindForm", editor.formFor(kind(code)));
        return form(kind(code), model);
    }

    @PostMapping("/{code}/edit")
    String processUpdateForm(
            @PathVariable String code,
            @ModelAttribute("kindForm") KindForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return save(kind(code), form, result, model, redirect, response);
    }

    private String save(
            @Nullable Kind kind,
            KindForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        validator.validate(form, result);
        editor.validate(form, kind, result);
        if (result.hasErrors()) {
            return form(kind, model);
        }
        String code;
        if (kind == null) {
            code = editor.create(form).code();
        } else {
            try {
                editor.update(kind, form);
            } catch (EditConflictException conflict) {
                response.setStatus(HttpServletResponse.SC_CONFLICT);
                result.reject("kind.conflict");
                return form(kind, model);
            }
            code = kind.code();
        }
        Flash.next(redirect, "kind.saved");
        return "redirect:/admin/kinds/" + code + "/edit";
    }

    private String form(@Nullable Kind kind, Model model) {
        model.addAttribute("kind", kind);
        model.addAttribute("citedAsChoices", Kind.CitedAs.values());
        return "admin/kinds/form";
    }

    private Kind kind(String code) {
        return kinds.byCode(code).flatMap(kinds::find).orElseThrow(() -> KindEditor.notFound(code));
    }
}
