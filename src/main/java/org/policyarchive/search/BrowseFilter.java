package org.policyarchive.search;

import org.jspecify.annotations.Nullable;
import org.policyarchive.record.RecordKind;

/**
 * What a reader narrows the list of published records to: a kind, a year, a theme (its slug; a broader theme also
 * matches its narrower themes), a person (slug) and a language (a BCP 47 tag, as records keep it). Null means "any".
 */
public record BrowseFilter(
        @Nullable RecordKind kind,
        @Nullable Integer year,
        @Nullable String theme,
        @Nullable String person,
        @Nullable String language) {

    public static final BrowseFilter NONE = new BrowseFilter(null, null, null, null, null);

    public static BrowseFilter theme(String slug) {
        return new BrowseFilter(null, null, slug, null, null);
    }

    public boolean isEmpty() {
        return equals(NONE);
    }
}
