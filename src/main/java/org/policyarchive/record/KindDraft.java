package org.policyarchive.record;

import org.jspecify.annotations.Nullable;

/**
 * A kind as a file of the interchange format defines it ({@code "type": "kind"} lines, which exports write before
 * their records): its label, its names and what citations take its records for.
 */
public record KindDraft(
        String label,
        @Nullable String englishName,
        @Nullable String chineseName,
        Kind.CitedAs citedAs) {

    public static KindDraft of(Kind kind) {
        return new KindDraft(kind.label(), kind.englishName(), kind.chineseName(), kind.citedAs());
    }
}
