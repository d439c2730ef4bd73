package org.policyarchive.search;

import static org.policyarchive.search.RecordFields.LANGUAGE;
import static org.policyarchive.search.RecordFields.PERSON;
import static org.policyarchive.search.RecordFields.ROLE;
import static org.policyarchive.search.RecordFields.THEME;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.jspecify.annotations.Nullable;
import org.policyarchive.person.PersonDirectory;
import org.policyarchive.record.Kinds;
import org.policyarchive.record.ListedRecord;
import org.policyarchive.record.ListedRecord.Piece;
import org.policyarchive.record.RecordCatalog;
import org.policyarchive.record.RecordKind;
import org.policyarchive.record.RecordListing;
import org.policyarchive.search.QueryParser.ParsedQuery;
import org.policyarchive.search.SearchResults.FacetValue;
import org.policyarchive.search.SearchResults.Facets;
import org.policyarchive.search.SearchResults.Timing;
import org.policyarchive.system.InputRejectedException;
import org.policyarchive.system.Label;
import org.policyarchive.theme.ThemeVocabulary;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
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

    private final RecordIndex index;
    private final RecordCatalog catalog;
    private final PersonDirectory people;
    private final ThemeVocabulary themes;
    private final Kinds kinds;

    RecordSearch(
            RecordIndex index, RecordCatalog catalog, PersonDirectory people, ThemeVocabulary themes, Kinds kinds) {
        this.index = index;
        this.catalog = catalog;
        this.people = people;
        this.themes = themes;
        this.kinds = kinds;
    }

    /**
     * One page of the published records that match, with facet counts over all of them.
     *
     * @throws InvalidSearchException when the query cannot be read or has nothing to search for
     */
    public SearchResults search(SearchCriteria criteria) {
        if (criteria.page() < 1 || criteria.page() > MAX_PAGE) {
            throw new InvalidSearchException("search.error.page", MAX_PAGE);
        }
        ParsedQuery parsed = LuceneRecordQuery.searchable(QueryParser.parse(criteria.query()));
        long start = System.nanoTime();
        long startCpu = threadCpuNanos();
        Query query = LuceneRecordQuery.of(criteria, parsed);
        Sort sort = LuceneRecordQuery.sort(criteria.sort(), parsed);
        // one reader for the search and the highlighting, which reads the hits' word offsets by document number
        return index.read(reader -> {
            LuceneSearch.Found found =
                    LuceneSearch.search(reader, query, sort, (criteria.page() - 1) * PAGE_SIZE, PAGE_SIZE);
            long searched = System.nanoTime();
            long searchedCpu = threadCpuNanos();
            List<RecordListing> records = catalog.findListingsWithText(found.ids());
            Facets facets = facets(found.counts());
            long loaded = System.nanoTime();
            Query highlight = LuceneRecordQuery.highlight(parsed);
            Map<Long, Highlights.Marked> marked = highlight == null
                    ? Map.of()
                    : Highlights.mark(reader, highlight, records, docs(found.page(), records));
            List<ListedRecord> hits = records.stream()
                    .map(record -> hit(record, marked.get(record.id())))
                    .toList();
            long highlighted = System.nanoTime();
            return new SearchResults(
                    criteria,
                    found.counts().total(),
                    PAGE_SIZE,
                    hits,
                    facets,
                    new Timing(
                            millis(searched - start),
                            millis(searchedCpu - startCpu),
                            millis(loaded - searched),
                            millis(highlighted - loaded)));
        });
    }

    /**
     * The ids of the newest {@code count} published records that match, by their last change, newest first: what a
     * feed of a search (or of a person, a theme, a kind) lists. The criteria's sort and page are not read.
     *
     * @throws InvalidSearchException when the query cannot be read or has nothing to search for
     */
    public List<Long> latestChanges(SearchCriteria criteria, int count) {
        ParsedQuery parsed = LuceneRecordQuery.searchable(QueryParser.parse(criteria.query()));
        Query query = LuceneRecordQuery.of(criteria, parsed);
        return index.read(reader -> LuceneSearch.search(reader, query, LuceneRecordQuery.latestChangesFirst(), 0, count)
                .ids());
    }

    /**
     * The search that the search page's parameters ask for, for a feed of it.
     *
     * @throws InputRejectedException (400, with the search page's message) when a parameter is malformed or names
     *     nothing that exists, or the query cannot be read or has nothing to search for
     */
    public SearchCriteria criteria(SearchForm form) {
        try {
            SearchCriteria criteria = form.resolve(people, themes, kinds);
            LuceneRecordQuery.searchable(QueryParser.parse(criteria.query()));
            return criteria;
        } catch (InvalidSearchException e) {
            throw new InputRejectedException(HttpStatus.BAD_REQUEST, "/search", e.messageCode(), e.arguments());
        }
    }

    /** The document number of each record found, in the order of {@code records} (a record deleted since is not). */
    private static List<Integer> docs(LuceneSearch.Page page, List<RecordListing> records) {
        Map<Long, Integer> byId = new HashMap<>();
        for (int i = 0; i < page.ids().size(); i++) {
            byId.put(page.ids().get(i), page.docs().get(i));
        }
        return records.stream().map(record -> byId.get(record.id())).toList();
    }

    /**
     * The search that a search form asks for: its people and themes are looked up in the same read-only transaction
     * as the search, which saves a search by person and theme two round trips to PostgreSQL.
     *
     * @throws InvalidSearchException when a parameter is malformed or names nothing that exists, or the query cannot
     *     be read or has nothing to search for
     */
    public SearchResults search(SearchForm form) {
        return search(form.resolve(people, themes, kinds));
    }

    private static long threadCpuNanos() {
        return CPU_CLOCK ? THREAD_CPU.getCurrentThreadCpuTime() : 0;
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static ListedRecord hit(RecordListing record, Highlights.@Nullable Marked marked) {
        String title = marked == null ? null : marked.title();
        return new ListedRecord(
                record,
                title == null ? List.of(new Piece(record.title(), false)) : pieces(title),
                snippet(record, marked));
    }

    /** The summary's best sentence if the query matched there, else the body's, else the start of either. */
    private static List<Piece> snippet(RecordListing record, Highlights.@Nullable Marked marked) {
        String summary = record.summary() == null || record.summary().isBlank() ? null : record.summary();
        String sentence = marked == null ? null : marked.summary() != null ? marked.summary() : marked.body();
        if (sentence != null) {
            return pieces(trim(sentence));
        }
        String start = summary == null ? body(record) : summary;
        return pieces(trim(start.substring(0, Math.min(start.length(), 2 * SNIPPET_LENGTH))));
    }

    private static String body(RecordListing record) {
        return record.body() == null ? "" : record.body();
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
    static List<Piece> pieces(String fragment) {
        List<Piece> segments = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        boolean highlighted = false;
        for (int i = 0; i < fragment.length(); i++) {
            char c = fragment.charAt(i);
            if (c == MARK_START || c == MARK_END) {
                if (!text.isEmpty()) {
                    segments.add(new Piece(text.toString(), highlighted));
                    text.setLength(0);
                }
                highlighted = c == MARK_START;
            } else {
                text.append(c);
            }
        }
        if (!text.isEmpty()) {
            segments.add(new Piece(text.toString(), highlighted));
        }
        return segments;
    }

    /** The facets with the names of their people and themes. */
    private Facets facets(FacetCounter.Counts counts) {
        Map<String, Long> peopleCounts = counts.top(PERSON, MAX_PEOPLE);
        Map<String, Long> themeCounts = counts.top(THEME, MAX_THEMES);
        Map<Long, Label> persons = people.labels(ids(peopleCounts.keySet()));
        Map<Long, Label> topics = themes.labels(ids(themeCounts.keySet()), LocaleContextHolder.getLocale());
        return new Facets(
                values(counts.kinds(MAX_KINDS), RecordKind::code, kinds::label),
                values(counts.top(LANGUAGE, MAX_LANGUAGES), Function.identity(), Function.identity()),
                values(
                        filterKnown(peopleCounts, persons),
                        id -> persons.get(Long.valueOf(id)).slug(),
                        id -> persons.get(Long.valueOf(id)).name()),
                values(counts.top(ROLE, MAX_ROLES), Function.identity(), Function.identity()),
                values(
                        filterKnown(themeCounts, topics),
                        id -> topics.get(Long.valueOf(id)).slug(),
                        id -> topics.get(Long.valueOf(id)).name()),
                values(counts.decades(MAX_DECADES), String::valueOf, String::valueOf),
                values(counts.years(MAX_YEARS), String::valueOf, String::valueOf),
                counts.undated());
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
