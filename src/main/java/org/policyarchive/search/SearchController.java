package org.policyarchive.search;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.policyarchive.system.FeedLink;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.UriComponentsBuilder;

/** The search page and the suggestions behind its person and theme fields. */
@Controller
class SearchController {

    private final RecordSearch search;
    private final Suggestions suggestions;
    private final MessageSource messages;

    SearchController(RecordSearch search, Suggestions suggestions, MessageSource messages) {
        this.search = search;
        this.suggestions = suggestions;
        this.messages = messages;
    }

    @InitBinder
    void allowFields(WebDataBinder binder) {
        binder.setDisallowedFields("id");
    }

    @GetMapping("/search")
    String search(
            @ModelAttribute("form") SearchForm form,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale) {
        model.addAttribute("links", new SearchLinks(form.getParameters()));
        model.addAttribute("sorts", SearchSort.values());
        try {
            long start = System.nanoTime();
            SearchResults results = search.search(form);
            // the search's share of the page and its parts, for browsers' developer tools and the benchmark;
            // rendering the page comes after it. Signed-in editors only: how long the index and the database take
            // is for the people who run the archive, not for anyone who would time it from outside.
            if (request.getUserPrincipal() != null) {
                response.setHeader(
                        "Server-Timing",
                        String.format(
                                Locale.ROOT,
                                "search;dur=%.2f, index;dur=%.2f, index-cpu;dur=%.2f, db;dur=%.2f, highlight;dur=%.2f",
                                (System.nanoTime() - start) / 1e6,
                                results.timing().index(),
                                results.timing().indexCpu(),
                                results.timing().database(),
                                results.timing().highlight()));
            }
            model.addAttribute("criteria", results.criteria());
            model.addAttribute(FeedLink.MODEL_ATTRIBUTE, feedLink(form));
            model.addAttribute("results", results);
        } catch (InvalidSearchException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errorMessage", messages.getMessage(e.messageCode(), e.arguments(), locale));
        }
        return "search/results";
    }

    /** The feed of the same search: its parameters but the sort and the page, which a feed does not take. */
    private static FeedLink feedLink(SearchForm form) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/search/feed.atom");
        form.getParameters().forEach((name, value) -> {
            if (!name.equals("sort") && !name.equals("page")) {
                uri.queryParam(name, value);
            }
        });
        String path = uri.build().encode().toUriString();
        return form.getQ().isBlank()
                ? new FeedLink(path, "feed.search.everything.title", null)
                : new FeedLink(path, "feed.search.title", form.getQ().strip());
    }

    /**
     * Suggestions as the shared combobox script reads them: a JSON array of {@code {"id": slug, "label": name,
     * "detail": other name}}.
     */
    @GetMapping(value = "/search/suggest", produces = "application/json")
    @ResponseBody
    ResponseEntity<?> suggest(
            @RequestParam(defaultValue = "") String type, @RequestParam(defaultValue = "") String q, Locale locale) {
        if (q.length() > Suggestions.MAX_QUERY_LENGTH) {
            return error("search.error.tooLong", locale, Suggestions.MAX_QUERY_LENGTH);
        }
        List<Suggestions.Suggestion> found = switch (type) {
            case "person" -> suggestions.people(q);
            case "theme" -> suggestions.themes(q);
            default -> null;
        };
        if (found == null) {
            return error("search.error.suggestType", locale, type);
        }
        List<Map<String, String>> body = new ArrayList<>();
        for (Suggestions.Suggestion suggestion : found) {
            Map<String, String> item = new LinkedHashMap<>();
            item.put("id", suggestion.value());
            item.put("label", suggestion.label());
            if (suggestion.detail() != null) {
                item.put("detail", suggestion.detail());
            }
            body.add(item);
        }
        return ResponseEntity.ok(body);
    }

    private ResponseEntity<Map<String, Object>> error(String code, Locale locale, Object... arguments) {
        return ResponseEntity.badRequest().body(Map.of("error", messages.getMessage(code, arguments, locale)));
    }
}
