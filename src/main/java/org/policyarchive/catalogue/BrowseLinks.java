package org.policyarchive.catalogue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The links of a browse page: the same filters with one value added, changed or removed, or another page. Every
 * change of filter goes back to the first page.
 */
final class BrowseLinks {

    private final String path;
    private final Map<String, String> parameters;

    BrowseLinks(String path, Map<String, @Nullable String> parameters) {
        this.path = path;
        this.parameters = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            if (value != null) {
                this.parameters.put(name, value);
            }
        });
    }

    /** The filters with {@code name} set to {@code value}. */
    public String with(String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(parameters);
        changed.put(name, value);
        return link(changed, 1);
    }

    /** The filters without {@code name}. */
    public String without(String name) {
        Map<String, String> changed = new LinkedHashMap<>(parameters);
        changed.remove(name);
        return link(changed, 1);
    }

    /** Page {@code page} of the same filters. */
    public String page(int page) {
        return link(parameters, page);
    }

    /** No filter at all. */
    public String none() {
        return path;
    }

    private String link(Map<String, String> values, int page) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        values.forEach(uri::queryParam);
        if (page > 1) {
            uri.queryParam("page", page);
        }
        return uri.build().encode().toUriString();
    }
}
