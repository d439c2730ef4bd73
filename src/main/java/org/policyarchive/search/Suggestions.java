package org.policyarchive.search;

import static org.policyarchive.search.SearchAnalysisConfigurer.PREFIX_QUERY;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.hibernate.search.mapper.orm.Search;
import org.jspecify.annotations.Nullable;
import org.policyarchive.person.Person;
import org.policyarchive.theme.Theme;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Suggestions while typing a person's or a theme's name: every word typed must begin a word of one name (the name,
 * the name in the original script, an alias; a theme's English or Chinese name).
 */
@Service
@Transactional(readOnly = true)
public class Suggestions {

    static final int MAX_QUERY_LENGTH = 100;
    static final int COUNT = 10;

    private final EntityManager entityManager;
    private final TextAnalysis analysis;

    Suggestions(EntityManager entityManager, TextAnalysis analysis) {
        this.entityManager = entityManager;
        this.analysis = analysis;
    }

    /** One suggestion: the slug to filter by, the name to show, and a second name or the alias that matched. */
    public record Suggestion(
            String value, String label, @Nullable String detail) {}

    public List<Suggestion> people(String query) {
        if (analysis.tokens(PREFIX_QUERY, query).isEmpty()) {
            return List.of();
        }
        List<Person> found = Search.session(entityManager)
                .search(Person.class)
                .where(f -> f.match()
                        .fields("name", "nativeName", "aliases")
                        .matching(query)
                        .minimumShouldMatchPercent(100))
                .fetchHits(COUNT);
        return found.stream()
                .map(p -> new Suggestion(p.getSlug(), p.getName(), detail(p, query)))
                .toList();
    }

    public List<Suggestion> themes(String query) {
        if (analysis.tokens(PREFIX_QUERY, query).isEmpty()) {
            return List.of();
        }
        List<Theme> found = Search.session(entityManager)
                .search(Theme.class)
                .where(f -> f.match().fields("name", "nameZh").matching(query).minimumShouldMatchPercent(100))
                .fetchHits(COUNT);
        return found.stream()
                .map(t -> new Suggestion(t.getSlug(), t.getName(), t.getNameZh()))
                .toList();
    }

    /** The alias that matched when the query names the person by one, else the name in the original script. */
    private static @Nullable String detail(Person person, String query) {
        String wanted = query.strip().toLowerCase(Locale.ROOT);
        return Stream.concat(Stream.ofNullable(person.getNativeName()), person.getAliases().stream())
                .filter(name -> name.toLowerCase(Locale.ROOT).contains(wanted))
                .findFirst()
                .orElse(person.getNativeName());
    }
}
