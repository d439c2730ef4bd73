package org.policyarchive.search;

import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Folds Traditional Chinese characters into their Simplified forms (經濟 → 经济, 周恩來 → 周恩来), in the index and in
 * queries alike, so that either script finds both. The table is ICU's Traditional-Simplified transform, read once
 * character by character: running the transform on each token would cost far more than a table look-up, and a
 * character-level map keeps every token's offsets, so the highlighter marks the form the text holds. The few
 * characters that the transform turns into two are left as they are. Some Traditional characters stand for two
 * Simplified ones (乾 is 干 in 乾杯 but stays 乾 in 乾隆); folding them to one makes those words meet, which a search
 * for either accepts.
 */
final class HanScriptFolding extends TokenFilter {

    private static final char[] SIMPLIFIED = table();

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    HanScriptFolding(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        fold(term.buffer(), term.length());
        return true;
    }

    /** The text with its Traditional characters in their Simplified forms, as the index holds them. */
    static String fold(String text) {
        char[] chars = text.toCharArray();
        fold(chars, chars.length);
        return new String(chars);
    }

    private static void fold(char[] chars, int length) {
        for (int i = 0; i < length; i++) {
            char folded = SIMPLIFIED[chars[i]];
            if (folded != 0) {
                chars[i] = folded;
            }
        }
    }

    /** For each character of the Basic Multilingual Plane, its Simplified form if it has another, else 0. */
    private static char[] table() {
        Transliterator simplify = Transliterator.getInstance("Traditional-Simplified");
        char[] table = new char[Character.MAX_VALUE + 1];
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN && !Character.isSurrogate((char) c)) {
                String folded = simplify.transliterate(String.valueOf((char) c));
                if (folded.length() == 1 && folded.charAt(0) != c) {
                    table[c] = folded.charAt(0);
                }
            }
        }
        return table;
    }
}
