package org.policyarchive.record;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the kinds vocabulary: its {@code label} is the kind's spelling in the interchange format, kept when the
 * kind is renamed; its names are what readers see, in English or Chinese; {@code citedAs} is what citations take its
 * records for.
 */
public record Kind(
        RecordKind kind,
        String label,
        String englishName,
        @Nullable String chineseName,
        CitedAs citedAs,
        long version) {

    /** What a citation takes a record of a kind for: CSL speech, interview, personal communication, report, document. */
    public enum CitedAs {
        SPEECH,
        INTERVIEW,
        LETTER,
        REPORT,
        DOCUMENT
    }

    /** The address code, such as {@code study-session}. */
    public String code() {
        return kind.code();
    }

    /** The name in a language: Chinese for a Chinese locale when the kind has a Chinese name, else English. */
    public String name(Locale locale) {
        return chineseName != null && "zh".equals(locale.getLanguage()) ? chineseName : englishName;
    }
}
