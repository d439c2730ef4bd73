package org.policyarchive.ingest;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.policyarchive.record.DatePrecision;
import org.policyarchive.record.Record;
import org.policyarchive.record.RecordKind;
import org.policyarchive.record.RecordStatus;
import org.policyarchive.record.Role;

/**
 * A record as it stood after one change: its metadata, people, themes, notes and body. Revisions store it as JSON;
 * diffs and the conflict page compare two of them.
 */
record RecordSnapshot(
        String slug,
        String title,
        RecordKind kind,
        @Nullable LocalDate date,
        @Nullable DatePrecision datePrecision,
        @Nullable String place,
        @Nullable String organization,
        String language,
        @Nullable String summary,
        String body,
        @Nullable String source,
        RecordStatus status,
        @Nullable String translationSlug,
        List<PersonEntry> people,
        List<ThemeEntry> themes,
        List<String> notes) {

    record PersonEntry(
            @Nullable Long personId,
            String name,
            Role role,
            @Nullable String office) {}

    record ThemeEntry(@Nullable Long themeId, String name) {}

    static RecordSnapshot of(Record record) {
        Record translation = record.getTranslation();
        return new RecordSnapshot(
                record.getSlug(),
                record.getTitle(),
                record.getKind(),
                record.getDate(),
                record.getDatePrecision(),
                record.getPlace(),
                record.getOrganization(),
                record.getLanguage(),
                record.getSummary(),
                record.getBody(),
                record.getSource(),
                record.getStatus(),
                translation == null ? null : translation.getSlug(),
                record.getParticipations().stream()
                        .map(p -> new PersonEntry(
                                p.getPerson().getId(), p.getPerson().getName(), p.getRole(), p.getOffice()))
                        .toList(),
                record.getSortedThemes().stream()
                        .map(theme -> new ThemeEntry(theme.getId(), theme.getName()))
                        .toList(),
                record.getNotes().stream().map(note -> note.getBody()).toList());
    }

    public List<String> paragraphs() {
        return List.of(body.split(Record.PARAGRAPH_SEPARATOR)).stream()
                .filter(paragraph -> !paragraph.isBlank())
                .toList();
    }

    /** The snapshot as a form, to edit it again or to restore it. */
    RecordForm toForm() {
        RecordForm form = new RecordForm();
        form.setSlug(slug);
        form.setTitle(title);
        form.setKind(kind);
        form.setDate(RecordDates.format(date, datePrecision));
        form.setDatePrecision(datePrecision);
        form.setPlace(place);
        form.setOrganization(organization);
        form.setLanguage(language);
        form.setSummary(summary);
        form.setBody(body);
        form.setSource(source);
        form.setStatus(status);
        form.setTranslationSlug(translationSlug);
        form.getPeople()
                .addAll(people.stream()
                        .map(p -> new RecordForm.PersonRow(p.personId(), p.name(), p.role(), p.office()))
                        .toList());
        form.setNewThemes(
                String.join("\n", themes.stream().map(ThemeEntry::name).toList()));
        form.getNotes().addAll(notes);
        return form;
    }
}
