package org.policyarchive.record;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.policyarchive.record.internal.RecordComparison;
import org.policyarchive.record.internal.RecordSnapshot;
import org.policyarchive.record.internal.Revisions;
import org.policyarchive.system.EditConflictException;
import org.policyarchive.system.Flash;
import org.policyarchive.system.PageNumbers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The record form, the admin list, history, diffs, restores, status changes and deletion. */
@Controller
@RequestMapping("/admin/records")
class RecordAdminController {

    static final int PAGE_SIZE = 25;

    private final RecordEditor editor;
    private final RecordCatalog catalog;
    private final RecordFormPage formPage;
    private final Revisions revisions;
    private final OriginalsOfRecords originals;

    RecordAdminController(
            RecordEditor editor,
            RecordCatalog catalog,
            RecordFormPage formPage,
            Revisions revisions,
            ObjectProvider<OriginalsOfRecords> originals) {
        this.editor = editor;
        this.catalog = catalog;
        this.formPage = formPage;
        this.revisions = revisions;
        this.originals = originals.getIfAvailable(() -> recordId -> List.of());
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
        var pageRequest = PageRequest.of(
                PageNumbers.checked(page, 0, PAGE_SIZE), PAGE_SIZE, Sort.by(Sort.Direction.DESC, "updatedAt", "id"));
        model.addAttribute("records", catalog.findForAdmin(statuses, q, pageRequest));
        model.addAttribute("status", status);
        model.addAttribute("q", q);
        model.addAttribute("statuses", RecordStatus.values());
        return "admin/records/list";
    }

    @GetMapping("/new")
    String initCreationForm(Model model) {
        model.addAttribute(RecordFormPage.FORM, new RecordForm());
        return formPage.show(model, null, "/admin/records/new");
    }

    @PostMapping("/new")
    String processCreationForm(
            @ModelAttribute(RecordFormPage.FORM) RecordForm form,
            BindingResult result,
            @RequestParam(defaultValue = "save") String action,
            Model model,
            Principal principal,
            RedirectAttributes redirect) {
        return formPage.processCreation(
                form,
                result,
                action,
                model,
                "/admin/records/new",
                draft -> editor.create(draft, principal.getName(), form.getComment()),
                redirect);
    }

    @GetMapping("/{id}/edit")
    String initUpdateForm(@PathVariable long id, Model model) {
        RecordForm form = RecordForm.of(editor.current(id).toDraft());
        form.setVersion(editor.currentVersion(id));
        model.addAttribute(RecordFormPage.FORM, form);
        return formPage.show(model, id, editAction(id));
    }

    @PostMapping("/{id}/edit")
    String processUpdateForm(
            @PathVariable long id,
            @ModelAttribute(RecordFormPage.FORM) RecordForm form,
            BindingResult result,
            @RequestParam(defaultValue = "save") String action,
            Model model,
            Principal principal,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return formPage.keptThroughOutage(
                form,
                model,
                id,
                editAction(id),
                () -> update(id, form, result, action, model, principal, redirect, response));
    }

    private String update(
            long id,
            RecordForm form,
            BindingResult result,
            String action,
            Model model,
            Principal principal,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        editor.currentVersion(id); // a 404 for a record that does not exist, whatever the button
        if (!"save".equals(action)) {
            return formPage.rework(form, action, model, id, editAction(id));
        }
        if (formPage.hasErrors(form, id, result)) {
            return formPage.show(model, id, editAction(id));
        }
        try {
            editor.update(
                    id,
                    form.getVersion() == null ? -1 : form.getVersion(),
                    form.toDraft(),
                    principal.getName(),
                    form.getComment());
        } catch (EditConflictException conflict) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            RecordSnapshot theirs = editor.current(id);
            RecordSnapshot yours = editor.preview(form.toDraft());
            form.setVersion(conflict.getCurrentVersion());
            model.addAttribute("recordId", id);
            model.addAttribute("theirs", theirs);
            model.addAttribute("yours", yours);
            model.addAttribute("comparison", RecordComparison.of(theirs, yours));
            return "admin/records/conflict";
        }
        Flash.next(redirect, "record.saved");
        return "redirect:" + editAction(id);
    }

    @GetMapping("/{id}/history")
    String history(@PathVariable long id, Model model) {
        model.addAttribute("recordId", id);
        model.addAttribute("record", editor.current(id));
        model.addAttribute("revisions", revisions.history(id));
        model.addAttribute("originals", originals.of(id));
        return "admin/records/history";
    }

    /** Compares revision {@code from} with revision {@code to}, or with the record as it is now. */
    @GetMapping("/{id}/diff")
    String diff(
            @PathVariable long id,
            @RequestParam int from,
            @RequestParam(required = false) @Nullable Integer to,
            Model model) {
        RecordSnapshot now = editor.current(id);
        RecordSnapshot before = revisions.snapshot(id, from);
        RecordSnapshot after = to == null ? now : revisions.snapshot(id, to);
        model.addAttribute("recordId", id);
        model.addAttribute("record", now);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("comparison", RecordComparison.of(before, after));
        return "admin/records/diff";
    }

    @PostMapping("/{id}/revisions/{number}/restore")
    String restore(@PathVariable long id, @PathVariable int number, Principal principal, RedirectAttributes redirect) {
        editor.restore(id, number, principal.getName(), "restored revision " + number);
        Flash.next(redirect, "record.restored");
        return "redirect:/admin/records/" + id + "/history";
    }

    @PostMapping("/{id}/status")
    String changeStatus(
            @PathVariable long id,
            @RequestParam RecordStatus status,
            Principal principal,
            RedirectAttributes redirect) {
        String code = status.name().toLowerCase(Locale.ROOT);
        editor.changeStatus(id, status, principal.getName(), "status " + code);
        Flash.next(redirect, "record.status." + code + ".done");
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
        Flash.next(redirect, "record.deleted");
        return "redirect:/admin/records";
    }

    private static String editAction(long id) {
        return "/admin/records/" + id + "/edit";
    }
}
