package org.policyarchive.record;

import java.io.Serializable;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.policyarchive.record.internal.RecordSnapshot;
import org.policyarchive.system.DatePrecision;

/**
 * A record as any way in gives it, before the record's rules have checked and normalised it: the record form, an
 * upload, a line of a bulk import. Texts are as typed or read ({@link RecordEditor#check} says what is wrong with
 * them); the date is as written, {@code 2023-08-21}, {@code 2023-08} or {@code 2023}, kept with {@code datePrecision}
 * when one is given.
 *
 * @param slug the permanent address; null or blank: made from the title and the date
 * @param people in the record's order; a row with neither an id nor a name is left out
 * @param themes existing themes by id, or names that find or create a theme
 * @param translationSlug the slug of the record that is this one's translation
 */
public record RecordDraft(
        @Nullable String slug,
        @Nullable String title,
        @Nullable RecordKind kind,
        @Nullable String date,
        @Nullable DatePrecision datePrecision,
        @Nullable String place,
        @Nullable String organization,
        @Nullable String language,
        @Nullable String summary,
        @Nullable String body,
        @Nullable String source,
        @Nullable RecordStatus status,
        @Nullable String translationSlug,
        List<PersonRow> people,
        List<ThemeRef> themes,
        List<String> notes)
        implements Serializable {

    public RecordDraft {
        people = List.copyOf(people);
        themes = List.copyOf(themes);
        notes = List.copyOf(notes);
    }

    /** A stored record as a draft: its people and themes by id and name, its date as written. */
    public static RecordDraft of(Record record) {
        return RecordSnapshot.of(record).toDraft();
    }

    /** The same draft with another translation (null: none). */
    public RecordDraft withTranslationSlug(@Nullable String slug) {
        return new RecordDraft(
                this.slug,
                title,
                kind,
                date,
                datePrecision,
                place,
                organization,
                language,
                summary,
                body,
                source,
                status,
                slug,
                people,
                themes,
                notes);
    }

    /** A person in the record: a known person by id, or a name that finds or creates one. */
    public record PersonRow(
            @Nullable Long personId,
            @Nullable String name,
            @Nullable Role role,
            @Nullable String office) implements Serializable {

        /** A row with nothing in it, such as an empty row of the form. */
        public boolean isBlank() {
            return personId == null && (name == null || name.isBlank());
        }
    }

    /** A theme of the vocabulary by id, or by a name that finds or creates a broader theme. */
    public record ThemeRef(@Nullable Long themeId, @Nullable String name) implements Serializable {}
}
