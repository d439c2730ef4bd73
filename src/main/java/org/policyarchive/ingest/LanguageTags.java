package org.policyarchive.ingest;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Set;

/** Checks BCP 47 language tags such as {@code en}, {@code zh-Hans} or {@code pt-BR}. */
final class LanguageTags {

    private static final Set<String> TWO_LETTER_LANGUAGES = Set.of(Locale.getISOLanguages());

    private LanguageTags() {}

    /** Whether {@code tag} is a well-formed BCP 47 tag with a two-letter language that exists or a three-letter one. */
    static boolean isValid(String tag) {
        Locale locale;
        try {
            locale = new Locale.Builder().setLanguageTag(tag.strip()).build();
        } catch (IllformedLocaleException e) {
            return false;
        }
        String language = locale.getLanguage();
        return language.length() == 3 || TWO_LETTER_LANGUAGES.contains(language);
    }

    /** The tag in its canonical case: {@code ZH-hans} gives {@code zh-Hans}. */
    static String canonical(String tag) {
        return new Locale.Builder().setLanguageTag(tag.strip()).build().toLanguageTag();
    }
}
