package org.policyarchive.search;

import static org.policyarchive.search.RecordFields.LANGUAGE;
import static org.policyarchive.search.RecordFields.PERSON;
import static org.policyarchive.search.RecordFields.THEME;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.policyarchive.person.Person;
import org.policyarchive.person.PersonDirectory;
import org.policyarchive.record.ListedRecord;
import org.policyarchive.record.RecordCatalog;
import org.policyarchive.record.Role;
import org.policyarchive.search.BrowsePage.FacetValue;
import org.policyarchive.search.QueryParser.ParsedQuery;
import org.policyarchive.system.Label;
import org.policyarchive.theme.Theme;
import org.policyarchive.theme.ThemeVocabulary;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Browsing the published records by kind, year, theme, person and language, in a {@link SearchSort#LIST_ORDERS list
 * order} (newest first unless asked otherwise; {@link RecordOrder} says how dates order), with the count of every
 * value of each of those filters: read from the search index like a search without words, since counting them in
 * PostgreSQL took seconds a page at a million records. Each filter's values are counted over the records that match
 * the other filters, so that choosing another value of the same filter shows what it gives: one count over the index
 * for the page and the filters not in use, and one more for each filter in use.
 */
@Service
@Transactional(readOnly = true)
public class RecordBrowser {

    /** How many records a page holds. */
    public static final int PAGE_SIZE = 20;

    /** The deepest page: past it, narrowing the filters finds a record sooner than paging. */
    public static final int MAX_PAGE = 1000;

    /**
     * The most values a facet of people, themes or languages lists, the most frequent first; the page links to the
     * full lists of people and themes. Each value is a link, and a hundred of them made the largest part of the page.
     */
    public static final int MAX_NAMED_VALUES = 25;

    private static final ParsedQuery NO_WORDS = QueryParser.parse("");

    private final RecordIndex index;
    private final RecordCatalog catalog;
    private final PersonDirectory people;
    private final ThemeVocabulary themes;

    /** More than the kinds there are: the browse page lists every kind that has records. */
    private static final int ALL_KINDS = 1_000;

    RecordBrowser(RecordIndex index, RecordCatalog catalog, PersonDirectory people, ThemeVocabulary themes) {
        this.index = index;
        this.catalog = catalog;
        this.people = people;
        this.themes = themes;
    }

    /**
     * Page {@code page} (from 1 to {@link #MAX_PAGE}) of the published records that {@code filter} chooses, in the
     * order {@code sort}, with the facet counts. A theme or person that does not exist chooses nothing.
     */
    public BrowsePage browse(BrowseFilter filter, SearchSort sort, int page) {
        Theme theme = filter.theme() == null
                ? null
                : themes.findBySlug(filter.theme()).orElse(null);
        Person person = filter.person() == null
                ? null
                : people.findBySlug(filter.person()).orElse(null);
        if ((filter.theme() != null && theme == null) || (filter.person() != null && person == null)) {
            return new BrowsePage(List.of(), page, PAGE_SIZE, 0, BrowsePage.Facets.NONE);
        }
        LocalDate from = filter.year() == null ? null : LocalDate.of(filter.year(), 1, 1);
        LocalDate to = filter.year() == null ? null : LocalDate.of(filter.year(), 12, 31);
        SearchCriteria all = new SearchCriteria(
                "", person, null, theme, filter.kind(), filter.language(), from, to, filter.undated(), sort, page);
        Sort order = LuceneRecordQuery.sort(sort, NO_WORDS);
        boolean dateChosen = filter.year() != null || filter.undated();
        Counted counted = index.read(reader -> {
            LuceneSearch.Found found =
                    LuceneSearch.search(reader, query(all), order, (page - 1) * PAGE_SIZE, PAGE_SIZE);
            FacetCounter.Counts counts = found.counts();
            return new Counted(
                    found.ids(),
                    counts.total(),
                    filter.kind() == null ? counts : LuceneSearch.count(reader, query(all.withKind(null))),
                    dateChosen
                            ? LuceneSearch.count(
                                    reader, query(all.withDates(null, null).withUndated(false)))
                            : counts,
                    theme == null ? counts : LuceneSearch.count(reader, query(all.withTheme(null))),
                    person == null ? counts : LuceneSearch.count(reader, query(all.withPerson(null, null))),
                    filter.language() == null ? counts : LuceneSearch.count(reader, query(all.withLanguage(null))));
        });
        return new BrowsePage(
                ListedRecord.of(catalog.findListings(counted.ids())),
                page,
                PAGE_SIZE,
                counted.total(),
                new BrowsePage.Facets(
                        kinds(counted.byKind()),
                        years(counted.byYear()),
                        themes(counted.byTheme()),
                        people(counted.byPerson()),
                        languages(counted.byLanguage())));
    }

    /** What one browse page counted: the page's ids, and each filter's counts over the records of the others. */
    private record Counted(
            List<Long> ids,
            long total,
            FacetCounter.Counts byKind,
            FacetCounter.Counts byYear,
            FacetCounter.Counts byTheme,
            FacetCounter.Counts byPerson,
            FacetCounter.Counts byLanguage) {}

    /** The newest {@code count} published records, as {@link RecordOrder} orders dates. */
    public List<ListedRecord> newest(int count) {
        Query everything = query(SearchCriteria.everything());
        Sort newest = LuceneRecordQuery.sort(SearchSort.NEWEST, NO_WORDS);
        List<Long> ids = index.read(reader ->
                LuceneSearch.search(reader, everything, newest, 0, count).ids());
        return ListedRecord.of(catalog.findListings(ids));
    }

    /**
     * Page {@code page} (from 1 to {@link #MAX_PAGE}) of the published records naming {@code person} in {@code role},
     * in the order {@code sort}, without facets.
     */
    public BrowsePage browse(Person person, Role role, SearchSort sort, int page) {
        SearchCriteria criteria =
                SearchCriteria.everything().withPerson(person, role).withSort(sort);
        Sort order = LuceneRecordQuery.sort(sort, NO_WORDS);
        LuceneSearch.Found found = index.read(
                reader -> LuceneSearch.search(reader, query(criteria), order, (page - 1) * PAGE_SIZE, PAGE_SIZE));
        return new BrowsePage(
                ListedRecord.of(catalog.findListings(found.ids())),
                page,
                PAGE_SIZE,
                found.counts().total(),
                BrowsePage.Facets.NONE);
    }

    /** How many published records name {@code person} in each role, for the roles that have any, in their order. */
    public Map<Role, Long> countRoles(Person person) {
        return index.read(reader -> {
            IndexSearcher searcher = new IndexSearcher(reader);
            Map<Role, Long> counts = new EnumMap<>(Role.class);
            for (Role role : Role.values()) {
                int count = searcher.count(query(SearchCriteria.everything().withPerson(person, role)));
                if (count > 0) {
                    counts.put(role, (long) count);
                }
            }
            return counts;
        });
    }

    /**
     * How many published records there are, and how many name each person and carry each theme (a broader theme
     * counting its narrower themes' records, each once), by id.
     */
    public PublishedCounts countPublished() {
        FacetCounter.Counts counts = index.read(FacetCounter::countEverything);
        return new PublishedCounts(
                counts.total(), ids(counts.top(PERSON, Integer.MAX_VALUE)), ids(counts.top(THEME, Integer.MAX_VALUE)));
    }

    /** See {@link #countPublished()}. */
    public record PublishedCounts(long records, Map<Long, Long> byPerson, Map<Long, Long> byTheme) {}

    private static Query query(SearchCriteria criteria) {
        return LuceneRecordQuery.of(criteria, NO_WORDS);
    }

    private static List<FacetValue> kinds(FacetCounter.Counts counts) {
        return counts.kinds(ALL_KINDS).entrySet().stream()
                .map(e -> new FacetValue(e.getKey().code(), null, null, e.getValue()))
                .sorted(mostFirst(FacetValue::value))
                .toList();
    }

    /** The years, newest first, then the records without a date as {@link BrowseFilter#UNDATED} if there are any. */
    private static List<FacetValue> years(FacetCounter.Counts counts) {
        List<FacetValue> years = new ArrayList<>();
        counts.years(Integer.MAX_VALUE)
                .forEach((year, count) -> years.add(new FacetValue(String.valueOf(year), null, null, count)));
        if (counts.undated() > 0) {
            years.add(new FacetValue(BrowseFilter.UNDATED, null, null, counts.undated()));
        }
        return years;
    }

    private List<FacetValue> themes(FacetCounter.Counts counts) {
        Map<Long, Long> byId = ids(counts.top(THEME, MAX_NAMED_VALUES));
        return themes.findAllById(byId.keySet()).stream()
                .map(t -> new FacetValue(t.getSlug(), t.getName(), t.getNameZh(), byId.get(t.getId())))
                .sorted(mostFirst(v -> String.valueOf(v.name())))
                .toList();
    }

    private List<FacetValue> people(FacetCounter.Counts counts) {
        Map<Long, Long> byId = ids(counts.top(PERSON, MAX_NAMED_VALUES));
        Map<Long, Label> labels = people.labels(byId.keySet());
        return byId.entrySet().stream()
                .filter(e -> labels.containsKey(e.getKey()))
                .map(e -> new FacetValue(
                        labels.get(e.getKey()).slug(), labels.get(e.getKey()).name(), null, e.getValue()))
                .sorted(mostFirst(v -> String.valueOf(v.name())))
                .toList();
    }

    private static List<FacetValue> languages(FacetCounter.Counts counts) {
        return counts.top(LANGUAGE, MAX_NAMED_VALUES).entrySet().stream()
                .map(e -> new FacetValue(e.getKey(), null, null, e.getValue()))
                .sorted(mostFirst(FacetValue::value))
                .toList();
    }

    private static Comparator<FacetValue> mostFirst(Function<FacetValue, String> then) {
        return Comparator.comparingLong(FacetValue::count).reversed().thenComparing(then);
    }

    private static Map<Long, Long> ids(Map<String, Long> counts) {
        Map<Long, Long> byId = new java.util.LinkedHashMap<>();
        counts.forEach((id, count) -> byId.put(Long.valueOf(id), count));
        return byId;
    }
}
