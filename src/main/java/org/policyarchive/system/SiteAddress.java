package org.policyarchive.system;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The archive's absolute address as the reader reached it ({@code https://archive.example.org}), for what must name
 * pages absolutely: canonical links, OpenGraph and JSON-LD, feeds, sitemaps and robots.txt. Behind a proxy, Tomcat
 * has already taken the scheme and host from the proxy's {@code X-Forwarded-*} headers
 * ({@code server.forward-headers-strategy=native}, believed from internal proxies only).
 */
public final class SiteAddress {

    private SiteAddress() {}

    /** The scheme, host, port (unless the scheme's default) and context path, without a final slash. */
    public static String base(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
    }

    /** {@code path} (starting with a slash, already encoded) made absolute. */
    public static String absolute(HttpServletRequest request, String path) {
        return base(request) + path;
    }
}
