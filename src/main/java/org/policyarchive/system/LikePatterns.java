package org.policyarchive.system;

import java.util.Locale;

/** SQL {@code LIKE} patterns built from what a user typed, with the wildcards in it taken literally. */
public final class LikePatterns {

    private LikePatterns() {}

    /** A lower-case pattern matching any text that contains {@code text}. */
    public static String containing(String text) {
        return "%" + literal(text.strip().toLowerCase(Locale.ROOT)) + "%";
    }

    /** A pattern matching any text that starts with {@code text}, in its case. */
    public static String startingWith(String text) {
        return literal(text) + "%";
    }

    private static String literal(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
