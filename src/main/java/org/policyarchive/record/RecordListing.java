package org.policyarchive.record;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A record as a list of search results shows it, read in one statement ({@link RecordCatalog#findListings}): its
 * text, and its people and themes by slug and name, without the entities behind them.
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
        @Nullable String summary,
        String body,
        List<Part> people,
        List<ThemeName> themes) {

    /** A person's part in the record. */
    public record Part(String slug, String name, Role role) {}

    /** A theme, with its Chinese name if it has one. */
    public record ThemeName(
            String slug, String name, @Nullable String nameZh) {}
}
