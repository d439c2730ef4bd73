package org.policyarchive.ingest;

import org.jspecify.annotations.Nullable;
import org.policyarchive.record.DatePrecision;
import org.policyarchive.record.RecordKind;
import org.policyarchive.record.RecordStatus;
import org.policyarchive.record.Role;
import org.policyarchive.theme.ThemeVocabulary;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The record form's template and the choices it offers, shared by the record editor and the upload review. */
@Component
class RecordFormPage {

    static final String TEMPLATE = "admin/records/form";

    private final ThemeVocabulary themes;

    RecordFormPage(ThemeVocabulary themes) {
        this.themes = themes;
    }

    /** Adds the form's choices to {@code model}; {@code recordId} is null for a new record. */
    String render(Model model, @Nullable Long recordId) {
        model.addAttribute("recordId", recordId);
        model.addAttribute("kinds", RecordKind.values());
        model.addAttribute("roles", Role.values());
        model.addAttribute("statuses", RecordStatus.values());
        model.addAttribute("precisions", DatePrecision.values());
        model.addAttribute("themeTree", themes.tree());
        return TEMPLATE;
    }
}
