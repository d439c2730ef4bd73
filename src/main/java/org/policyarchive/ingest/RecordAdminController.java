package org.policyarchive.ingest;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.policyarchive.record.RecordCatalog;
import org.policyarchive.record.RecordStatus;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The record form, the admin list, history, diffs, restores, withdrawals and deletion. The form's row buttons
 * ("add a person", "move up" ...) are submit buttons, so that it works without JavaScript: each one re-renders
 * the form with what was typed.
 */
@Controller
@RequestMapping("/admin/records")
class RecordAdminController {

    static final int PAGE_SIZE = 25;

    private final RecordEditor editor;
    private final RecordCatalog catalog;
    private final RecordFormPage formPage;
    private final SpringValidatorAdapter validator;
    private final OriginalFiles originals;

    RecordAdminController(
            RecordEditor editor,
            RecordCatalog catalog,
            RecordFormPage formPage,
            jakarta.validation.Validator validator,
            OriginalFiles originals) {
        this.editor = editor;
        this.originals = originals;
        this.catalog = catalog;
        this.formPage = formPage;
        this.validator = new SpringValidatorAdapter(validator);
    }

    @InitBinder
    void disallowId(WebDataBinder binder) {
        binder.setDisallowedFields("id");
    }

    @GetMapping
    String list(
            @RequestParam(required = false) @Nullable RecordStatus status,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        var statuses = status == null ? EnumSet.allOf(RecordStatus.class) : EnumSet.of(status);
        var pageRequest = PageRequest.of(Math.max(page, 0), PAGE_SIZE, Sort.by(Sort.Direction.DESC, "updatedAt", "id"));
        model.addAttribute("records", catalog.findForAdmin(statuses, q, pageRequest));
        model.addAttribute("status", status);
        model.addAttribute("q", q);
        model.addAttribute("statuses", RecordStatus.values());
        return "admin/records/list";
    }

    @GetMapping("/new")
    String initCreationForm(Model model) {
        model.addAttribute("recordForm", new RecordForm());
        return form(model, null);
    }

    @PostMapping("/new")
    String processCreationForm(
            @ModelAttribute("recordForm") RecordForm form,
            BindingResult result,
            @RequestParam(defaultValue = "save") String action,
            Model model,
            Principal principal,
            RedirectAttributes redirect) {
        if (!"save".equals(action)) {
            return rework(form, action, model, null);
        }
        validate(form, null, result);
        if (result.hasErrors()) {
            return form(model, null);
        }
        long id = editor.create(form, principal.getName());
        redirect.addFlashAttribute("message", "record.saved");
        return "redirect:/admin/records/" + id + "/edit";
    }

    @GetMapping("/{id}/edit")
    String initUpdateForm(@PathVariable long id, Model model) {
        model.addAttribute("recordForm", editor.formFor(id));
        return form(model, id);
    }

    @PostMapping("/{id}/edit")
    String processUpdateForm(
            @PathVariable long id,
            @ModelAttribute("recordForm") RecordForm form,
            BindingResult result,
            @RequestParam(defaultValue = "save") String action,
            Model model,
            Principal principal,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        editor.titleOf(id);
        if (!"save".equals(action)) {
            return rework(form, action, model, id);
        }
        validate(form, id, result);
        if (result.hasErrors()) {
            return form(model, id);
        }
        try {
            editor.update(id, form, principal.getName());
        } catch (EditConflictException conflict) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            RecordSnapshot theirs = editor.current(id);
            RecordSnapshot yours = editor.preview(form);
            form.setVersion(conflict.getCurrentVersion());
            model.addAttribute("recordId", id);
            model.addAttribute("theirs", theirs);
            model.addAttribute("yours", yours);
            model.addAttribute("comparison", RecordComparison.of(theirs, yours));
            return "admin/records/conflict";
        }
        redirect.addFlashAttribute("message", "record.saved");
        return "redirect:/admin/records/" + id + "/edit";
    }

    @GetMapping("/{id}/history")
    String history(@PathVariable long id, Model model) {
        model.addAttribute("recordId", id);
        model.addAttribute("record", editor.current(id));
        model.addAttribute("revisions", editor.history(id));
        model.addAttribute("originals", originals.forRecord(id));
        return "admin/records/history";
    }

    /** Compares revision {@code from} with revision {@code to}, or with the record as it is now. */
    @GetMapping("/{id}/diff")
    String diff(
            @PathVariable long id,
            @RequestParam int from,
            @RequestParam(required = false) @Nullable Integer to,
            Model model) {
        RecordSnapshot before = editor.snapshotOf(id, from);
        RecordSnapshot after = to == null ? editor.current(id) : editor.snapshotOf(id, to);
        model.addAttribute("recordId", id);
        model.addAttribute("record", editor.current(id));
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("comparison", RecordComparison.of(before, after));
        return "admin/records/diff";
    }

    @PostMapping("/{id}/revisions/{number}/restore")
    String restore(@PathVariable long id, @PathVariable int number, Principal principal, RedirectAttributes redirect) {
        editor.restore(id, number, principal.getName(), "restored revision " + number);
        redirect.addFlashAttribute("message", "record.restored");
        return "redirect:/admin/records/" + id + "/history";
    }

    @PostMapping("/{id}/status")
    String changeStatus(
            @PathVariable long id,
            @RequestParam RecordStatus status,
            Principal principal,
            RedirectAttributes redirect) {
        editor.changeStatus(
                id, status, principal.getName(), "status " + status.name().toLowerCase());
        redirect.addFlashAttribute("message", "record.status." + status.name().toLowerCase() + ".done");
        return "redirect:/admin/records/" + id + "/history";
    }

    @GetMapping("/{id}/delete")
    @PreAuthorize("hasRole('ADMIN')")
    String confirmDeletion(@PathVariable long id, Model model) {
        model.addAttribute("recordId", id);
        model.addAttribute("record", editor.current(id));
        return "admin/records/delete";
    }

    @PostMapping("/{id}/delete")
    @PreAuthorize("hasRole('ADMIN')")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        editor.delete(id);
        redirect.addFlashAttribute("message", "record.deleted");
        return "redirect:/admin/records";
    }

    private void validate(RecordForm form, @Nullable Long id, BindingResult result) {
        validator.validate(form, result);
        editor.validate(form, id, result);
    }

    /** Applies a row button or the preview, and shows the form (or preview) again with what was typed. */
    private String rework(RecordForm form, String action, Model model, @Nullable Long id) {
        String[] parts = action.split("-", 2);
        int index = parts.length == 2 && parts[1].matches("\\d{1,4}") ? Integer.parseInt(parts[1]) : -1;
        List<RecordForm.PersonRow> people = form.getPeople();
        switch (parts[0]) {
            case "addPerson" -> people.add(new RecordForm.PersonRow());
            case "removePerson" -> {
                if (index >= 0 && index < people.size()) {
                    people.remove(index);
                }
            }
            case "movePersonUp" -> {
                if (index > 0 && index < people.size()) {
                    Collections.swap(people, index, index - 1);
                }
            }
            case "movePersonDown" -> {
                if (index >= 0 && index < people.size() - 1) {
                    Collections.swap(people, index, index + 1);
                }
            }
            case "edit" -> {
                // back from the preview: the form as it was
            }
            case "addNote" -> form.getNotes().add("");
            case "removeNote" -> {
                if (index >= 0 && index < form.getNotes().size()) {
                    form.getNotes().remove(index);
                }
            }
            case "preview" -> {
                model.addAttribute("recordId", id);
                model.addAttribute("preview", editor.preview(form));
                return "admin/records/preview";
            }
            default -> throw new BadActionException(action);
        }
        // Errors refer to row positions that have just changed: the form comes back without them.
        model.addAttribute(
                BindingResult.MODEL_KEY_PREFIX + "recordForm", new BeanPropertyBindingResult(form, "recordForm"));
        return form(model, id);
    }

    private String form(Model model, @Nullable Long id) {
        return formPage.render(model, id);
    }
}
