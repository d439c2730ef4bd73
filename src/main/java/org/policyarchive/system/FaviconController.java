package org.policyarchive.system;

import java.util.Objects;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Browsers and crawlers ask for {@code /favicon.ico} whatever the page links; they get the SVG icon, by the
 * fingerprinted name that pages link too (see {@link StaticResources}).
 */
@Controller
class FaviconController {

    private final ResourceUrlProvider resources;

    FaviconController(ResourceUrlProvider resources) {
        this.resources = resources;
    }

    @GetMapping("/favicon.ico")
    String favicon() {
        return "redirect:" + Objects.requireNonNullElse(resources.getForLookupPath("/favicon.svg"), "/favicon.svg");
    }
}
