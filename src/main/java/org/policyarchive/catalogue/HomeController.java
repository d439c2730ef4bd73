package org.policyarchive.catalogue;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.policyarchive.person.Person;
import org.policyarchive.person.PersonDirectory;
import org.policyarchive.search.RecordBrowser;
import org.policyarchive.system.FeedLink;
import org.policyarchive.theme.ThemeVocabulary;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: the latest records, how much the archive holds, its themes and its people. */
@Controller
class HomeController {

    static final int LATEST = 10;

    /**
     * People shown, those with the most records: an archive names thousands, whom {@code /people} lists in full, and
     * the home page would grow with each of them.
     */
    static final int PEOPLE = 20;

    private final RecordBrowser browser;
    private final ThemeVocabulary themes;
    private final PersonDirectory people;

    HomeController(RecordBrowser browser, ThemeVocabulary themes, PersonDirectory people) {
        this.browser = browser;
        this.themes = themes;
        this.people = people;
    }

    @GetMapping("/")
    String home(Model model, Locale locale) {
        var tree = ReadingOrder.themes(themes.tree(), locale);
        var everyone = people.findAllByFamilyName(locale);
        var counts = browser.countPublished();
        model.addAttribute("latest", browser.newest(LATEST));
        model.addAttribute("recordCount", counts.records());
        model.addAttribute("personCount", everyone.size());
        model.addAttribute(
                "themeCount",
                tree.stream().mapToInt(node -> 1 + node.children().size()).sum());
        model.addAttribute("themeTree", tree);
        model.addAttribute("themeCounts", counts.byTheme());
        model.addAttribute("people", mostRecorded(everyone, counts.byPerson()));
        model.addAttribute("personCounts", counts.byPerson());
        model.addAttribute(FeedLink.MODEL_ATTRIBUTE, new FeedLink("/feed.atom", "feed.all.title", null));
        return "catalogue/home";
    }

    /**
     * The {@link #PEOPLE} people with the most published records (among equals, the first given), in the order given:
     * by family name, like every list of people.
     */
    static List<Person> mostRecorded(List<Person> people, Map<Long, Long> counts) {
        Set<Person> most = people.stream()
                .sorted(Comparator.comparingLong((Person person) -> counts.getOrDefault(person.getId(), 0L))
                        .reversed())
                .limit(PEOPLE)
                .collect(Collectors.toSet());
        return people.stream().filter(most::contains).toList();
    }
}
