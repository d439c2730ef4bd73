package org.policyarchive.system;

import org.jspecify.annotations.Nullable;

/**
 * The C0 control characters (U+0000 to U+001F) in text that people type or import. PostgreSQL keeps no NUL, and the
 * others are invisible, never part of a name or a title, and not allowed in XML 1.0; only a multi-line text may hold
 * the tab and the line ends.
 */
public final class ControlCharacters {

    private ControlCharacters() {}

    /** Whether a one-line text (a name, a title, a file name) holds a control character, tabs and line ends included. */
    public static boolean inLine(@Nullable String text) {
        return find(text, false) >= 0;
    }

    /** Whether a multi-line text holds a control character other than a tab, a carriage return or a line feed. */
    public static boolean inText(@Nullable String text) {
        return find(text, true) >= 0;
    }

    /** {@code text} with each control character shown as its control picture (NUL as ␀), for a message. */
    public static String shown(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            shown.append(c < 0x20 ? (char) (0x2400 + c) : c);
        }
        return shown.toString();
    }

    private static int find(@Nullable String text, boolean multiLine) {
        if (text == null) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && !(multiLine && (c == '\t' || c == '\n' || c == '\r'))) {
                return i;
            }
        }
        return -1;
    }
}
