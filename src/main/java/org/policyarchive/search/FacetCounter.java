package org.policyarchive.search;

import static org.policyarchive.search.RecordFields.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.policyarchive.record.RecordKind;

/**
 * Counts every match of a query and its facet values, in one pass with an array of counters per field and segment,
 * from each segment's values held in plain arrays ({@link SegmentFacets}). Hibernate Search's terms aggregations
 * hash every value of every match and built a global ordinal map per field on each search: at 40,000 records they
 * took three quarters of a search page's time (docs/search.md). Decades are summed from the years, since a record
 * has one date.
 */
final class FacetCounter {

    /** The facet fields counted by their indexed strings. */
    private static final List<String> KEYWORD_FIELDS = List.of(KIND, LANGUAGE, PERSON, ROLE, THEME);

    /** Years counted in an array; the rare others in a map. */
    private static final int FIRST_YEAR = 1000;

    private static final int LAST_YEAR = 3099;

    private FacetCounter() {}

    /** The number of matches and, per facet field, every value's count. */
    record Counts(long total, Map<String, Map<String, Long>> keywords, Map<Integer, Long> years) {

        /** The most frequent values first, ties in the order of their values, as Hibernate Search orders them. */
        Map<String, Long> top(String field, int max) {
            return keywords.getOrDefault(field, Map.of()).entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue()
                            .reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(max)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum, LinkedHashMap::new));
        }

        Map<RecordKind, Long> kinds(int max) {
            Map<RecordKind, Long> kinds = new LinkedHashMap<>();
            top(KIND, max).forEach((name, count) -> kinds.put(RecordKind.valueOf(name), count));
            return kinds;
        }

        /** The newest years first, as many as {@code max}. */
        Map<Integer, Long> years(int max) {
            return newestFirst(years, max);
        }

        Map<Integer, Long> decades(int max) {
            Map<Integer, Long> decades = years.entrySet().stream()
                    .collect(Collectors.groupingBy(
                            e -> Math.floorDiv(e.getKey(), 10) * 10, Collectors.summingLong(Map.Entry::getValue)));
            return newestFirst(decades, max);
        }

        private static Map<Integer, Long> newestFirst(Map<Integer, Long> counts, int max) {
            return counts.entrySet().stream()
                    .sorted(Map.Entry.<Integer, Long>comparingByKey().reversed())
                    .limit(max)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum, LinkedHashMap::new));
        }
    }

    /** Counts every match of a search, with any other collector ({@link LuceneSearch}). */
    static CollectorManager<?, Counts> manager() {
        return new Manager();
    }

    private static final class Manager implements CollectorManager<SegmentCounter, Counts> {

        @Override
        public SegmentCounter newCollector() {
            return new SegmentCounter();
        }

        @Override
        public Counts reduce(Collection<SegmentCounter> collectors) {
            return sum(collectors.stream()
                    .map(c -> new Counts(c.total, c.keywords, c.years))
                    .toList());
        }
    }

    private static Counts sum(Collection<Counts> parts) {
        long total = 0;
        Map<String, Map<String, Long>> keywords = new HashMap<>();
        Map<Integer, Long> years = new HashMap<>();
        for (Counts part : parts) {
            total += part.total();
            part.keywords().forEach((field, values) -> {
                Map<String, Long> merged = keywords.computeIfAbsent(field, f -> new HashMap<>());
                values.forEach((value, count) -> merged.merge(value, count, Long::sum));
            });
            part.years().forEach((year, count) -> years.merge(year, count, Long::sum));
        }
        return new Counts(total, keywords, years);
    }

    /** Each segment's counts for the search without words or filters, while the segment and its deletions last. */
    private static final Map<Object, Counts> EVERYTHING = new ConcurrentHashMap<>();

    /**
     * Counts a search that matches every published record ({@code everything}), from each segment's counts, which are
     * kept until the segment or its deletions change. That search, the search page without words and the first page
     * a reader browses, counts every record of the index: at a million records, 23 ms of its page's 29 ms with one
     * client, the most of any search (docs/benchmarks.md). A change reaches the counts because it replaces its document: the segment it was in gets new
     * deletions, so a new reader and a new count, and the new document is in a new segment.
     */
    static Counts countEverything(IndexReader reader, Query everything) {
        List<Counts> segments = new ArrayList<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            IndexReader.CacheHelper cache = leaf.reader().getReaderCacheHelper();
            if (cache == null) {
                segments.add(count(leaf, everything));
            } else {
                segments.add(EVERYTHING.computeIfAbsent(cache.getKey(), key -> {
                    cache.addClosedListener(EVERYTHING::remove);
                    return count(leaf, everything);
                }));
            }
        }
        return sum(segments);
    }

    private static Counts count(LeafReaderContext leaf, Query query) {
        try {
            return new IndexSearcher(leaf.reader()).search(query, manager());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A segment's facet values by document, read once from its doc values into plain arrays: the ordinals of all of
     * a document's values, one document after the other ({@code ords[starts[doc]]} to {@code ords[starts[doc + 1] -
     * 1]}), numbered across the fields (field {@code f}'s ordinal {@code o} is {@code bases[f] + o}); each
     * ordinal's value; and each document's year. Decoding packed doc values for every match was three quarters of a
     * search's time at 1,000,000 records. One run per document rather than one per field and document, because a
     * narrow search reads a few hundred documents scattered over the segment, and each separate array read was a
     * cache miss: a person and theme search spent most of its index time there. A segment never changes (deletions
     * are left out by the query), so the arrays live as long as the segment: about 70 bytes a record.
     */
    private record SegmentFacets(int[] starts, int[] ords, int[] bases, String[][] values, int[] years) {

        private static final int NO_YEAR = Integer.MIN_VALUE;

        private static final Map<Object, SegmentFacets> CACHE = new ConcurrentHashMap<>();

        static SegmentFacets of(LeafReader leaf) {
            IndexReader.CacheHelper cache = leaf.getCoreCacheHelper();
            if (cache == null) {
                return read(leaf);
            }
            return CACHE.computeIfAbsent(cache.getKey(), key -> {
                cache.addClosedListener(CACHE::remove);
                return read(leaf);
            });
        }

        private static SegmentFacets read(LeafReader leaf) {
            try {
                int maxDoc = leaf.maxDoc();
                int fields = KEYWORD_FIELDS.size();
                SortedSetDocValues[] docValues = new SortedSetDocValues[fields];
                int[] bases = new int[fields + 1];
                String[][] values = new String[fields][];
                for (int f = 0; f < fields; f++) {
                    docValues[f] = DocValues.getSortedSet(leaf, KEYWORD_FIELDS.get(f));
                    values[f] = new String[Math.toIntExact(docValues[f].getValueCount())];
                    for (int i = 0; i < values[f].length; i++) {
                        values[f][i] = docValues[f].lookupOrd(i).utf8ToString();
                    }
                    bases[f + 1] = bases[f] + values[f].length;
                }
                int[] starts = new int[maxDoc + 1];
                int[] ords = new int[Math.max(16, maxDoc * 4)];
                int n = 0;
                for (int doc = 0; doc < maxDoc; doc++) {
                    starts[doc] = n;
                    for (int f = 0; f < fields; f++) {
                        if (docValues[f].advanceExact(doc)) {
                            int count = docValues[f].docValueCount();
                            if (n + count > ords.length) {
                                ords = Arrays.copyOf(ords, Math.max(n + count, ords.length + ords.length / 2));
                            }
                            for (int i = 0; i < count; i++) {
                                ords[n++] = bases[f] + (int) docValues[f].nextOrd();
                            }
                        }
                    }
                }
                starts[maxDoc] = n;
                SortedNumericDocValues yearValues = DocValues.getSortedNumeric(leaf, YEAR);
                int[] years = new int[maxDoc];
                for (int doc = 0; doc < maxDoc; doc++) {
                    years[doc] = yearValues.advanceExact(doc) ? (int) yearValues.nextValue() : NO_YEAR;
                }
                return new SegmentFacets(starts, Arrays.copyOf(ords, n), bases, values, years);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Counts into arrays indexed by each segment's ordinals (or years), turned into values when a segment ends. */
    private static final class SegmentCounter implements Collector {

        long total;
        final Map<String, Map<String, Long>> keywords = new HashMap<>();
        final Map<Integer, Long> years = new HashMap<>();

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) {
            SegmentFacets facets = SegmentFacets.of(context.reader());
            int[] starts = facets.starts();
            int[] ords = facets.ords();
            int[] docYears = facets.years();
            int[] counts = new int[facets.bases()[facets.values().length]];
            int[] yearCounts = new int[LAST_YEAR - FIRST_YEAR + 1];
            return new LeafCollector() {
                private long matches;

                @Override
                public void setScorer(Scorable scorer) {}

                @Override
                public void collect(int doc) {
                    matches++;
                    for (int i = starts[doc], end = starts[doc + 1]; i < end; i++) {
                        counts[ords[i]]++;
                    }
                    int year = docYears[doc];
                    if (year >= FIRST_YEAR && year <= LAST_YEAR) {
                        yearCounts[year - FIRST_YEAR]++;
                    } else if (year != SegmentFacets.NO_YEAR) {
                        years.merge(year, 1L, Long::sum);
                    }
                }

                @Override
                public void finish() {
                    total += matches;
                    if (matches == 0) {
                        return;
                    }
                    for (int f = 0; f < facets.values().length; f++) {
                        Map<String, Long> fieldCounts =
                                keywords.computeIfAbsent(KEYWORD_FIELDS.get(f), k -> new HashMap<>());
                        int base = facets.bases()[f];
                        for (int ord = 0; ord < facets.values()[f].length; ord++) {
                            if (counts[base + ord] > 0) {
                                fieldCounts.merge(facets.values()[f][ord], (long) counts[base + ord], Long::sum);
                            }
                        }
                    }
                    for (int i = 0; i < yearCounts.length; i++) {
                        if (yearCounts[i] > 0) {
                            years.merge(FIRST_YEAR + i, (long) yearCounts[i], Long::sum);
                        }
                    }
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}
