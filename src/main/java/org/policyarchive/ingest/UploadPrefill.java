package org.policyarchive.ingest;

import java.util.ArrayList;
import java.util.List;
import org.policyarchive.record.RecordStatus;

/** Fills the editing engineer's {@link RecordForm} with what an upload proposes, as a draft for review. */
final class UploadPrefill {

    private UploadPrefill() {}

    static RecordForm formFor(UploadDraft draft) {
        RecordForm form = new RecordForm();
        form.setTitle(draft.title());
        form.setKind(draft.kind());
        if (draft.date() != null && draft.datePrecision() != null) {
            String iso = draft.date().toString();
            form.setDate(
                    switch (draft.datePrecision()) {
                        case DAY -> iso;
                        case MONTH -> iso.substring(0, 7);
                        case YEAR -> iso.substring(0, 4);
                    });
            form.setDatePrecision(draft.datePrecision());
        }
        form.setPlace(draft.place());
        form.setOrganization(draft.organization());
        form.setLanguage(draft.language());
        form.setSummary(draft.summary());
        form.setBody(draft.body());
        form.setSource(draft.source());
        form.setStatus(RecordStatus.DRAFT);
        List<RecordForm.PersonRow> people = new ArrayList<>();
        for (UploadDraft.ProposedPerson person : draft.people()) {
            people.add(new RecordForm.PersonRow(person.personId(), person.name(), person.role(), person.office()));
        }
        form.setPeople(people);
        List<Long> themeIds = new ArrayList<>();
        List<String> newThemes = new ArrayList<>();
        for (UploadDraft.ProposedTheme theme : draft.themes()) {
            if (theme.themeId() != null) {
                themeIds.add(theme.themeId());
            } else {
                newThemes.add(theme.name());
            }
        }
        form.setThemeIds(themeIds);
        form.setNewThemes(newThemes.isEmpty() ? null : String.join("\n", newThemes));
        form.setNotes(new ArrayList<>(draft.notes()));
        return form;
    }
}
