package org.policyarchive.catalogue;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.policyarchive.person.Person;
import org.policyarchive.person.PersonDirectory;
import org.policyarchive.search.RecordBrowser;
import org.policyarchive.system.FeedLink;
import org.policyarchive.system.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.View;
import org.springframework.web.util.UriUtils;

/** The public person pages: the index of people, and one person with his or her records by role. */
@Controller
class PersonController {

    private final PersonDirectory people;
    private final PersonPages pages;
    private final RecordBrowser browser;

    PersonController(PersonDirectory people, PersonPages pages, RecordBrowser browser) {
        this.people = people;
        this.pages = pages;
        this.browser = browser;
    }

    @GetMapping("/people")
    String index(Model model, Locale locale) {
        model.addAttribute("people", ReadingOrder.people(people.findAllByName(), locale));
        model.addAttribute("counts", browser.countPublished().byPerson());
        return "catalogue/people";
    }

    /** A person merged into another one answers with a permanent redirect to the person that was kept. */
    @GetMapping("/people/{slug}")
    String show(@PathVariable String slug, Model model, HttpServletRequest request) {
        var page = pages.find(slug);
        if (page.isEmpty()) {
            var kept =
                    people.findRedirect(slug).orElseThrow(() -> new NotFoundException("error.notFound.person", slug));
            request.setAttribute(View.RESPONSE_STATUS_ATTRIBUTE, HttpStatus.MOVED_PERMANENTLY);
            return "redirect:/people/" + UriUtils.encodePathSegment(kept.getSlug(), StandardCharsets.UTF_8);
        }
        model.addAttribute("page", page.get());
        Person person = page.get().person();
        model.addAttribute(
                FeedLink.MODEL_ATTRIBUTE,
                new FeedLink(
                        "/people/" + UriUtils.encodePathSegment(person.getSlug(), StandardCharsets.UTF_8)
                                + "/feed.atom",
                        "feed.person.title",
                        person.getName()));
        return "catalogue/person";
    }
}
