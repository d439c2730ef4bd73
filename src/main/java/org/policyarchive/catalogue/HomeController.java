package org.policyarchive.catalogue;

import java.util.Locale;
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
        model.addAttribute("people", everyone);
        model.addAttribute("personCounts", counts.byPerson());
        model.addAttribute(FeedLink.MODEL_ATTRIBUTE, new FeedLink("/feed.atom", "feed.all.title", null));
        return "catalogue/home";
    }
}
