package org.policyarchive.system;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Browsers and crawlers ask for {@code /favicon.ico} whatever the page links; they get the SVG icon. */
@Controller
class FaviconController {

    @GetMapping("/favicon.ico")
    String favicon() {
        return "redirect:/favicon.svg";
    }
}
