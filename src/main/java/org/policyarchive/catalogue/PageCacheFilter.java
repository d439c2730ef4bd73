package org.policyarchive.catalogue;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.policyarchive.system.ReaderLocales;
import org.policyarchive.system.SiteAddress;
import org.springframework.http.ETag;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves the public reading pages (home, {@code /records} with its filters, a record, the people, a person, the
 * themes, a theme) to anonymous readers from the {@link PageCache}, with an entity tag, and answers a conditional
 * request whose tag still matches with a 304. It runs ahead of Spring Security: a kept page needs none of its work,
 * which was most of the time of answering one. So a page keeps the headers its rendering got (Security's among them)
 * and is sent with them again.
 *
 * <p>A signed-in user's pages carry the user's name and CSRF tokens: they are neither kept nor served from the cache,
 * get no entity tag and keep Security's {@code no-store}, so no 304 ever answers for another user's page. Who is
 * signed in is read where Security keeps it, in the session (a request with credentials of its own goes through
 * Security too). A page is kept only when its rendering found no session, created none, set no cookie and no header
 * but its type, its language, what it varies with and the security headers every page gets. The
 * reader's language is part of the key, so an English copy never answers a Chinese reader, and {@code Vary} tells
 * shared caches the same.
 */
class PageCacheFilter extends OncePerRequestFilter {

    private static final Pattern PUBLIC_PAGE = Pattern.compile("/|/(records|people|themes)(/[^/]+)?");

    /**
     * What a rendering may set and still be kept: the page's type, language and {@code Vary}, and what Spring Security writes on
     * every page. All else (a cookie, above all) may belong to this one response.
     */
    private static final Set<String> PAGE_HEADERS = caseInsensitive(List.of(
            HttpHeaders.CONTENT_TYPE,
            HttpHeaders.CONTENT_LANGUAGE,
            HttpHeaders.VARY,
            HttpHeaders.CACHE_CONTROL,
            HttpHeaders.PRAGMA,
            HttpHeaders.EXPIRES,
            "Content-Security-Policy",
            "Referrer-Policy",
            "Strict-Transport-Security",
            "X-Content-Type-Options",
            "X-Frame-Options",
            "X-XSS-Protection"));

    /** What {@link #send} sets for each response, rather than the rendering's. */
    private static final Set<String> SENT_HEADERS = caseInsensitive(
            List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.CACHE_CONTROL, HttpHeaders.ETAG, HttpHeaders.VARY));

    /**
     * What a kept page depends on besides its address: its encoding, and the reader's language, which comes from the
     * language cookie or else the Accept-Language header (system.ReaderLocales).
     */
    static final String VARY =
            String.join(", ", HttpHeaders.ACCEPT_ENCODING, HttpHeaders.ACCEPT_LANGUAGE, HttpHeaders.COOKIE);

    private final PageCache cache;
    private final LocaleResolver locales;

    PageCacheFilter(PageCache cache, LocaleResolver locales) {
        this.cache = cache;
        this.locales = locales;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return !cache.enabled()
                || !(method.equals("GET") || method.equals("HEAD"))
                || !PUBLIC_PAGE.matcher(request.getRequestURI()).matches()
                || !anonymous(request)
                // a request that switches language sets a cookie: never kept
                || request.getParameter(ReaderLocales.PARAMETER) != null;
    }

    /**
     * Whether no one is signed in: no credentials come with the request, its session (if any) holds no user, and no
     * user came with the request already (MockMvc tests store theirs so, ahead of every filter).
     */
    private static boolean anonymous(HttpServletRequest request) {
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || request.getAttribute(RequestAttributeSecurityContextRepository.DEFAULT_REQUEST_ATTR_NAME) != null) {
            return false;
        }
        HttpSession session = request.getSession(false);
        return session == null
                || session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getMethod().equals("HEAD")) {
            CachedPage kept = cache.kept(key(request));
            if (kept != null) {
                send(kept, request, response);
            } else {
                chain.doFilter(request, response);
            }
            return;
        }
        CachedPage page = cache.page(key(request), generation -> render(request, response, chain, generation));
        if (page != null) {
            send(page, request, response);
        }
    }

    /** Renders the page; returns it when it may be kept, else sends it as it is and returns {@code null}. */
    private static @Nullable CachedPage render(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain, long generation)
            throws IOException, ServletException {
        Set<String> headersBefore = caseInsensitive(response.getHeaderNames());
        boolean sessionBefore = request.getSession(false) != null;
        ContentCachingResponseWrapper rendering = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, rendering);
        Set<String> headersSet = caseInsensitive(rendering.getHeaderNames());
        headersSet.removeAll(headersBefore);
        if (sessionBefore || !keepable(request, rendering, headersSet)) {
            rendering.copyBodyToResponse();
            return null;
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : headersSet) {
            if (!SENT_HEADERS.contains(name)) {
                headers.put(name, List.copyOf(rendering.getHeaders(name)));
            }
        }
        return new CachedPage(
                rendering.getContentAsByteArray(), String.valueOf(rendering.getContentType()), headers, generation);
    }

    /**
     * The page's address, as the reader's language is part of what the page says; with the scheme and host the
     * reader asked for, as a record's page names itself absolutely (canonical link, OpenGraph, JSON-LD): a request
     * with another {@code Host} header must not leave its host in the page that others get.
     */
    private String key(HttpServletRequest request) {
        String query = request.getQueryString();
        Locale locale = locales.resolveLocale(request);
        return SiteAddress.base(request) + request.getRequestURI() + (query == null ? "" : "?" + query) + " "
                + locale.toLanguageTag();
    }

    /** Whether the page is the same for every anonymous reader: a 200 page that set nothing of this response's. */
    private static boolean keepable(
            HttpServletRequest request, ContentCachingResponseWrapper rendering, Set<String> headersSet) {
        return rendering.getStatus() == HttpServletResponse.SC_OK
                && String.valueOf(rendering.getContentType()).startsWith("text/html")
                && PAGE_HEADERS.containsAll(headersSet)
                && request.getSession(false) == null;
    }

    private static void send(CachedPage page, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        boolean gzip = page.gzipped() != null && AcceptedEncodings.gzip(request);
        String etag = gzip ? page.gzippedEtag() : page.etag();
        page.headers().forEach((name, values) -> {
            response.setHeader(name, values.get(0));
            values.stream().skip(1).forEach(value -> response.addHeader(name, value));
        });
        response.setHeader(HttpHeaders.ETAG, etag);
        // a cache may keep the page, but must ask again each time: the page changes with the archive
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        response.setHeader(HttpHeaders.VARY, VARY);
        if (matches(request, etag)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] body = gzip ? page.gzipped() : page.body();
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(page.contentType());
        if (gzip) {
            response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        response.setContentLength(body.length);
        if (!request.getMethod().equals("HEAD")) {
            response.getOutputStream().write(body);
        }
    }

    /** Whether the request's {@code If-None-Match} names {@code etag} (weak comparison, as for GET). */
    private static boolean matches(HttpServletRequest request, String etag) {
        ETag ours = ETag.create(etag);
        for (String header : Collections.list(request.getHeaders(HttpHeaders.IF_NONE_MATCH))) {
            for (ETag theirs : ETag.parse(header)) {
                if (theirs.isWildcard() || theirs.compare(ours, false)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Set<String> caseInsensitive(Collection<String> names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(names);
        return set;
    }
}
