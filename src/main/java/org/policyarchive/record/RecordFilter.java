package org.policyarchive.record;

import org.jspecify.annotations.Nullable;

/**
 * What a reader narrows the list of published records to: a kind, a year, a theme (its slug; a broader theme also
 * matches its narrower themes), a person (slug) and a language (BCP 47 tag). Null means "any".
 */
public record RecordFilter(
        @Nullable RecordKind kind,
        @Nullable Integer year,
        @Nullable String theme,
        @Nullable String person,
        @Nullable String language) {

    public static final RecordFilter NONE = new RecordFilter(null, null, null, null, null);

    public static RecordFilter theme(String slug) {
        return new RecordFilter(null, null, slug, null, null);
    }

    public boolean isEmpty() {
        return equals(NONE);
    }
}
