package org.policyarchive.search;

import org.jspecify.annotations.Nullable;
import org.policyarchive.record.RecordKind;

/**
 * What a reader narrows the list of published records to: a kind, a year or the records without a date
 * ({@code undated}), a theme (its slug; a broader theme also matches its narrower themes), a person (slug) and a
 * language (a BCP 47 tag, as records keep it). Null means "any".
 */
public record BrowseFilter(
        @Nullable RecordKind kind,
        @Nullable Integer year,
        boolean undated,
        @Nullable String theme,
        @Nullable String person,
        @Nullable String language) {

    /** The value of the {@code year} parameter that chooses the records without a date. */
    public static final String UNDATED = "undated";

    public static final BrowseFilter NONE = new BrowseFilter(null, null, false, null, null, null);

    public static BrowseFilter theme(String slug) {
        return new BrowseFilter(null, null, false, slug, null, null);
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    /** The {@code year} parameter that gives this filter's year, {@link #UNDATED}, or null for any date. */
    public @Nullable String yearParameter() {
        return undated ? UNDATED : year == null ? null : String.valueOf(year);
    }
}
