package org.policyarchive.catalogue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.policyarchive.search.BrowseFilter;
import org.policyarchive.search.BrowsePage;
import org.policyarchive.search.RecordBrowser;
import org.policyarchive.search.SearchSort;
import org.policyarchive.system.FeedLink;
import org.policyarchive.system.NotFoundException;
import org.policyarchive.theme.Theme;
import org.policyarchive.theme.ThemeVocabulary;
import org.policyarchive.theme.ThemeVocabulary.ThemeNode;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/**
 * The public theme pages: the two-level tree, and one theme with its broader and narrower themes and its records
 * (a broader theme's records include its narrower themes' ones), newest first or in the order asked for, paged.
 */
@Controller
class ThemeController {

    private final ThemeVocabulary themes;
    private final RecordBrowser browser;

    ThemeController(ThemeVocabulary themes, RecordBrowser browser) {
        this.themes = themes;
        this.browser = browser;
    }

    @GetMapping("/themes")
    String index(Model model, Locale locale) {
        model.addAttribute("tree", ReadingOrder.themes(themes.tree(), locale));
        model.addAttribute("counts", browser.countPublished().byTheme());
        return "catalogue/themes";
    }

    @GetMapping("/themes/{slug}")
    String show(
            @PathVariable String slug,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(required = false) @Nullable String page,
            Model model,
            Locale locale) {
        int pageNumber = BrowseParameters.page(page);
        SearchSort order = BrowseParameters.sort(sort);
        List<ThemeNode> tree = themes.tree();
        ThemePlace place = locate(tree, slug);
        BrowsePage records = browser.browse(BrowseFilter.theme(slug), order, pageNumber);
        RecordController.requireExistingPage(records);
        model.addAttribute("theme", place.theme());
        model.addAttribute("parent", place.parent());
        model.addAttribute("children", place.children());
        model.addAttribute("records", records);
        Map<String, @Nullable String> parameters = new LinkedHashMap<>();
        parameters.put("sort", BrowseParameters.sortParameter(order));
        model.addAttribute("links", new BrowseLinks("/themes/" + slug, parameters));
        model.addAttribute("sort", order);
        model.addAttribute("sorts", SearchSort.LIST_ORDERS);
        model.addAttribute(
                FeedLink.MODEL_ATTRIBUTE,
                new FeedLink(
                        "/themes/" + UriUtils.encodePathSegment(slug, StandardCharsets.UTF_8) + "/feed.atom",
                        "feed.theme.title",
                        place.theme().localizedName(locale)));
        return "catalogue/theme";
    }

    /** Where a theme stands in the tree; the tree's entities are loaded, unlike a lone theme's parent. */
    private static ThemePlace locate(List<ThemeNode> tree, String slug) {
        for (ThemeNode node : tree) {
            if (node.theme().getSlug().equals(slug)) {
                return new ThemePlace(node.theme(), null, node.children());
            }
            for (Theme child : node.children()) {
                if (child.getSlug().equals(slug)) {
                    return new ThemePlace(child, node.theme(), List.of());
                }
            }
        }
        throw new NotFoundException("error.notFound.theme", slug);
    }

    private record ThemePlace(Theme theme, @Nullable Theme parent, List<Theme> children) {}
}
