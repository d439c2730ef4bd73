package org.policyarchive.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.policyarchive.person.Person;
import org.policyarchive.record.RecordLabels;
import org.policyarchive.search.BrowseFilter;
import org.policyarchive.search.BrowsePage;
import org.policyarchive.search.BrowsePage.FacetValue;
import org.policyarchive.theme.Theme;

/**
 * What a browse page shows besides the records: the filters in force (each with a link that removes it), the facets
 * (each value with its count and a link that chooses it) and the paging links.
 */
record BrowseView(BrowsePage result, List<ActiveFilter> active, List<FacetGroup> facets, BrowseLinks links) {

    /** Facet values shown before the rest folds away. */
    static final int SHOWN_VALUES = 10;

    /** A filter in force: its parameter, what it is set to, and the link without it. */
    record ActiveFilter(String parameter, String label, String removeLink) {}

    /** A facet: the parameter it sets, and its values, most frequent first. */
    record FacetGroup(String parameter, List<FacetOption> options) {

        public List<FacetOption> firstOptions() {
            return options.subList(0, Math.min(SHOWN_VALUES, options.size()));
        }

        public List<FacetOption> moreOptions() {
            return options.size() <= SHOWN_VALUES ? List.of() : options.subList(SHOWN_VALUES, options.size());
        }
    }

    /** A value of a facet: how it reads, how many records it gives, the link that chooses it. */
    record FacetOption(String label, long count, String link, boolean active) {}

    /** The view of {@code result} for the filters as the request gave them (by parameter name). */
    static BrowseView of(
            BrowsePage result,
            BrowseFilter filter,
            @Nullable Theme theme,
            @Nullable Person person,
            BrowseLinks links,
            RecordLabels labels,
            String undatedLabel,
            Locale locale) {
        Map<String, Function<FacetValue, String>> labelling = new LinkedHashMap<>();
        labelling.put("kind", v -> labels.kindOfCode(v.value()));
        labelling.put("year", v -> v.value().equals(BrowseFilter.UNDATED) ? undatedLabel : v.value());
        labelling.put("theme", v -> themeName(v, locale));
        labelling.put("person", v -> String.valueOf(v.name()));
        labelling.put("lang", v -> labels.language(v.value()));

        Map<String, @Nullable String> chosen = new LinkedHashMap<>();
        chosen.put("kind", filter.kind() == null ? null : filter.kind().code());
        chosen.put("year", filter.yearParameter());
        chosen.put("theme", filter.theme());
        chosen.put("person", filter.person());
        chosen.put("lang", filter.language());

        Map<String, @Nullable String> chosenLabels = new LinkedHashMap<>();
        chosenLabels.put("kind", filter.kind() == null ? null : labels.kind(filter.kind()));
        chosenLabels.put("year", filter.undated() ? undatedLabel : chosen.get("year"));
        chosenLabels.put("theme", theme == null ? null : theme.localizedName(locale));
        chosenLabels.put("person", person == null ? null : person.getName());
        chosenLabels.put("lang", filter.language() == null ? null : labels.language(filter.language()));

        Map<String, List<FacetValue>> values = new LinkedHashMap<>();
        values.put("kind", result.facets().kinds());
        values.put("year", result.facets().years());
        values.put("theme", result.facets().themes());
        values.put("person", result.facets().people());
        values.put("lang", result.facets().languages());

        List<ActiveFilter> active = new ArrayList<>();
        List<FacetGroup> groups = new ArrayList<>();
        values.forEach((parameter, facetValues) -> {
            String current = chosen.get(parameter);
            String currentLabel = chosenLabels.get(parameter);
            List<FacetOption> options = new ArrayList<>();
            boolean currentListed = false;
            for (FacetValue value : facetValues) {
                boolean isCurrent = value.value().equalsIgnoreCase(String.valueOf(current));
                currentListed |= isCurrent;
                options.add(new FacetOption(
                        labelling.get(parameter).apply(value),
                        value.count(),
                        isCurrent ? links.without(parameter) : links.with(parameter, value.value()),
                        isCurrent));
            }
            if (current != null && currentLabel != null) {
                active.add(new ActiveFilter(parameter, currentLabel, links.without(parameter)));
                if (!currentListed) {
                    options.add(0, new FacetOption(currentLabel, 0, links.without(parameter), true));
                }
            }
            groups.add(new FacetGroup(parameter, options));
        });
        return new BrowseView(result, active, groups, links);
    }

    private static String themeName(FacetValue value, Locale locale) {
        return "zh".equals(locale.getLanguage()) && value.nativeName() != null
                ? value.nativeName()
                : String.valueOf(value.name());
    }
}
