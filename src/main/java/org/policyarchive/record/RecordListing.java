package org.policyarchive.record;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.policyarchive.system.DatePrecision;
import org.policyarchive.system.PartialDate;

/**
 * A record as a list of records shows it, read in one statement: its metadata, its summary, its text when the list
 * cuts snippets from it (search results), and its people and themes by slug and name, without the entities behind
 * them.
 *
 * @param people in the record's order
 * @param themes broad themes first, then by name
 */
public record RecordListing(
        long id,
        String slug,
        String title,
        @Nullable LocalDate date,
        @Nullable DatePrecision datePrecision,
        RecordKind kind,
        String language,
        @Nullable String place,
        @Nullable String organization,
        @Nullable String summary,
        @Nullable String body,
        List<Part> people,
        List<ThemeName> themes) {

    /** The date with how much of it is known, or null. */
    public @Nullable PartialDate partialDate() {
        return PartialDate.of(date, datePrecision);
    }

    /** A person's part in the record. */
    public record Part(String slug, String name, Role role) {}

    /** A theme, with its Chinese name if it has one. */
    public record ThemeName(
            String slug, String name, @Nullable String nameZh) {}
}
