package org.policyarchive.record;

import org.jspecify.annotations.Nullable;

/**
 * A kind was added to the vocabulary, or renamed ({@code renamed}: its English or Chinese name changed); {@code by}
 * names the user an import added it for (an import runs without a signed-in user), null for a change on a page.
 */
public record KindChanged(
        String code,
        String englishName,
        boolean created,
        boolean renamed,
        @Nullable String by) {}
