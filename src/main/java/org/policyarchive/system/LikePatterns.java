package org.policyarchive.system;

import java.util.Locale;

/** SQL {@code LIKE} patterns built from what a user typed, with the wildcards in it taken literally. */
public final class LikePatterns {

    private LikePatterns() {}

    /** A lower-case pattern matching any text that contains {@code text}. */
    public static String containing(String text) {
        String escaped = text.strip()
                .toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
