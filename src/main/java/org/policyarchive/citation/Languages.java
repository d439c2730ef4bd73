package org.policyarchive.citation;

import java.util.Locale;

/** Which CSL locale formats a record: zh-CN for a record in Chinese (any script or region), en-US for all others. */
final class Languages {

    static final String CHINESE_LOCALE = "zh-CN";
    static final String ENGLISH_LOCALE = "en-US";

    private Languages() {}

    static boolean isChinese(String languageTag) {
        return Locale.forLanguageTag(languageTag).getLanguage().equals("zh");
    }

    /** The CSL locale (one of the two bundled under {@code csl/}) for a record in {@code languageTag}. */
    static String cslLocale(String languageTag) {
        return isChinese(languageTag) ? CHINESE_LOCALE : ENGLISH_LOCALE;
    }
}
