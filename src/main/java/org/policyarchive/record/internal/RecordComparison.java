package org.policyarchive.record.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** What differs between two states of a record: the changed metadata fields and the body, paragraph by paragraph. */
public record RecordComparison(List<FieldChange> fields, List<TextDiff.Paragraph> body) {

    /** A metadata field whose value changed; {@code field} names its label in the messages. */
    public record FieldChange(
            String field, @Nullable String before, @Nullable String after) {}

    public static RecordComparison of(RecordSnapshot before, RecordSnapshot after) {
        List<FieldChange> fields = new ArrayList<>();
        add(fields, "title", before.title(), after.title());
        add(fields, "slug", before.slug(), after.slug());
        add(fields, "kind", before.kind().code(), after.kind().code());
        add(fields, "date", before.writtenDate(), after.writtenDate());
        add(fields, "place", before.place(), after.place());
        add(fields, "organization", before.organization(), after.organization());
        add(fields, "language", before.language(), after.language());
        add(fields, "summary", before.summary(), after.summary());
        add(fields, "source", before.source(), after.source());
        add(fields, "status", before.status().name(), after.status().name());
        add(fields, "translation", before.translationSlug(), after.translationSlug());
        add(fields, "people", people(before), people(after));
        add(fields, "themes", themes(before), themes(after));
        add(fields, "notes", String.join("\n\n", before.notes()), String.join("\n\n", after.notes()));
        return new RecordComparison(fields, TextDiff.paragraphs(before.paragraphs(), after.paragraphs()));
    }

    public boolean hasChanges() {
        return !fields.isEmpty() || TextDiff.hasChanges(body);
    }

    /** The fields that changed, and the text if it did: {@code changed title, body}, or {@code no changes}. */
    public String describe() {
        List<String> changed =
                new ArrayList<>(fields.stream().map(FieldChange::field).toList());
        if (TextDiff.hasChanges(body)) {
            changed.add("body");
        }
        return changed.isEmpty() ? "no changes" : "changed " + String.join(", ", changed);
    }

    private static void add(List<FieldChange> fields, String field, @Nullable String before, @Nullable String after) {
        String a = before == null || before.isBlank() ? null : before;
        String b = after == null || after.isBlank() ? null : after;
        if (!Objects.equals(a, b)) {
            fields.add(new FieldChange(field, a, b));
        }
    }

    private static String people(RecordSnapshot snapshot) {
        return snapshot.people().stream()
                .map(p -> p.name() + " (" + p.role().code() + (p.office() == null ? "" : ", " + p.office()) + ")")
                .collect(Collectors.joining("\n"));
    }

    private static String themes(RecordSnapshot snapshot) {
        return snapshot.themes().stream().map(RecordSnapshot.ThemeEntry::name).collect(Collectors.joining("\n"));
    }
}
