package org.policyarchive.search;

import static org.policyarchive.search.RecordFields.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Counts every match of a query and its facet values straight from the index's doc values, in one pass with an
 * array of counters per field and segment. Hibernate Search's terms aggregations hash every value of every match
 * and built a global ordinal map per field on each search: at 40,000 records they took three quarters of a search
 * page's time (docs/benchmarks.md). Decades are summed from the years, since a record has one date.
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

        Map<String, Long> top(String field, int max) {
            return top(keywords.getOrDefault(field, Map.of()), max, Map.Entry.comparingByKey());
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

        /** The most frequent values first, ties in the order of their values, as Hibernate Search orders them. */
        private static <K> Map<K, Long> top(Map<K, Long> counts, int max, Comparator<Map.Entry<K, Long>> ties) {
            return counts.entrySet().stream()
                    .sorted(Map.Entry.<K, Long>comparingByValue().reversed().thenComparing(ties))
                    .limit(max)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum, LinkedHashMap::new));
        }
    }

    static Counts count(IndexReader reader, Query query) {
        try {
            IndexSearcher searcher = new IndexSearcher(reader);
            return searcher.search(query, new Manager());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Manager implements CollectorManager<SegmentCounter, Counts> {

        private final List<SegmentCounter> collectors = new ArrayList<>();

        @Override
        public SegmentCounter newCollector() {
            SegmentCounter collector = new SegmentCounter();
            collectors.add(collector);
            return collector;
        }

        @Override
        public Counts reduce(Collection<SegmentCounter> ignored) {
            long total = 0;
            Map<String, Map<String, Long>> keywords = new HashMap<>();
            Map<Integer, Long> years = new HashMap<>();
            for (SegmentCounter collector : collectors) {
                total += collector.total;
                collector.keywords.forEach((field, values) -> {
                    Map<String, Long> merged = keywords.computeIfAbsent(field, f -> new HashMap<>());
                    values.forEach((value, count) -> merged.merge(value, count, Long::sum));
                });
                collector.years.forEach((year, count) -> years.merge(year, count, Long::sum));
            }
            return new Counts(total, keywords, years);
        }
    }

    /** Counts into arrays indexed by each segment's ordinals (or years), turned into values when a segment ends. */
    private static final class SegmentCounter implements Collector {

        long total;
        final Map<String, Map<String, Long>> keywords = new HashMap<>();
        final Map<Integer, Long> years = new HashMap<>();

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            LeafReader leaf = context.reader();
            List<SortedSetDocValues> values = new ArrayList<>();
            List<int[]> counts = new ArrayList<>();
            for (String field : KEYWORD_FIELDS) {
                SortedSetDocValues docValues = DocValues.getSortedSet(leaf, field);
                values.add(docValues);
                counts.add(new int[Math.toIntExact(docValues.getValueCount())]);
            }
            SortedNumericDocValues yearValues = DocValues.getSortedNumeric(leaf, YEAR);
            int[] yearCounts = new int[LAST_YEAR - FIRST_YEAR + 1];
            return new LeafCollector() {
                private long matches;

                @Override
                public void setScorer(Scorable scorer) {}

                @Override
                public void collect(int doc) throws IOException {
                    matches++;
                    for (int f = 0; f < values.size(); f++) {
                        SortedSetDocValues docValues = values.get(f);
                        if (docValues.advanceExact(doc)) {
                            int[] fieldCounts = counts.get(f);
                            for (int i = docValues.docValueCount(); i > 0; i--) {
                                fieldCounts[(int) docValues.nextOrd()]++;
                            }
                        }
                    }
                    if (yearValues.advanceExact(doc)) {
                        long year = yearValues.nextValue();
                        if (year >= FIRST_YEAR && year <= LAST_YEAR) {
                            yearCounts[(int) year - FIRST_YEAR]++;
                        } else {
                            years.merge((int) year, 1L, Long::sum);
                        }
                    }
                }

                @Override
                public void finish() throws IOException {
                    total += matches;
                    for (int f = 0; f < values.size(); f++) {
                        addValues(KEYWORD_FIELDS.get(f), values.get(f), counts.get(f));
                    }
                    for (int i = 0; i < yearCounts.length; i++) {
                        if (yearCounts[i] > 0) {
                            years.merge(FIRST_YEAR + i, (long) yearCounts[i], Long::sum);
                        }
                    }
                }
            };
        }

        private void addValues(String field, SortedSetDocValues docValues, int[] counts) throws IOException {
            Map<String, Long> fieldCounts = keywords.computeIfAbsent(field, f -> new HashMap<>());
            for (int ord = 0; ord < counts.length; ord++) {
                if (counts[ord] > 0) {
                    fieldCounts.merge(docValues.lookupOrd(ord).utf8ToString(), (long) counts[ord], Long::sum);
                }
            }
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}
