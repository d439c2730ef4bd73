package org.policyarchive.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.text.Collator;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The reader's interface language: the one chosen with the layout's language links, kept in a cookie for a year; else
 * the first language of the browser's Accept-Language that the messages files cover (any Chinese gets Simplified
 * Chinese); else English. Only the supported locales ever come out, so that {@code <html lang>} and
 * {@code Content-Language} name the language the texts are really in, whatever a link or a cookie says.
 */
public final class ReaderLocales implements LocaleResolver {

    public static final Locale CHINESE = Locale.forLanguageTag("zh-Hans");

    /** The interface languages, in the order the language links show them. */
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, CHINESE);

    /** The query parameter of the layout's language links ({@code ?locale=zh}), which sets the cookie. */
    public static final String PARAMETER = "locale";

    static final String COOKIE = "archive-language";

    private final CookieLocaleResolver cookie = new CookieLocaleResolver(COOKIE);

    ReaderLocales() {
        cookie.setCookieMaxAge(Duration.ofDays(365));
        cookie.setCookieSameSite("Lax");
        cookie.setCookieHttpOnly(true);
        // a cookie that does not parse is no choice: the browser's languages decide
        cookie.setRejectInvalidCookies(false);
        cookie.setDefaultLocaleFunction(ReaderLocales::fromBrowser);
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        Locale chosen = supported(cookie.resolveLocale(request));
        return chosen != null ? chosen : fromBrowser(request);
    }

    /** Keeps a supported choice; ignores any other language, or none ({@code ?locale=}). */
    @Override
    public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
        Locale chosen = supported(locale);
        if (chosen != null) {
            cookie.setLocale(request, response, chosen);
        }
    }

    /**
     * The order of names in lists shown in {@code locale}: in Chinese, the collation for {@link Locale#CHINA} (Han
     * characters by pinyin, which covers the common characters, after Latin letters); else the language's own,
     * alphabetical with case and accents weighed after the letters.
     */
    public static Collator collator(Locale locale) {
        return Collator.getInstance(locale.getLanguage().equals(CHINESE.getLanguage()) ? Locale.CHINA : locale);
    }

    /** The supported locale of {@code locale}'s language, or {@code null}. */
    static @Nullable Locale supported(@Nullable Locale locale) {
        if (locale == null) {
            return null;
        }
        for (Locale candidate : SUPPORTED) {
            if (candidate.getLanguage().equals(locale.getLanguage())) {
                return candidate;
            }
        }
        return null;
    }

    private static Locale fromBrowser(HttpServletRequest request) {
        if (request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) != null) {
            for (Locale wanted : Collections.list(request.getLocales())) {
                Locale chosen = supported(wanted);
                if (chosen != null) {
                    return chosen;
                }
            }
        }
        return Locale.ENGLISH;
    }
}
