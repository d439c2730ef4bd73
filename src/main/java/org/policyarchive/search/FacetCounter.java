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
import java.util.function.Function;
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
 * Counts every match of a query and its facet values, in one pass, into one array of counters indexed by a number
 * per facet value ({@link Slots}), from each segment's values held in plain arrays ({@link SegmentFacets}).
 * Hibernate Search's terms aggregations hash every value of every match and built a global ordinal map per field on
 * each search: at 40,000 records they took three quarters of a search page's time (docs/search.md). A record's year
 * is one more value; decades are summed from the years, since a record has one date.
 */
final class FacetCounter {

    /** The facet fields counted by their indexed strings. */
    private static final List<String> KEYWORD_FIELDS = List.of(KIND, LANGUAGE, PERSON, ROLE, THEME);

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
        return new Manager<>(Tally::counts);
    }

    /** The search without words or filters: every published record. */
    private static final Query EVERYTHING = LuceneRecordQuery.of(SearchCriteria.everything(), QueryParser.parse(""));

    /** Each segment's counts for {@link #EVERYTHING}, while the segment and its deletions last. */
    private static final Map<Object, Tally> EVERYTHING_COUNTS = new ConcurrentHashMap<>();

    /** Whether a query is the search without words or filters, whose counts {@link #countEverything} keeps. */
    static boolean isEverything(Query query) {
        return query.equals(EVERYTHING);
    }

    /**
     * Counts the search that matches every published record ({@link #EVERYTHING}), from each segment's counts, which are
     * kept until the segment or its deletions change. That search, the search page without words and the first page
     * a reader browses, counts every record of the index: at a million records, 23 ms of its page's 29 ms with one
     * client, the most of any search (docs/benchmarks.md). A change reaches the counts because it replaces its
     * document: the segment it was in gets new deletions, so a new reader and a new count, and the new document is in
     * a new segment.
     */
    static Counts countEverything(IndexReader reader) {
        Tally sum = new Tally();
        for (LeafReaderContext leaf : reader.leaves()) {
            IndexReader.CacheHelper cache = leaf.reader().getReaderCacheHelper();
            if (cache == null) {
                sum.add(tallyEverything(leaf));
            } else {
                sum.add(EVERYTHING_COUNTS.computeIfAbsent(cache.getKey(), key -> {
                    cache.addClosedListener(EVERYTHING_COUNTS::remove);
                    return tallyEverything(leaf);
                }));
            }
        }
        return sum.counts();
    }

    private static Tally tallyEverything(LeafReaderContext leaf) {
        try {
            return new IndexSearcher(leaf.reader()).search(EVERYTHING, new Manager<>(tally -> tally));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One counter per searching thread, summed; {@code result} makes what the search returns of the sum. */
    private record Manager<R>(Function<Tally, R> result) implements CollectorManager<Counter, R> {

        @Override
        public Counter newCollector() {
            return new Counter();
        }

        @Override
        public R reduce(Collection<Counter> collectors) {
            Tally sum = new Tally();
            collectors.forEach(counter -> sum.add(counter.tally));
            return result.apply(sum);
        }
    }

    /**
     * Every facet value met in any segment, numbered once for the life of the process, so that a search counts into
     * one array over all its segments rather than one per segment merged by value at the end (a thousand people in
     * each segment at a million records). With one client, a rare word's index part went from 2.8 to 2.1 ms, a person
     * and a theme's from 1.5 to 1.2 ms. The numbers are never reused; there is one per value ever indexed (about a
     * thousand people and a few dozen other values there).
     */
    private static final class Slots {

        private static final Map<String, Integer> BY_VALUE = new HashMap<>();
        private static final List<String> FIELDS = new ArrayList<>();
        private static final List<String> VALUES = new ArrayList<>();

        private Slots() {}

        static synchronized int of(String field, String value) {
            return BY_VALUE.computeIfAbsent(field + '\u0000' + value, key -> {
                FIELDS.add(field);
                VALUES.add(value);
                return VALUES.size() - 1;
            });
        }

        static synchronized int count() {
            return VALUES.size();
        }

        /** The counts by field and value, for the slots counted. */
        static synchronized Map<String, Map<String, Long>> byField(int[] counts) {
            Map<String, Map<String, Long>> byField = new HashMap<>();
            for (int slot = 0; slot < counts.length; slot++) {
                if (counts[slot] > 0) {
                    byField.computeIfAbsent(FIELDS.get(slot), f -> new HashMap<>())
                            .put(VALUES.get(slot), (long) counts[slot]);
                }
            }
            return byField;
        }
    }

    /** Counts by slot, added up segment after segment. */
    private static final class Tally {

        long total;
        int[] slots = new int[0];

        /** Makes room for every slot numbered so far. */
        void fit() {
            int count = Slots.count();
            if (slots.length < count) {
                slots = Arrays.copyOf(slots, count);
            }
        }

        void add(Tally other) {
            total += other.total;
            if (slots.length < other.slots.length) {
                slots = Arrays.copyOf(slots, other.slots.length);
            }
            for (int i = 0; i < other.slots.length; i++) {
                slots[i] += other.slots[i];
            }
        }

        Counts counts() {
            Map<String, Map<String, Long>> byField = Slots.byField(slots);
            Map<Integer, Long> years = new HashMap<>();
            byField.getOrDefault(YEAR, Map.of()).forEach((year, count) -> years.put(Integer.valueOf(year), count));
            byField.remove(YEAR);
            return new Counts(total, byField, years);
        }
    }

    /**
     * A segment's facet values by document, read once from its doc values into plain arrays: the slots of all of a
     * document's values, its year's among them, one document after the other ({@code slots[starts[doc]]} to {@code
     * slots[starts[doc + 1] - 1]}). Decoding packed doc values for every match was three quarters of a search's time
     * at 1,000,000 records. One run per document rather than one per field and document, because a narrow search
     * reads a few hundred documents scattered over the segment, and each separate array read was a cache miss: a
     * person and theme search spent most of its index time there. A segment never changes (deletions are left out by
     * the query), so the arrays live as long as the segment: about 70 bytes a record.
     */
    private record SegmentFacets(int[] starts, int[] slots) {

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
                int[][] slotOfOrd = new int[fields][];
                for (int f = 0; f < fields; f++) {
                    docValues[f] = DocValues.getSortedSet(leaf, KEYWORD_FIELDS.get(f));
                    slotOfOrd[f] = new int[Math.toIntExact(docValues[f].getValueCount())];
                    for (int ord = 0; ord < slotOfOrd[f].length; ord++) {
                        slotOfOrd[f][ord] = Slots.of(
                                KEYWORD_FIELDS.get(f),
                                docValues[f].lookupOrd(ord).utf8ToString());
                    }
                }
                SortedNumericDocValues years = DocValues.getSortedNumeric(leaf, YEAR);
                Map<Long, Integer> slotOfYear = new HashMap<>();
                int[] starts = new int[maxDoc + 1];
                int[] slots = new int[Math.max(16, maxDoc * 4)];
                int n = 0;
                for (int doc = 0; doc < maxDoc; doc++) {
                    starts[doc] = n;
                    for (int f = 0; f < fields; f++) {
                        if (docValues[f].advanceExact(doc)) {
                            for (int i = docValues[f].docValueCount(); i > 0; i--) {
                                slots = put(slots, n++, slotOfOrd[f][(int) docValues[f].nextOrd()]);
                            }
                        }
                    }
                    if (years.advanceExact(doc)) {
                        int year = slotOfYear.computeIfAbsent(years.nextValue(), y -> Slots.of(YEAR, Long.toString(y)));
                        slots = put(slots, n++, year);
                    }
                }
                starts[maxDoc] = n;
                return new SegmentFacets(starts, Arrays.copyOf(slots, n));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Puts a slot at {@code at}, in a larger array if it is full. */
        private static int[] put(int[] slots, int at, int slot) {
            int[] room = at < slots.length ? slots : Arrays.copyOf(slots, slots.length + slots.length / 2);
            room[at] = slot;
            return room;
        }
    }

    /** Counts a search's matches into its tally, segment after segment, from each segment's facet values. */
    private static final class Counter implements Collector {

        final Tally tally = new Tally();

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) {
            SegmentFacets facets = SegmentFacets.of(context.reader());
            tally.fit();
            int[] starts = facets.starts();
            int[] slots = facets.slots();
            int[] counts = tally.slots;
            return new LeafCollector() {
                private long matches;

                @Override
                public void setScorer(Scorable scorer) {}

                @Override
                public void collect(int doc) {
                    matches++;
                    for (int i = starts[doc], end = starts[doc + 1]; i < end; i++) {
                        counts[slots[i]]++;
                    }
                }

                @Override
                public void finish() {
                    tally.total += matches;
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}
