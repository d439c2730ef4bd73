package org.policyarchive.search;

import static org.policyarchive.search.RecordFields.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;
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
 * Hibernate Search's terms aggregations hash every value of every match and build a global ordinal map per field on
 * each search, which cost most of a search page's time. A record's year is one more value; decades are summed from
 * the years, since a record has one date.
 */
final class FacetCounter {

    /** The facet fields counted by their indexed strings. */
    private static final List<String> KEYWORD_FIELDS = List.of(KIND, LANGUAGE, PERSON, ROLE, THEME);

    private FacetCounter() {}

    /**
     * The number of matches and every facet value's count, by slot ({@link Slots}). The top values are chosen from
     * the counts without making and sorting a map of every value counted (a few hundred people for a rare word).
     */
    static final class Counts {

        private final long total;
        private final int[] counts;
        private final Names names;

        private Counts(long total, int[] counts, Names names) {
            this.total = total;
            this.counts = counts;
            this.names = names;
        }

        long total() {
            return total;
        }

        /** The most frequent values first, ties in the order of their values, as Hibernate Search orders them. */
        Map<String, Long> top(String field, int max) {
            Comparator<Integer> fewestLast = Comparator.<Integer>comparingInt(slot -> counts[slot])
                    .thenComparing(slot -> names.value(slot), Comparator.reverseOrder());
            PriorityQueue<Integer> kept = new PriorityQueue<>(fewestLast);
            for (int slot = 0; slot < counts.length; slot++) {
                if (counts[slot] > 0 && names.field(slot).equals(field)) {
                    kept.add(slot);
                    if (kept.size() > max) {
                        kept.poll();
                    }
                }
            }
            Integer[] top = kept.toArray(new Integer[0]);
            Arrays.sort(top, fewestLast.reversed());
            Map<String, Long> values = new LinkedHashMap<>();
            for (int slot : top) {
                values.put(names.value(slot), (long) counts[slot]);
            }
            return values;
        }

        Map<RecordKind, Long> kinds(int max) {
            Map<RecordKind, Long> kinds = new LinkedHashMap<>();
            top(KIND, max).forEach((name, count) -> kinds.put(RecordKind.valueOf(name), count));
            return kinds;
        }

        /** The newest years first, as many as {@code max}. */
        Map<Integer, Long> years(int max) {
            return newestFirst(max, year -> year);
        }

        /** How many matches have no date: a dated record has one year. */
        long undated() {
            long dated = 0;
            for (int slot = 0; slot < counts.length; slot++) {
                if (counts[slot] > 0 && names.field(slot).equals(YEAR)) {
                    dated += counts[slot];
                }
            }
            return total - dated;
        }

        /** The newest decades first, as many as {@code max}, summed from the years. */
        Map<Integer, Long> decades(int max) {
            return newestFirst(max, year -> Math.floorDiv(year, 10) * 10);
        }

        private Map<Integer, Long> newestFirst(int max, IntUnaryOperator period) {
            TreeMap<Integer, Long> periods = new TreeMap<>(Comparator.reverseOrder());
            for (int slot = 0; slot < counts.length; slot++) {
                if (counts[slot] > 0 && names.field(slot).equals(YEAR)) {
                    int year = Integer.parseInt(names.value(slot));
                    periods.merge(period.applyAsInt(year), (long) counts[slot], Long::sum);
                }
            }
            Map<Integer, Long> newest = new LinkedHashMap<>();
            for (Map.Entry<Integer, Long> entry : periods.entrySet()) {
                if (newest.size() == max) {
                    break;
                }
                newest.put(entry.getKey(), entry.getValue());
            }
            return newest;
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
     * kept until the segment or its deletions change. That search (the search page without words, the first browse
     * page, the counts beside every person and theme) counts every record of the index, the most of any search. A
     * change reaches the counts because it replaces its document: the segment it was in gets new deletions, so a new
     * reader and a new count, and the new document is in a new segment.
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
     * each segment at a million records). The numbers are never reused; there is one per value ever indexed.
     */
    private static final class Slots {

        private static final Map<String, Integer> BY_VALUE = new HashMap<>();
        private static String[] fields = new String[64];
        private static String[] values = new String[64];
        private static int count;

        private Slots() {}

        static synchronized int of(String field, String value) {
            return BY_VALUE.computeIfAbsent(field + '\u0000' + value, key -> {
                if (count == values.length) {
                    // larger arrays: those that names() gave out keep the slots they hold
                    fields = Arrays.copyOf(fields, count * 2);
                    values = Arrays.copyOf(values, count * 2);
                }
                fields[count] = field;
                values[count] = value;
                return count++;
            });
        }

        static synchronized int count() {
            return count;
        }

        /** The field and the value of every slot numbered so far, by slot. */
        static synchronized Names names() {
            return new Names(fields, values);
        }
    }

    /** What {@link Slots} stands for: the field and the value of each slot. */
    private record Names(String[] fields, String[] values) {

        String field(int slot) {
            return fields[slot];
        }

        String value(int slot) {
            return values[slot];
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
            return new Counts(total, slots, Slots.names());
        }
    }

    /**
     * A segment's facet values by document, read once from its doc values into plain arrays: the slots of all of a
     * document's values, its year's among them, one document after the other ({@code slots[starts[doc]]} to {@code
     * slots[starts[doc + 1] - 1]}), rather than decoding packed doc values for every match. One run per document
     * rather than one per field and document, because a narrow search reads a few hundred documents scattered over
     * the segment, and each separate array read is a cache miss. A segment never changes (deletions are left out by
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

    /**
     * Counts a search's matches into its tally, segment after segment, from each segment's facet values. The matches
     * are counted in batches. A narrow search's matches lie far apart in the segment's arrays, so reading a match's
     * values is a read from memory that no cache holds: counted one match at a time, the processor waited for each
     * read in turn, and counting was over a quarter of a rare word's index part. A batch reads all its matches' starts,
     * then each match's first value, in loops whose reads do not depend on one another, so that the processor waits
     * for many of them at once; the rest of a match's values mostly share the first one's cache line.
     */
    private static final class Counter implements Collector {

        private static final int BATCH = 128;

        final Tally tally = new Tally();
        private final int[] docs = new int[BATCH];
        private final int[] begins = new int[BATCH];
        private final int[] ends = new int[BATCH];

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) {
            SegmentFacets facets = SegmentFacets.of(context.reader());
            tally.fit();
            int[] starts = facets.starts();
            int[] slots = facets.slots();
            int[] counts = tally.slots;
            return new LeafCollector() {
                private int batched;

                @Override
                public void setScorer(Scorable scorer) {}

                @Override
                public void collect(int doc) {
                    docs[batched++] = doc;
                    if (batched == BATCH) {
                        count();
                    }
                }

                private void count() {
                    for (int i = 0; i < batched; i++) {
                        begins[i] = starts[docs[i]];
                        ends[i] = starts[docs[i] + 1];
                    }
                    for (int i = 0; i < batched; i++) {
                        if (begins[i] < ends[i]) {
                            counts[slots[begins[i]]]++;
                        }
                    }
                    for (int i = 0; i < batched; i++) {
                        for (int j = begins[i] + 1; j < ends[i]; j++) {
                            counts[slots[j]]++;
                        }
                    }
                    tally.total += batched;
                    batched = 0;
                }

                @Override
                public void finish() {
                    count();
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}
