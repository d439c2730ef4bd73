package org.policyarchive.search;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Builds the search page's links from the current parameters, so that every link keeps the whole search and
 * changing a filter goes back to the first page.
 */
public final class SearchLinks {

    private final Map<String, String> parameters;

    SearchLinks(Map<String, String> parameters) {
        this.parameters = parameters;
    }

    /** The search with {@code name} set to {@code value}, from its first page. */
    public String with(String name, Object value) {
        Map<String, String> changed = new LinkedHashMap<>(parameters);
        changed.remove("page");
        changed.put(name, String.valueOf(value));
        return url(changed);
    }

    /** The search narrowed to the ten years from {@code decade}, from its first page. */
    public String decade(String decade) {
        int start = Integer.parseInt(decade);
        Map<String, String> changed = new LinkedHashMap<>(parameters);
        changed.remove("page");
        changed.remove("date");
        changed.put("from", String.valueOf(start));
        changed.put("to", String.valueOf(start + 9));
        return url(changed);
    }

    /** The search narrowed to the records without a date, from its first page: no dates to search between. */
    public String undated() {
        Map<String, String> changed = new LinkedHashMap<>(parameters);
        changed.remove("page");
        changed.remove("from");
        changed.remove("to");
        changed.put("date", BrowseFilter.UNDATED);
        return url(changed);
    }

    /** The search without the named parameters, from its first page. */
    public String without(String... names) {
        Map<String, String> changed = new LinkedHashMap<>(parameters);
        changed.remove("page");
        for (String name : names) {
            changed.remove(name);
        }
        return url(changed);
    }

    /** The same search on another page. */
    public String page(int page) {
        Map<String, String> changed = new LinkedHashMap<>(parameters);
        changed.put("page", String.valueOf(page));
        return url(changed);
    }

    public String current() {
        return url(parameters);
    }

    private static String url(Map<String, String> parameters) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromPath("/search");
        parameters.forEach(builder::queryParam);
        return builder.encode().build().toUriString();
    }
}
