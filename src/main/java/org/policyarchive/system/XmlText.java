package org.policyarchive.system;

/**
 * Text made fit for XML 1.0. The record's rules keep control characters out of every text, but a text may still hold
 * a noncharacter (U+FFFE, U+FFFF) or a lone surrogate, which XML cannot carry (JDOM refuses it with an exception),
 * and what a client sends may hold anything. For the feeds and OAI-PMH.
 */
public final class XmlText {

    private XmlText() {}

    /** {@code text} without the characters XML 1.0 cannot carry. */
    public static String of(String text) {
        StringBuilder clean = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed;
            if (Character.isHighSurrogate(c)) {
                allowed = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
                if (allowed) {
                    if (clean != null) {
                        clean.append(c).append(text.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else {
                allowed = c == '\t'
                        || c == '\n'
                        || c == '\r'
                        || (c >= 0x20 && c <= 0xD7FF)
                        || (c >= 0xE000 && c <= 0xFFFD);
            }
            if (!allowed && clean == null) {
                clean = new StringBuilder(text.length()).append(text, 0, i);
            } else if (allowed && clean != null) {
                clean.append(c);
            }
        }
        return clean == null ? text : clean.toString();
    }
}
