package org.policyarchive.person;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.policyarchive.system.BadActionException;
import org.policyarchive.system.EditConflictException;
import org.policyarchive.system.Flash;
import org.policyarchive.system.NotFoundException;
import org.policyarchive.system.PageNumbers;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The people admin pages: list, edit (names, aliases, offices), merge, and the autocomplete's JSON. */
@Controller
@RequestMapping("/admin/people")
class PersonAdminController {

    private static final int SUGGESTIONS = 10;
    static final int PAGE_SIZE = 25;

    private final PersonDirectory people;
    private final PersonEditor editor;
    private final SpringValidatorAdapter validator;

    PersonAdminController(PersonDirectory people, PersonEditor editor, jakarta.validation.Validator validator) {
        this.people = people;
        this.editor = editor;
        this.validator = new SpringValidatorAdapter(validator);
    }

    @InitBinder
    void disallowId(WebDataBinder binder) {
        binder.setDisallowedFields("id");
    }

    /** A person as the autocomplete offers it. */
    record Suggestion(long id, String label, @Nullable String detail) {}

    @GetMapping(path = "/lookup", produces = "application/json")
    @ResponseBody
    List<Suggestion> lookup(@RequestParam(defaultValue = "") String q) {
        if (q.isBlank()) {
            return List.of();
        }
        return people.search(q, PageRequest.of(0, SUGGESTIONS, Sort.by("name"))).stream()
                .map(person -> new Suggestion(person.getId(), person.getName(), person.getNativeName()))
                .toList();
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute(
                "people",
                people.search(q, PageRequest.of(PageNumbers.checked(page, 0, PAGE_SIZE), PAGE_SIZE, Sort.by("name"))));
        model.addAttribute("q", q);
        return "admin/people/list";
    }

    @GetMapping("/{id}/edit")
    String initUpdateForm(@PathVariable long id, Model model) {
        model.addAttribute("personForm", editor.formFor(id));
        return form(id, model);
    }

    @PostMapping("/{id}/edit")
    String processUpdateForm(
            @PathVariable long id,
            @ModelAttribute("personForm") PersonForm form,
            BindingResult result,
            @RequestParam(defaultValue = "save") String action,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        if (action.equals("addOffice")) {
            form.getOffices().add(new PersonForm.OfficeRow());
            return reform(id, form, model);
        }
        if (action.startsWith("removeOffice-") && action.substring(13).matches("\\d{1,4}")) {
            int index = Integer.parseInt(action.substring(13));
            if (index < form.getOffices().size()) {
                form.getOffices().remove(index);
            }
            return reform(id, form, model);
        }
        if (!action.equals("save")) {
            throw new BadActionException(action);
        }
        validator.validate(form, result);
        PersonEditor.validate(form, result);
        if (result.hasErrors()) {
            return form(id, model);
        }
        try {
            editor.update(id, form);
        } catch (EditConflictException conflict) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            result.reject("person.conflict");
            return form(id, model);
        }
        Flash.next(redirect, "person.saved");
        return "redirect:/admin/people/" + id + "/edit";
    }

    /** Asks which person to merge into this one, then shows both before the merge. */
    @GetMapping("/{id}/merge")
    String confirmMerge(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Long mergedId,
            @RequestParam(defaultValue = "") String other,
            Model model) {
        model.addAttribute("kept", editor.card(id));
        model.addAttribute("other", other);
        Person merged = null;
        if (mergedId != null) {
            merged = people.findById(mergedId).orElse(null);
        } else if (!other.isBlank()) {
            merged = people.findBySlug(other.strip())
                    .or(() -> people.findByAnyName(other))
                    .orElse(null);
        }
        if (merged != null && merged.getId() == id) {
            model.addAttribute("problem", "person.merge.self");
        } else if (merged == null && (mergedId != null || !other.isBlank())) {
            model.addAttribute("problem", "person.merge.unknown");
        } else {
            model.addAttribute("merged", merged == null ? null : editor.card(merged.getId()));
        }
        return "admin/people/merge";
    }

    @PostMapping("/{id}/merge")
    String merge(@PathVariable long id, @RequestParam long mergedId, Principal principal, RedirectAttributes redirect) {
        if (id == mergedId) {
            throw new BadActionException("merge into itself");
        }
        editor.merge(id, mergedId, principal.getName());
        Flash.next(redirect, "person.merged");
        return "redirect:/admin/people/" + id + "/edit";
    }

    private String reform(long id, PersonForm form, Model model) {
        model.addAttribute(
                BindingResult.MODEL_KEY_PREFIX + "personForm", new BeanPropertyBindingResult(form, "personForm"));
        return form(id, model);
    }

    private String form(long id, Model model) {
        Person person = people.findById(id)
                .orElseThrow(() -> new NotFoundException("admin.notFound.person", String.valueOf(id)));
        model.addAttribute("personId", id);
        model.addAttribute("slug", person.getSlug());
        return "admin/people/form";
    }
}
