package org.policyarchive.catalogue;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.policyarchive.person.Person;
import org.policyarchive.person.PersonDirectory;
import org.policyarchive.record.Role;
import org.policyarchive.search.RecordBrowser;
import org.policyarchive.search.SearchSort;
import org.policyarchive.system.FeedLink;
import org.policyarchive.system.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.View;
import org.springframework.web.util.UriUtils;

/**
 * The public person pages: the index of people by family name, and one person with his or her records, one role at
 * a time, paged like {@code /records}.
 */
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
        model.addAttribute("people", people.findAllByFamilyName(locale));
        model.addAttribute("counts", browser.countPublished().byPerson());
        return "catalogue/people";
    }

    /** A person merged into another one answers with a permanent redirect to the person that was kept. */
    @GetMapping("/people/{slug}")
    String show(
            @PathVariable String slug,
            @RequestParam(required = false) @Nullable String role,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(required = false) @Nullable String page,
            Model model,
            HttpServletRequest request) {
        int pageNumber = BrowseParameters.page(page);
        SearchSort order = BrowseParameters.sort(sort);
        Role chosen = BrowseParameters.role(role);
        var found = pages.find(slug, chosen, order, pageNumber);
        if (found.isEmpty()) {
            var kept =
                    people.findRedirect(slug).orElseThrow(() -> new NotFoundException("error.notFound.person", slug));
            request.setAttribute(View.RESPONSE_STATUS_ATTRIBUTE, HttpStatus.MOVED_PERMANENTLY);
            return "redirect:/people/" + UriUtils.encodePathSegment(kept.getSlug(), StandardCharsets.UTF_8);
        }
        PersonPages.PersonPage shown = found.get();
        if (shown.records() != null) {
            RecordController.requireExistingPage(shown.records());
        } else if (pageNumber > 1) {
            throw new NotFoundException("error.notFound.page", pageNumber);
        }
        Person person = shown.person();
        String path = "/people/" + UriUtils.encodePathSegment(person.getSlug(), StandardCharsets.UTF_8);
        Map<String, @Nullable String> parameters = new LinkedHashMap<>();
        parameters.put("role", shown.role() == null ? null : shown.role().code());
        parameters.put("sort", BrowseParameters.sortParameter(order));
        model.addAttribute("page", shown);
        model.addAttribute("links", new BrowseLinks(path, parameters));
        model.addAttribute("sort", order);
        model.addAttribute("sorts", SearchSort.LIST_ORDERS);
        model.addAttribute(
                FeedLink.MODEL_ATTRIBUTE, new FeedLink(path + "/feed.atom", "feed.person.title", person.getName()));
        return "catalogue/person";
    }
}
