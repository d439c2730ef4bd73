package org.policyarchive.record.internal;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.policyarchive.record.Record;
import org.policyarchive.record.RecordDraft;
import org.policyarchive.record.RecordKind;
import org.policyarchive.record.RecordStatus;
import org.policyarchive.record.Role;
import org.policyarchive.system.DatePrecision;
import org.policyarchive.system.PartialDate;

/**
 * A record as it stood after one change: its metadata, people, themes, notes and body. Revisions store it as JSON;
 * diffs and the conflict page compare two of them.
 */
public record RecordSnapshot(
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

    public record PersonEntry(
            @Nullable Long personId,
            String name,
            Role role,
            @Nullable String office) {}

    public record ThemeEntry(@Nullable Long themeId, String name) {}

    public static RecordSnapshot of(Record record) {
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

    /** The date as an editor writes it ({@code 2023-08}), or null. */
    public @Nullable String writtenDate() {
        PartialDate partial = PartialDate.of(date, datePrecision);
        return partial == null ? null : partial.toString();
    }

    /** The snapshot as a draft, to edit it again or to restore it: people and themes by id and name. */
    public RecordDraft toDraft() {
        return new RecordDraft(
                slug,
                title,
                kind,
                writtenDate(),
                datePrecision,
                place,
                organization,
                language,
                summary,
                body,
                source,
                status,
                translationSlug,
                people.stream()
                        .map(p -> new RecordDraft.PersonRow(p.personId(), p.name(), p.role(), p.office()))
                        .toList(),
                themes.stream()
                        .map(t -> new RecordDraft.ThemeRef(t.themeId(), t.name()))
                        .toList(),
                notes);
    }
}
