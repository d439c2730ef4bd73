package org.policyarchive.catalogue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.policyarchive.person.Person;
import org.policyarchive.person.PersonDirectory;
import org.policyarchive.record.Kinds;
import org.policyarchive.search.BrowseFilter;
import org.policyarchive.system.InvalidParameterException;
import org.policyarchive.theme.Theme;
import org.policyarchive.theme.ThemeVocabulary;

/**
 * A selection of {@code /records} read from its parameters, with the theme and person it names: what the page lists
 * and what its feed ({@code /records/feed.atom}) follows.
 */
public record BrowseSelection(
        BrowseFilter filter,
        @Nullable Theme theme,
        @Nullable Person person) {

    /**
     * The selection that the parameters ask for.
     *
     * @throws InvalidParameterException (a 400 page) naming a malformed parameter, or a theme or person that does not
     *     exist
     */
    public static BrowseSelection read(
            @Nullable String kind,
            @Nullable String year,
            @Nullable String theme,
            @Nullable String person,
            @Nullable String lang,
            Kinds kinds,
            ThemeVocabulary themes,
            PersonDirectory people) {
        String themeSlug = BrowseParameters.slug(theme);
        String personSlug = BrowseParameters.slug(person);
        Theme chosenTheme = themeSlug == null
                ? null
                : themes.findBySlug(themeSlug)
                        .orElseThrow(() -> new InvalidParameterException("theme", themeSlug, "error.parameter.theme"));
        Person chosenPerson = personSlug == null
                ? null
                : people.findBySlug(personSlug)
                        .orElseThrow(
                                () -> new InvalidParameterException("person", personSlug, "error.parameter.person"));
        BrowseFilter filter = new BrowseFilter(
                BrowseParameters.kind(kind, kinds),
                BrowseParameters.year(year),
                BrowseParameters.undated(year),
                themeSlug,
                personSlug,
                BrowseParameters.language(lang));
        return new BrowseSelection(filter, chosenTheme, chosenPerson);
    }

    /** The parameters as the page's links write them, in a stable order; null for those not set. */
    public Map<String, @Nullable String> parameters() {
        Map<String, @Nullable String> parameters = new LinkedHashMap<>();
        parameters.put("kind", filter.kind() == null ? null : filter.kind().code());
        parameters.put("year", filter.yearParameter());
        parameters.put("theme", filter.theme());
        parameters.put("person", filter.person());
        parameters.put("lang", filter.language());
        return parameters;
    }
}
