package org.policyarchive.search;

import static org.policyarchive.search.RecordFields.*;

import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.backend.lucene.scope.LuceneIndexScope;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.common.ValueModel;
import org.hibernate.search.engine.search.predicate.SearchPredicate;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.engine.search.query.dsl.SearchQueryOptionsStep;
import org.hibernate.search.engine.search.sort.SearchSort;
import org.hibernate.search.engine.search.sort.dsl.SearchSortFactory;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.scope.SearchScope;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.jspecify.annotations.Nullable;
import org.policyarchive.person.PersonDirectory;
import org.policyarchive.record.Record;
import org.policyarchive.record.RecordCatalog;
import org.policyarchive.record.RecordKind;
import org.policyarchive.record.RecordListing;
import org.policyarchive.record.RecordStatus;
import org.policyarchive.search.QueryParser.ParsedQuery;
import org.policyarchive.search.QueryParser.Term;
import org.policyarchive.search.SearchResults.FacetValue;
import org.policyarchive.search.SearchResults.Facets;
import org.policyarchive.search.SearchResults.Hit;
import org.policyarchive.search.SearchResults.Named;
import org.policyarchive.search.SearchResults.Segment;
import org.policyarchive.search.SearchResults.Timing;
import org.policyarchive.system.Label;
import org.policyarchive.theme.ThemeVocabulary;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The search module's facade: full-text search over published records, with filters, facets and highlighting. */
@Service
@Transactional(readOnly = true)
public class RecordSearch {

    static final int PAGE_SIZE = 10;
    static final int MAX_PAGE = 1000;

    static final char MARK_START = '\uE000';
    static final char MARK_END = '\uE001';
    private static final int SNIPPET_LENGTH = 240;

    private static final AggregationKey<Map<RecordKind, Long>> KINDS = AggregationKey.of("kinds");
    private static final AggregationKey<Map<String, Long>> LANGUAGES = AggregationKey.of("languages");
    private static final AggregationKey<Map<String, Long>> PEOPLE_IDS = AggregationKey.of("people");
    private static final AggregationKey<Map<String, Long>> ROLES = AggregationKey.of("roles");
    private static final AggregationKey<Map<String, Long>> THEME_IDS = AggregationKey.of("themes");
    private static final AggregationKey<Map<Integer, Long>> DECADES = AggregationKey.of("decades");
    private static final AggregationKey<Map<Integer, Long>> YEARS = AggregationKey.of("years");

    /**
     * The index part's CPU time, beside its wall time: under load its wall time also counts the time its thread waits
     * for a core, which says nothing about the search itself. Reading the clock is a system call: about 2 µs here,
     * twice a search. A JVM without a thread CPU clock would throw: its searches report 0.
     */
    private static final ThreadMXBean THREAD_CPU = ManagementFactory.getThreadMXBean();

    private static final boolean CPU_CLOCK = THREAD_CPU.isCurrentThreadCpuTimeSupported();

    private static final int MAX_KINDS = 30;
    private static final int MAX_LANGUAGES = 10;
    private static final int MAX_PEOPLE = 15;
    private static final int MAX_ROLES = 10;
    private static final int MAX_THEMES = 20;
    private static final int MAX_DECADES = 40;
    private static final int MAX_YEARS = 20;

    private final EntityManager entityManager;
    private final RecordCatalog catalog;
    private final TextAnalysis analysis;
    private final PersonDirectory people;
    private final ThemeVocabulary themes;

    /** Whether the index is the embedded Lucene one, which the search page reads directly for its facets. */
    private final boolean embeddedLucene;

    /**
     * The record index on the embedded Lucene backend, made on the first search and kept: making it on each search
     * through the request's search session was 3% of a rare word's index part.
     */
    private volatile @Nullable LuceneIndexScope luceneScope;

    RecordSearch(
            EntityManager entityManager,
            RecordCatalog catalog,
            TextAnalysis analysis,
            PersonDirectory people,
            ThemeVocabulary themes,
            @Value("${spring.jpa.properties.hibernate.search.backend.type:lucene}") String backend) {
        this.entityManager = entityManager;
        this.catalog = catalog;
        this.embeddedLucene = "lucene".equals(backend);
        this.analysis = analysis;
        this.people = people;
        this.themes = themes;
    }

    /**
     * One page of the published records that match, with facet counts over all of them.
     *
     * @throws InvalidSearchException when the query cannot be read or has nothing to search for
     */
    public SearchResults search(SearchCriteria criteria) {
        return embeddedLucene ? run(criteria, this::fromLuceneIndex) : searchWithAggregations(criteria);
    }

    /**
     * The search that a search form asks for: its people and themes are looked up in the same read-only transaction
     * as the search, which saves a search by person and theme two round trips to PostgreSQL.
     *
     * @throws InvalidSearchException when a parameter is malformed or names nothing that exists, or the query cannot
     *     be read or has nothing to search for
     */
    SearchResults search(SearchForm form) {
        return search(form.resolve(people, themes));
    }

    /**
     * The search as the backend-neutral predicate with Hibernate Search's aggregations for the facets: what other
     * backends than the embedded Lucene one run, and what tests compare {@link LuceneRecordQuery} with.
     */
    SearchResults searchWithAggregations(SearchCriteria criteria) {
        return run(criteria, this::fromAggregations);
    }

    /** What the index found: the total, the ids of the page's records in order, and the facet counts by key. */
    private record Found(
            long total,
            List<Long> ids,
            Map<RecordKind, Long> kinds,
            Map<String, Long> languages,
            Map<String, Long> people,
            Map<String, Long> roles,
            Map<String, Long> themes,
            Map<Integer, Long> decades,
            Map<Integer, Long> years) {}

    /** Asks the index, then loads the page's records and the facets' names from PostgreSQL, then highlights. */
    private SearchResults run(SearchCriteria criteria, BiFunction<SearchCriteria, ParsedQuery, Found> index) {
        if (criteria.page() < 1 || criteria.page() > MAX_PAGE) {
            throw new InvalidSearchException("search.error.page", MAX_PAGE);
        }
        ParsedQuery parsed = QueryParser.parse(criteria.query());
        long start = System.nanoTime();
        long startCpu = threadCpuNanos();
        Found found = index.apply(criteria, parsed);
        long searched = System.nanoTime();
        long searchedCpu = threadCpuNanos();
        List<RecordListing> records = catalog.findListingsWithText(found.ids());
        Facets facets = facets(found);
        long loaded = System.nanoTime();
        Query highlight = LuceneRecordQuery.highlight(parsed);
        List<Hit> hits = records.stream().map(record -> hit(record, highlight)).toList();
        long highlighted = System.nanoTime();
        return new SearchResults(
                criteria,
                found.total(),
                PAGE_SIZE,
                hits,
                facets,
                new Timing(
                        millis(searched - start),
                        millis(searchedCpu - startCpu),
                        millis(loaded - searched),
                        millis(highlighted - loaded)));
    }

    private static long threadCpuNanos() {
        return CPU_CLOCK ? THREAD_CPU.getCurrentThreadCpuTime() : 0;
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    /** The search on the embedded Lucene index: see docs/search.md, "How a search runs". */
    private Found fromLuceneIndex(SearchCriteria criteria, ParsedQuery parsed) {
        Query query = LuceneRecordQuery.of(criteria, parsed);
        Sort sort = LuceneRecordQuery.sort(criteria.sort(), parsed);
        LuceneSearch.Found found;
        try (IndexReader reader = luceneScope().openIndexReader()) {
            found = LuceneSearch.search(reader, query, sort, (criteria.page() - 1) * PAGE_SIZE, PAGE_SIZE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FacetCounter.Counts counts = found.counts();
        return new Found(
                counts.total(),
                found.ids(),
                counts.kinds(MAX_KINDS),
                counts.top(LANGUAGE, MAX_LANGUAGES),
                counts.top(PERSON, MAX_PEOPLE),
                counts.top(ROLE, MAX_ROLES),
                counts.top(THEME, MAX_THEMES),
                counts.decades(MAX_DECADES),
                counts.years(MAX_YEARS));
    }

    private LuceneIndexScope luceneScope() {
        LuceneIndexScope scope = luceneScope;
        if (scope == null) {
            scope = Search.mapping(entityManager.getEntityManagerFactory())
                    .scope(Record.class)
                    .extension(LuceneExtension.get());
            luceneScope = scope;
        }
        return scope;
    }

    private Found fromAggregations(SearchCriteria criteria, ParsedQuery parsed) {
        SearchSession session = Search.session(entityManager);
        SearchScope<Record> scope = session.scope(Record.class);
        // the ids of the page's records: the records themselves come from PostgreSQL with their people and themes
        var ids = session.search(scope)
                .select(f -> f.id(Long.class))
                .where(predicate(scope.predicate(), parsed, criteria))
                .sort(sort(scope.sort(), criteria.sort()));
        SearchResult<Long> result = withAggregations(scope, ids).fetch((criteria.page() - 1) * PAGE_SIZE, PAGE_SIZE);
        return new Found(
                result.total().hitCount(),
                result.hits(),
                result.aggregation(KINDS),
                result.aggregation(LANGUAGES),
                result.aggregation(PEOPLE_IDS),
                result.aggregation(ROLES),
                result.aggregation(THEME_IDS),
                result.aggregation(DECADES),
                result.aggregation(YEARS));
    }

    private static SearchQueryOptionsStep<?, ?, Long, ?, ?, ?> withAggregations(
            SearchScope<Record> scope, SearchQueryOptionsStep<?, ?, Long, ?, ?, ?> query) {
        var f = scope.aggregation();
        return query.aggregation(
                        KINDS,
                        f.terms()
                                .field(KIND, RecordKind.class)
                                .maxTermCount(MAX_KINDS)
                                .toAggregation())
                .aggregation(
                        LANGUAGES,
                        f.terms()
                                .field(LANGUAGE, String.class)
                                .maxTermCount(MAX_LANGUAGES)
                                .toAggregation())
                .aggregation(
                        PEOPLE_IDS,
                        f.terms()
                                .field(PERSON, String.class)
                                .maxTermCount(MAX_PEOPLE)
                                .toAggregation())
                .aggregation(
                        ROLES,
                        f.terms()
                                .field(ROLE, String.class)
                                .maxTermCount(MAX_ROLES)
                                .toAggregation())
                .aggregation(
                        THEME_IDS,
                        f.terms()
                                .field(THEME, String.class)
                                .maxTermCount(MAX_THEMES)
                                .toAggregation())
                .aggregation(
                        DECADES,
                        f.terms()
                                .field(DECADE, Integer.class, ValueModel.INDEX)
                                .orderByTermDescending()
                                .maxTermCount(MAX_DECADES)
                                .toAggregation())
                .aggregation(
                        YEARS,
                        f.terms()
                                .field(YEAR, Integer.class, ValueModel.INDEX)
                                .orderByTermDescending()
                                .maxTermCount(MAX_YEARS)
                                .toAggregation());
    }

    /** The number of published records that match, without facets or hits. */
    public long count(SearchCriteria criteria) {
        SearchSession session = Search.session(entityManager);
        SearchScope<Record> scope = session.scope(Record.class);
        return session.search(scope)
                .where(predicate(scope.predicate(), QueryParser.parse(criteria.query()), criteria))
                .fetchTotalHitCount();
    }

    private SearchPredicate predicate(SearchPredicateFactory f, ParsedQuery parsed, SearchCriteria criteria) {
        BooleanPredicateClausesStep<?, ?> bool = f.bool();
        bool.filter(f.match().field(STATUS).matching(RecordStatus.PUBLISHED));
        QueryParser.Clauses<SearchPredicate> clauses = parsed.clauses(term -> termPredicate(f, term));
        for (List<SearchPredicate> group : clauses.required()) {
            if (group.size() == 1) {
                bool.must(group.get(0));
            } else {
                var or = f.bool();
                group.forEach(or::should);
                bool.must(or);
            }
        }
        clauses.excluded().forEach(bool::mustNot);
        if (clauses.required().isEmpty()) {
            bool.must(f.matchAll());
        }
        addFilters(f, bool, criteria);
        return bool.toPredicate();
    }

    private static void addFilters(SearchPredicateFactory f, BooleanPredicateClausesStep<?, ?> bool, SearchCriteria c) {
        if (c.person() != null) {
            bool.filter(
                    c.role() == null
                            ? f.match()
                                    .field(PERSON)
                                    .matching(String.valueOf(c.person().getId()))
                            : f.match()
                                    .field(PERSON_ROLE)
                                    .matching(personRole(
                                            c.person().getId(), c.role().code())));
        } else if (c.role() != null) {
            bool.filter(f.match().field(ROLE).matching(c.role().code()));
        }
        if (c.theme() != null) {
            bool.filter(f.match().field(THEME).matching(String.valueOf(c.theme().getId())));
        }
        if (c.kind() != null) {
            bool.filter(f.match().field(KIND).matching(c.kind()));
        }
        if (c.language() != null) {
            bool.filter(f.match().field(LANGUAGE).matching(c.language()));
        }
        if (c.from() != null || c.to() != null) {
            bool.filter(f.range().field(DATE).between(c.from(), c.to()));
        }
    }

    /**
     * The predicate for one word or phrase, or null when it has nothing searchable (punctuation, a stop word). A
     * phrase, or a word with several tokens (Chinese text, a hyphenated word), must match as a sequence: quoted
     * phrases in the unstemmed fields, words in the stemmed ones (where Chinese is in bigrams). A single Han
     * character is looked up in the unstemmed fields, which keep Han characters one by one.
     */
    private @Nullable SearchPredicate termPredicate(SearchPredicateFactory f, Term term) {
        boolean exact = isExact(term);
        List<String> tokens =
                analysis.tokens(exact ? SearchAnalysisConfigurer.EXACT : SearchAnalysisConfigurer.TEXT, term.text());
        if (tokens.isEmpty()) {
            return null;
        }
        Function<String, String> field = exact ? RecordFields::exact : Function.identity();
        List<Map.Entry<String, Float>> fields = WORD_FIELDS.entrySet().stream().toList();
        if (tokens.size() == 1 && !term.phrase()) {
            var match = f.match()
                    .field(field.apply(fields.get(0).getKey()))
                    .boost(fields.get(0).getValue());
            for (Map.Entry<String, Float> e : fields.subList(1, fields.size())) {
                match = match.field(field.apply(e.getKey())).boost(e.getValue());
            }
            return match.matching(term.text()).toPredicate();
        }
        var phrase = f.phrase()
                .field(field.apply(fields.get(0).getKey()))
                .boost(fields.get(0).getValue());
        for (Map.Entry<String, Float> e : fields.subList(1, fields.size())) {
            phrase = phrase.field(field.apply(e.getKey())).boost(e.getValue());
        }
        return phrase.matching(term.text()).toPredicate();
    }

    /** Whether a term is looked up unstemmed: a quoted phrase, or a single Han character (bigrams have none). */
    static boolean isExact(Term term) {
        return term.phrase()
                || (TextAnalysis.hasHan(term.text()) && term.text().strip().length() == 1);
    }

    private static SearchSort sort(SearchSortFactory f, org.policyarchive.search.SearchSort sort) {
        return switch (sort) {
            case RELEVANCE ->
                f.score().then().field(DATE).desc().missing().last().toSort();
            case NEWEST -> f.field(DATE).desc().missing().last().then().score().toSort();
            case OLDEST -> f.field(DATE).asc().missing().last().then().score().toSort();
        };
    }

    private static Hit hit(RecordListing record, @Nullable Query highlight) {
        List<Named> persons = record.people().stream()
                .map(p -> new Named(p.slug(), p.name(), p.role().code()))
                .toList();
        List<Named> topics = record.themes().stream()
                .map(t -> new Named(t.slug(), t.name(), t.nameZh()))
                .toList();
        String title = highlight == null ? null : Highlights.whole(highlight, TITLE, record.title());
        return new Hit(
                record.slug(),
                title == null ? List.of(new Segment(record.title(), false)) : segments(title),
                record.date(),
                record.datePrecision(),
                record.kind(),
                record.language(),
                persons,
                topics,
                snippet(record, highlight));
    }

    /** The summary's best sentence if the query matched there, else the body's, else the start of either. */
    private static List<Segment> snippet(RecordListing record, @Nullable Query highlight) {
        String summary = record.summary() == null || record.summary().isBlank() ? null : record.summary();
        String marked = null;
        if (highlight != null) {
            marked = summary == null ? null : Highlights.sentence(highlight, SUMMARY, summary);
            if (marked == null) {
                marked = Highlights.sentence(highlight, BODY, record.body());
            }
        }
        if (marked != null) {
            return segments(trim(marked));
        }
        String start = summary == null ? record.body() : summary;
        return segments(trim(start.substring(0, Math.min(start.length(), 2 * SNIPPET_LENGTH))));
    }

    /** About {@value #SNIPPET_LENGTH} characters around the first match, cut at spaces where there are some. */
    private static String trim(String fragment) {
        if (fragment.length() <= SNIPPET_LENGTH) {
            return fragment;
        }
        int first = Math.max(0, fragment.indexOf(MARK_START));
        int start = Math.max(0, first - SNIPPET_LENGTH / 3);
        int end = Math.min(fragment.length(), start + SNIPPET_LENGTH);
        int space = fragment.indexOf(' ', start);
        if (start > 0 && space > start && space < first) {
            start = space + 1;
        }
        int lastSpace = fragment.lastIndexOf(' ', end);
        if (end < fragment.length() && lastSpace > first + 20) {
            end = lastSpace;
        }
        String cut = fragment.substring(start, end);
        // A cut must not leave a mark open: close it, or drop a dangling close.
        if (cut.lastIndexOf(MARK_START) > cut.lastIndexOf(MARK_END)) {
            cut = cut + MARK_END;
        }
        return (start > 0 ? "… " : "") + cut + (end < fragment.length() ? " …" : "");
    }

    /** Splits a highlighted fragment at the highlighter's marks, so that templates escape every piece of text. */
    static List<Segment> segments(String fragment) {
        List<Segment> segments = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        boolean highlighted = false;
        for (int i = 0; i < fragment.length(); i++) {
            char c = fragment.charAt(i);
            if (c == MARK_START || c == MARK_END) {
                if (!text.isEmpty()) {
                    segments.add(new Segment(text.toString(), highlighted));
                    text.setLength(0);
                }
                highlighted = c == MARK_START;
            } else {
                text.append(c);
            }
        }
        if (!text.isEmpty()) {
            segments.add(new Segment(text.toString(), highlighted));
        }
        return segments;
    }

    /** The facets with the names of their people and themes. */
    private Facets facets(Found found) {
        Map<Long, Label> persons = people.labels(ids(found.people().keySet()));
        Map<Long, Label> topics = themes.labels(ids(found.themes().keySet()));
        return new Facets(
                values(found.kinds(), k -> k.name().toLowerCase().replace('_', '-'), RecordKind::label),
                values(found.languages(), Function.identity(), Function.identity()),
                values(
                        filterKnown(found.people(), persons),
                        id -> persons.get(Long.valueOf(id)).slug(),
                        id -> persons.get(Long.valueOf(id)).name()),
                values(found.roles(), Function.identity(), Function.identity()),
                values(
                        filterKnown(found.themes(), topics),
                        id -> topics.get(Long.valueOf(id)).slug(),
                        id -> topics.get(Long.valueOf(id)).name()),
                values(found.decades(), String::valueOf, String::valueOf),
                values(found.years(), String::valueOf, String::valueOf));
    }

    private static List<Long> ids(Collection<String> values) {
        return values.stream().map(Long::valueOf).toList();
    }

    private static Map<String, Long> filterKnown(Map<String, Long> counts, Map<Long, ?> known) {
        Map<String, Long> filtered = new LinkedHashMap<>();
        counts.forEach((id, count) -> {
            if (known.containsKey(Long.valueOf(id))) {
                filtered.put(id, count);
            }
        });
        return filtered;
    }

    private static <K> List<FacetValue> values(
            Map<K, Long> counts, Function<K, String> value, Function<K, String> label) {
        return counts.entrySet().stream()
                .map(e -> new FacetValue(value.apply(e.getKey()), label.apply(e.getKey()), e.getValue()))
                .toList();
    }
}
