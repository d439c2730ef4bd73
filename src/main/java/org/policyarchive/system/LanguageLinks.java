package org.policyarchive.system;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The layout's language links ({@code ${@languageLinks.links()}}): one per interface language, named in its own
 * language, leading to the page the reader is on (same path and query, without an earlier choice) with
 * {@code ?locale=} that language. An error page links to the address that failed, not to {@code /error}.
 */
@Component("languageLinks")
public class LanguageLinks {

    private final MessageSource messages;

    LanguageLinks(MessageSource messages) {
        this.messages = messages;
    }

    public List<LanguageLink> links() {
        HttpServletRequest request =
                ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        Locale current = LocaleContextHolder.getLocale();
        String page = pageAddress(request);
        List<LanguageLink> links = new ArrayList<>();
        for (Locale locale : ReaderLocales.SUPPORTED) {
            String tag = locale.toLanguageTag();
            links.add(new LanguageLink(
                    tag,
                    messages.getMessage("language.self", null, locale),
                    page + ReaderLocales.PARAMETER + "=" + locale.getLanguage(),
                    locale.equals(current)));
        }
        return links;
    }

    /** The reader's page, ending in {@code ?} or {@code &} ready for the language parameter. */
    static String pageAddress(HttpServletRequest request) {
        String path = request.getRequestURI();
        String query = request.getQueryString();
        // the error page of a request the container forwarded to /error
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String failed
                && !failed.equals(path)) {
            path = failed;
            query = request.getAttribute(RequestDispatcher.ERROR_QUERY_STRING) instanceof String failedQuery
                    ? failedQuery
                    : null;
        }
        // "//host/..." would be a link to another site
        StringBuilder address = new StringBuilder(path.replaceFirst("^/+", "/")).append('?');
        for (String part : withoutChoice(query)) {
            address.append(part).append('&');
        }
        return address.toString();
    }

    /** The query's parameters as they were written, without any {@code locale}. */
    private static List<String> withoutChoice(@Nullable String query) {
        List<String> parts = new ArrayList<>();
        if (query == null) {
            return parts;
        }
        for (String part : query.split("&")) {
            String name = part.contains("=") ? part.substring(0, part.indexOf('=')) : part;
            if (!part.isEmpty() && !decoded(name).equals(ReaderLocales.PARAMETER)) {
                parts.add(part);
            }
        }
        return parts;
    }

    private static String decoded(String name) {
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return name;
        }
    }

    /**
     * A language link.
     *
     * @param tag the language's BCP 47 tag, for the link's {@code lang} and {@code hreflang}
     * @param name the language's name in that language
     * @param href the reader's page in that language
     * @param current whether the page is in that language already
     */
    public record LanguageLink(String tag, String name, String href, boolean current) {}
}
