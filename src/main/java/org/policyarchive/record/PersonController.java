package org.policyarchive.record;

import org.policyarchive.person.PersonDirectory;
import org.policyarchive.system.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The public person pages: the index of people, and one person with his or her records by role. */
@Controller
class PersonController {

    private final PersonDirectory people;
    private final PersonPages pages;
    private final RecordCatalog catalog;

    PersonController(PersonDirectory people, PersonPages pages, RecordCatalog catalog) {
        this.people = people;
        this.pages = pages;
        this.catalog = catalog;
    }

    @GetMapping("/people")
    String index(Model model) {
        model.addAttribute("people", people.findAllByName());
        model.addAttribute("counts", catalog.countPublishedByPerson());
        return "person/index";
    }

    @GetMapping("/people/{slug}")
    String show(@PathVariable String slug, Model model) {
        model.addAttribute(
                "page", pages.find(slug).orElseThrow(() -> new NotFoundException("error.notFound.person", slug)));
        return "person/show";
    }
}
