package org.policyarchive.discovery;

import jakarta.servlet.http.HttpServletRequest;
import org.policyarchive.system.SiteAddress;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /robots.txt}: crawlers get the sitemap, and stay out of what has no end or no business in an index. The
 * filters of {@code /records} and the searches combine without end (a crawl from the home page found more than 10,000
 * filter addresses in three minutes), so their query-string forms are disallowed, while {@code /records} itself, the
 * records, people and themes stay open; so are the feeds but those of searches and selections.
 */
@Controller
class RobotsController {

    static final String RULES = """
            User-agent: *
            Disallow: /records?
            Disallow: /records/feed.atom?
            Disallow: /search?
            Disallow: /search/
            Disallow: /admin
            Disallow: /account
            Disallow: /login
            Disallow: /logout
            Allow: /
            """;

    @GetMapping("/robots.txt")
    ResponseEntity<String> robots(HttpServletRequest request) {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8))
                .body(RULES + "\nSitemap: " + SiteAddress.absolute(request, "/sitemap.xml") + "\n");
    }
}
