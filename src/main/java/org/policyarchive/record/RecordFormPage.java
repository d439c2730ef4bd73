package org.policyarchive.record;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;
import org.policyarchive.system.BadActionException;
import org.policyarchive.system.DatabaseOutage;
import org.policyarchive.system.DatePrecision;
import org.policyarchive.system.Flash;
import org.policyarchive.theme.ThemeVocabulary;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The record form as a page: what it offers, and what each of its buttons does. Shared by the record admin pages
 * and the upload review, which differ only in where the form posts and what saving a new record also does. The row
 * buttons ("add a person", "move up" ...) are submit buttons, so that the form works without JavaScript: each one
 * shows the form again with what was typed.
 */
@Component
public class RecordFormPage {

    static final String TEMPLATE = "admin/records/form";
    static final String FORM = "recordForm";

    private final ThemeVocabulary themes;
    private final Kinds kinds;
    private final RecordEditor editor;
    private final DatabaseOutage outage;

    /** The themes the form last offered, to offer again when the database cannot list them. */
    private volatile @Nullable List<ThemeVocabulary.ThemeNode> lastThemeTree;

    RecordFormPage(ThemeVocabulary themes, Kinds kinds, RecordEditor editor, DatabaseOutage outage) {
        this.themes = themes;
        this.kinds = kinds;
        this.editor = editor;
        this.outage = outage;
    }

    /** The form (already in {@code model}) posting to {@code action}; {@code recordId} is null for a new record. */
    public String show(Model model, @Nullable Long recordId, String action) {
        List<ThemeVocabulary.ThemeNode> tree = themes.tree();
        lastThemeTree = tree;
        return show(model, recordId, action, tree);
    }

    /** The form with {@code themeTree} to choose from; without one, the chosen themes travel in hidden fields. */
    private String show(
            Model model, @Nullable Long recordId, String action, @Nullable List<ThemeVocabulary.ThemeNode> themeTree) {
        model.addAttribute("recordId", recordId);
        model.addAttribute("formAction", action);
        model.addAttribute("kinds", kinds.all());
        model.addAttribute("roles", Role.values());
        model.addAttribute("statuses", RecordStatus.values());
        model.addAttribute("precisions", DatePrecision.values());
        model.addAttribute("themeTree", themeTree);
        return TEMPLATE;
    }

    /**
     * Handles a post of the form, and when the database cannot be reached on the way, shows the form again as it was
     * posted, with a 503 that says nothing was saved: saving it again once the database is back sends what was typed.
     * The themes to choose from are the ones last shown, since the database cannot list them.
     */
    String keptThroughOutage(
            RecordForm form, Model model, @Nullable Long recordId, String action, Supplier<String> handling) {
        try {
            return handling.get();
        } catch (RuntimeException e) {
            if (!outage.explains(e)) {
                throw e;
            }
            ServletRequestAttributes request =
                    (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
            outage.answer(request.getRequest(), Objects.requireNonNull(request.getResponse()), e);
            model.addAttribute(FORM, form);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + FORM, new BeanPropertyBindingResult(form, FORM));
            model.addAttribute("unsaved", true);
            return show(model, recordId, action, lastThemeTree);
        }
    }

    /**
     * A post of the form for a new record: a row button or the preview shows the form (or the preview) again; save
     * checks the form against the record's rules, shows it again with the errors, or creates the record through
     * {@code create} and goes to its edit page. Without the database, the form comes back as typed.
     */
    public String processCreation(
            RecordForm form,
            BindingResult result,
            String button,
            Model model,
            String action,
            ToLongFunction<RecordDraft> create,
            RedirectAttributes redirect) {
        return keptThroughOutage(form, model, null, action, () -> {
            if (!"save".equals(button)) {
                return rework(form, button, model, null, action);
            }
            if (hasErrors(form, null, result)) {
                return show(model, null, action);
            }
            long id = create.applyAsLong(form.toDraft());
            Flash.next(redirect, "record.saved");
            return "redirect:/admin/records/" + id + "/edit";
        });
    }

    /**
     * Adds the record's rule violations (for record {@code recordId}, null for a new one) and the form's own limits to
     * the binding errors, as errors of the fields they name; true when there are any errors at all.
     */
    boolean hasErrors(RecordForm form, @Nullable Long recordId, BindingResult result) {
        if (!result.hasErrors()) {
            for (RecordViolation violation : editor.check(form.toDraft(), recordId, form.getComment())) {
                result.rejectValue(violation.field(), violation.messageKey(), violation.arguments(), null);
            }
            int newThemes = form.newThemeNames().size();
            if (newThemes > RecordForm.NEW_THEMES_MAX) {
                result.rejectValue(
                        "newThemes",
                        "record.newThemes.tooMany",
                        new Object[] {RecordForm.NEW_THEMES_MAX, newThemes},
                        null);
            }
        }
        return result.hasErrors();
    }

    /** Applies a row button or the preview, and shows the form (or the preview) again with what was typed. */
    String rework(RecordForm form, String button, Model model, @Nullable Long recordId, String action) {
        String[] parts = button.split("-", 2);
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
                model.addAttribute("recordId", recordId);
                model.addAttribute("formAction", action);
                model.addAttribute("preview", editor.preview(form.toDraft()));
                return "admin/records/preview";
            }
            default -> throw new BadActionException(button);
        }
        // Errors refer to row positions that have just changed: the form comes back without them.
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + FORM, new BeanPropertyBindingResult(form, FORM));
        return show(model, recordId, action);
    }
}
