package org.policyarchive.record;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Set;

/**
 * BCP 47 language tags such as {@code en}, {@code zh-Hans} or {@code pt-BR}: which are valid, and the one spelling a
 * record keeps, so that {@code ZH-hans} and {@code zh-Hans} are one language in filters and facets.
 */
public final class LanguageTag {

    private static final Set<String> TWO_LETTER_LANGUAGES = Set.of(Locale.getISOLanguages());

    private LanguageTag() {}

    /** Whether {@code tag} is a well-formed BCP 47 tag with a two-letter language that exists or a three-letter one. */
    public static boolean isValid(String tag) {
        Locale locale;
        try {
            locale = new Locale.Builder().setLanguageTag(tag.strip()).build();
        } catch (IllformedLocaleException e) {
            return false;
        }
        String language = locale.getLanguage();
        return language.length() == 3 || TWO_LETTER_LANGUAGES.contains(language);
    }

    /** The tag in its canonical case: {@code ZH-hans} gives {@code zh-Hans}; call it on valid tags only. */
    public static String canonical(String tag) {
        return new Locale.Builder().setLanguageTag(tag.strip()).build().toLanguageTag();
    }
}
