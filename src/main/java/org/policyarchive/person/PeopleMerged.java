package org.policyarchive.person;

import org.jspecify.annotations.Nullable;

/**
 * Two person records turned out to name one person, and the merged one is folded into the kept one. Published
 * inside the merge's transaction while both still exist, so that listeners in the same transaction can move what
 * refers to the merged person before it is deleted; the kept person then also goes by the merged one's names.
 */
public record PeopleMerged(
        long keptId,
        String keptSlug,
        String keptName,
        long mergedId,
        String mergedSlug,
        String mergedName,
        @Nullable String mergedBy) {}
