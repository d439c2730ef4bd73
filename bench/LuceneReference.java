import com.ibm.icu.text.Transliterator;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.SortedNumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LogByteSizeMergePolicy;
import org.apache.lucene.util.BytesRef;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.ConditionalTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * The reference for the search benchmark: the queries of bench/queries.json run straight against the record index's
 * Lucene directory, inside one JVM, by 8 threads, with nothing of the application around them: the top 10 in the
 * search page's order with the exact hit count, then the same with the search page's facet counts (no highlighting, entity loading, page or
 * HTTP), then the latter by one thread. The application's analysis and query are written out again here from
 * Lucene's own classes (and ICU4J's transform), with no class of the application, and must follow theirs. Run while
 * the application is stopped or idle (Lucene readers need no lock):
 *
 *   bench/reference.sh data/index/record 30
 */
public class LuceneReference {

    static final Map<String, Float> FIELDS =
            Map.of("title", 4f, "summary", 2f, "body", 1f, "people", 3f, "themes", 2f);

    /**
     * With {@code -Dpollute.mb=N}, each thread writes N MB of other memory before each search, as a server's other
     * work between two searches would (rendering, the database, other requests), so that the CPU's caches no longer
     * hold what the last searches read. Off (0) for the benchmark's figures; docs/benchmarks.md says what it showed.
     */
    static final int POLLUTE_MB = Integer.getInteger("pollute.mb", 0);

    /** How long each query class runs, unmeasured, before the first is measured. */
    static final long WARM_UP_NANOS = 5_000_000_000L;

    /**
     * The application's analyzers (SearchAnalysisConfigurer), one chain like its own: the standard tokenizer (Han
     * characters one by one), full-width to ASCII (CJKWidth), lower case, English possessives dropped (stemmed
     * analyzers only), ASCII folding of the tokens that are not CJK, Traditional Chinese folded into Simplified
     * ({@link HanScriptFolding}); then, for the stemmed ones, CJK bigrams, the application's stop words
     * ({@link #STOP_WORDS}) and KStem (economies → economy, regulated → regulate). {@code TEXT} is the index side,
     * which keeps each Han character beside the bigrams (数字经济 → 数 数字 字 字经 经 经济 济); {@code TEXT_QUERY}
     * what a query's words go through, bigrams alone (a character only where it has no neighbour, as 年 in 2020年);
     * {@code EXACT} words as written, with stop words and single Han characters, for quoted phrases and the
     * {@code _exact} fields.
     */
    static final Analyzer TEXT = new Chain(true, true);
    static final Analyzer TEXT_QUERY = new Chain(true, false);
    static final Analyzer EXACT = new Chain(false, false);

    /**
     * The application's stop words: a copy of SearchAnalysisConfigurer.STOP_WORDS, which this list must stay equal
     * to (Lucene's English stop words with the pronouns, auxiliaries and conjunctions of the Snowball list, and
     * "also").
     */
    static final CharArraySet STOP_WORDS = new CharArraySet(List.of("""
                    a about also am an and any are as at be been being both but by can could did do does doing
                    each for from had has have having he her here hers herself him himself his how i if in into is it
                    its itself me my myself no nor not of on or our ours ourselves ought she should so some such than
                    that the their theirs them themselves then there these they this those through to too until was
                    we were what when where which while whom why will with would you your yours yourself yourselves
                    """.split("\\s+")), false);

    /** How far apart two neighbouring words may stand and still rank higher (LuceneRecordQuery.PAIR_SLOP). */
    static final int PAIR_SLOP = 1;

    /** How far from their order a whole run of words may be (LuceneRecordQuery.RUN_SLOP). */
    static final int RUN_SLOP = 2;

    public static void main(String[] args) throws Exception {
        if (args[0].equals("--build")) {
            IndexBuild.run(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]), Double.parseDouble(args[4]));
            return;
        }
        Path index = Path.of(args[0]);
        String json = java.nio.file.Files.readString(Path.of(args[1]));
        double seconds = Double.parseDouble(args[2]);
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
            IndexSearcher searcher = new IndexSearcher(reader);
            System.out.println("documents: " + reader.numDocs());
            Map<String, List<Query>> mix = new LinkedHashMap<>();
            for (String[] entry : classes(json)) {
                List<Query> queries = new ArrayList<>();
                for (int i = 1; i < entry.length; i += 3) {
                    queries.add(query(entry[i], entry[i + 1], entry[i + 2]));
                }
                mix.put(entry[0], queries);
            }
            // every class in both modes before any is measured, as the server is warmed up before its run: without
            // it, the first classes were measured while the JIT was still compiling
            for (List<Query> queries : mix.values()) {
                long deadline = System.nanoTime() + WARM_UP_NANOS;
                while (System.nanoTime() < deadline) {
                    for (Query query : queries) {
                        search(searcher, query, false);
                        search(searcher, query, true);
                    }
                }
            }
            for (Map.Entry<String, List<Query>> entry : mix.entrySet()) {
                String name = entry.getKey();
                List<Query> queries = entry.getValue();
                run(name, searcher, queries, seconds, 8, false);
                run(name, searcher, queries, seconds, 8, true);
                // one thread, like the benchmark's one client: the search alone, without waiting for others
                run(name, searcher, queries, seconds, 1, true);
            }
        }
    }

    /** The analysis chain of SearchAnalysisConfigurer.Chain, written out again from Lucene's own filters. */
    static final class Chain extends Analyzer {

        private final boolean stemmed;
        private final boolean characters;

        /** Stemmed: possessives, bigrams, stop words and KStem; characters: each Han character beside the bigrams. */
        Chain(boolean stemmed, boolean characters) {
            this.stemmed = stemmed;
            this.characters = characters;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream stream = new LowerCaseFilter(new CJKWidthFilter(source));
            if (stemmed) {
                stream = new EnglishPossessiveFilter(stream);
            }
            stream = new HanScriptFolding(new LatinFolding(stream));
            if (stemmed) {
                stream = new CJKBigramFilter(
                        stream,
                        CJKBigramFilter.HAN
                                | CJKBigramFilter.HIRAGANA
                                | CJKBigramFilter.KATAKANA
                                | CJKBigramFilter.HANGUL,
                        characters);
                stream = new KStemFilter(new StopFilter(stream, STOP_WORDS));
            }
            return new TokenStreamComponents(source, stream);
        }
    }

    /** ASCII folding of the tokens that are not CJK characters, as the application's LatinFolding. */
    static final class LatinFolding extends ConditionalTokenFilter {

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        LatinFolding(TokenStream input) {
            super(input, ASCIIFoldingFilter::new);
        }

        @Override
        protected boolean shouldFilter() {
            return term.length() == 0 || term.charAt(0) < '\u2E80';
        }
    }

    /**
     * Traditional Chinese characters folded into Simplified ones (經濟 → 经济), as the application's HanScriptFolding:
     * a table of the Basic Multilingual Plane's Han characters built once from ICU's Traditional-Simplified
     * transform, keeping only the characters that it turns into one other character.
     */
    static final class HanScriptFolding extends TokenFilter {

        private static final char[] SIMPLIFIED = table();

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        HanScriptFolding(TokenStream input) {
            super(input);
        }

        @Override
        public boolean incrementToken() throws java.io.IOException {
            if (!input.incrementToken()) {
                return false;
            }
            char[] buffer = term.buffer();
            for (int i = 0, n = term.length(); i < n; i++) {
                char folded = SIMPLIFIED[buffer[i]];
                if (folded != 0) {
                    buffer[i] = folded;
                }
            }
            return true;
        }

        private static char[] table() {
            Transliterator simplify = Transliterator.getInstance("Traditional-Simplified");
            char[] table = new char[Character.MAX_VALUE + 1];
            for (int c = 0; c <= Character.MAX_VALUE; c++) {
                if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN && !Character.isSurrogate((char) c)) {
                    String folded = simplify.transliterate(String.valueOf((char) c));
                    if (folded.length() == 1 && folded.charAt(0) != c) {
                        table[c] = folded.charAt(0);
                    }
                }
            }
            return table;
        }
    }

    /** The reference classes: name, then (q, person id, theme id) triples, from the "lucene" part of queries.json. */
    static List<String[]> classes(String json) {
        List<String[]> result = new ArrayList<>();
        // A deliberately small reader for the file's fixed shape: "name": {... "lucene": [["q", "person", "theme"], ...]}
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "\"([a-z_]+)\"\\s*:\\s*\\{.*?\"lucene\"\\s*:\\s*\\[(.*?\\])\\s*\\]\\s*\\}",
                        java.util.regex.Pattern.DOTALL)
                .matcher(json);
        while (m.find()) {
            List<String> values = new ArrayList<>();
            values.add(m.group(1));
            java.util.regex.Matcher s = java.util.regex.Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(m.group(2));
            while (s.find()) {
                values.add(s.group(1).replace("\\\"", "\""));
            }
            result.add(values.toArray(new String[0]));
        }
        return result;
    }

    /**
     * The search page's query (LuceneRecordQuery.of) for what these benchmark queries use: words and quoted phrases,
     * all required, and the filters. Each word goes through TEXT_QUERY and each phrase through EXACT (in the
     * {@code _exact} fields), as a term or a phrase of its tokens, in every word field with its boost; a word that
     * leaves nothing (a stop word, punctuation) is dropped. Then the optional proximity clause: for each run of plain
     * words between phrases, the run analysed as one phrase with slop {@link #RUN_SLOP}, and each two neighbouring
     * tokens of it as a phrase with slop {@link #PAIR_SLOP} at their positions, in every word field with its boost.
     */
    static Query query(String q, String person, String theme) throws Exception {
        BooleanQuery.Builder bool = new BooleanQuery.Builder();
        bool.add(new TermQuery(new Term("status", "PUBLISHED")), Occur.FILTER);
        boolean any = false;
        List<String> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        // words end at a space or a quote, as in the application's QueryParser
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"([^\"]*)\"|([^\\s\"]+)").matcher(q);
        while (m.find()) {
            boolean phrase = m.group(1) != null;
            String word = phrase ? m.group(1).strip() : m.group(2);
            if (word.isEmpty()) {
                continue;
            }
            if (!phrase) {
                run.append(word).append(' ');
            } else if (!run.isEmpty()) {
                runs.add(run.toString());
                run.setLength(0);
            }
            Query fields = fields(word, phrase);
            if (fields != null) {
                bool.add(fields, Occur.MUST);
                any = true;
            }
        }
        if (!run.isEmpty()) {
            runs.add(run.toString());
        }
        if (!any) {
            bool.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        Query proximity = proximity(runs);
        if (proximity != null) {
            bool.add(proximity, Occur.SHOULD);
        }
        if (!person.isEmpty()) {
            bool.add(new TermQuery(new Term("person", person)), Occur.FILTER);
        }
        if (!theme.isEmpty()) {
            bool.add(new TermQuery(new Term("theme", theme)), Occur.FILTER);
        }
        return bool.build();
    }

    /** One word or phrase in every word field with its boost: a term or a phrase; null when nothing is left of it. */
    static Query fields(String word, boolean phrase) {
        QueryBuilder builder = new QueryBuilder(phrase ? EXACT : TEXT_QUERY);
        BooleanQuery.Builder fields = new BooleanQuery.Builder();
        for (Map.Entry<String, Float> field : FIELDS.entrySet()) {
            Query one = builder.createPhraseQuery(phrase ? field.getKey() + "_exact" : field.getKey(), word);
            if (one == null) {
                return null;
            }
            fields.add(new BoostQuery(one, field.getValue()), Occur.SHOULD);
        }
        return fields.build();
    }

    /**
     * The proximity clause of LuceneRecordQuery.proximity: for each run whose TEXT_QUERY tokens are more than one, each
     * two neighbours as a phrase with slop {@link #PAIR_SLOP}, and all of them with slop {@link #RUN_SLOP} when there
     * are more than two, in every word field with its boost; null when no run has two tokens.
     */
    static Query proximity(List<String> runs) {
        QueryBuilder builder = new QueryBuilder(TEXT_QUERY);
        BooleanQuery.Builder together = new BooleanQuery.Builder();
        int count = 0;
        for (String run : runs) {
            if (!(builder.createPhraseQuery("body", run, RUN_SLOP) instanceof PhraseQuery whole)) {
                continue;
            }
            Term[] terms = whole.getTerms();
            int[] positions = whole.getPositions();
            for (Map.Entry<String, Float> field : FIELDS.entrySet()) {
                String name = field.getKey();
                List<Query> queries = new ArrayList<>();
                for (int i = 0; i + 1 < terms.length; i++) {
                    queries.add(new PhraseQuery.Builder()
                            .add(new Term(name, terms[i].bytes()), positions[i])
                            .add(new Term(name, terms[i + 1].bytes()), positions[i + 1])
                            .setSlop(PAIR_SLOP)
                            .build());
                }
                if (terms.length > 2) {
                    PhraseQuery.Builder all = new PhraseQuery.Builder().setSlop(RUN_SLOP);
                    for (int i = 0; i < terms.length; i++) {
                        all.add(new Term(name, terms[i].bytes()), positions[i]);
                    }
                    queries.add(all.build());
                }
                for (Query query : queries) {
                    together.add(new BoostQuery(query, field.getValue()), Occur.SHOULD);
                    count++;
                }
            }
        }
        return count == 0 ? null : together.build();
    }

    /**
     * Runs one query class for {@code seconds} with {@code threadCount} threads: top 10 by score with the exact total
     * ("top10"), or the same with the facet counts of the search page over every match ("top10+facets"); with other
     * than 8 threads the mode name ends in "/" and their number. Prints one line, and a RESULT line that
     * bench/search_report.py reads.
     */
    static void run(
            String name, IndexSearcher searcher, List<Query> queries, double seconds, int threadCount, boolean facets)
            throws Exception {
        String mode = (facets ? "top10+facets" : "top10") + (threadCount == 8 ? "" : "/" + threadCount);
        for (Query query : queries) {
            search(searcher, query, facets);
        }
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        // each search's CPU time too, as the search page's Server-Timing gives its index part's (index-cpu)
        List<Double> cpuTimes = Collections.synchronizedList(new ArrayList<>());
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        AtomicLong hits = new AtomicLong();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < threadCount; t++) {
            int offset = t;
            Thread thread = new Thread(() -> {
                int i = offset;
                byte[] other = new byte[POLLUTE_MB << 20];
                try {
                    while (System.nanoTime() < deadline) {
                        Query query = queries.get(i++ % queries.size());
                        for (int b = 0; b < other.length; b += 64) {
                            other[b]++;
                        }
                        long start = System.nanoTime();
                        long startCpu = cpu.getCurrentThreadCpuTime();
                        long total = search(searcher, query, facets);
                        latencies.add((System.nanoTime() - start) / 1e6);
                        cpuTimes.add((cpu.getCurrentThreadCpuTime() - startCpu) / 1e6);
                        hits.set(total);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        List<Double> sortedCpu = new ArrayList<>(cpuTimes);
        Collections.sort(sortedCpu);
        System.out.printf(
                "%-22s %-13s n=%6d  p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms  CPU p50 %7.2f ms  (last total hits %d)%n",
                name, mode, sorted.size(), pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), pct(sortedCpu, 50),
                hits.get());
        System.out.printf(
                java.util.Locale.ROOT,
                "RESULT %s %s %d %.3f %.3f %.3f %d %.3f%n",
                name, mode, sorted.size(), pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), hits.get(),
                pct(sortedCpu, 50));
    }

    /** The total number of matches; with facets, also counts the page's facet fields over every match. */
    static long search(IndexSearcher searcher, Query query, boolean facets) throws Exception {
        var top = new TopFieldCollectorManager(sort(query), 10, null, Integer.MAX_VALUE);
        if (!facets) {
            return searcher.search(query, top).totalHits.value;
        }
        Object[] results = searcher.search(query, new org.apache.lucene.search.MultiCollectorManager(top, new FacetCounts()));
        return ((org.apache.lucene.search.TopDocs) results[0]).totalHits.value;
    }

    /**
     * The search page's order (LuceneRecordQuery.sort): by relevance, the newest first among equals; without words,
     * where every match scores the same, the newest first. Records without a date come last.
     */
    static Sort sort(Query query) {
        SortField newest = new SortedNumericSortField("date", SortField.Type.LONG, true);
        newest.setMissingValue(Long.MIN_VALUE);
        boolean words = ((BooleanQuery) query)
                .clauses().stream().noneMatch(clause -> clause.getQuery() instanceof MatchAllDocsQuery);
        return words ? new Sort(SortField.FIELD_SCORE, newest) : new Sort(newest, SortField.FIELD_SCORE);
    }

    /** Per segment, an array of counters per facet field, indexed by ordinal (or year); kept per segment. */
    static final class FacetCounts
            implements org.apache.lucene.search.CollectorManager<org.apache.lucene.search.Collector, Object> {

        static final String[] KEYWORDS = {"kind", "language", "person", "role", "theme"};

        @Override
        public org.apache.lucene.search.Collector newCollector() {
            return new org.apache.lucene.search.SimpleCollector() {
                final List<int[]> counts = new ArrayList<>();
                org.apache.lucene.index.SortedSetDocValues[] values;
                org.apache.lucene.index.SortedNumericDocValues years;
                int[][] leafCounts;
                int[] yearCounts;

                @Override
                protected void doSetNextReader(org.apache.lucene.index.LeafReaderContext context) throws java.io.IOException {
                    values = new org.apache.lucene.index.SortedSetDocValues[KEYWORDS.length];
                    leafCounts = new int[KEYWORDS.length][];
                    for (int f = 0; f < KEYWORDS.length; f++) {
                        values[f] = org.apache.lucene.index.DocValues.getSortedSet(context.reader(), KEYWORDS[f]);
                        leafCounts[f] = new int[(int) values[f].getValueCount()];
                        counts.add(leafCounts[f]);
                    }
                    years = org.apache.lucene.index.DocValues.getSortedNumeric(context.reader(), "year");
                    yearCounts = new int[3100];
                    counts.add(yearCounts);
                }

                @Override
                public void collect(int doc) throws java.io.IOException {
                    for (int f = 0; f < KEYWORDS.length; f++) {
                        if (values[f].advanceExact(doc)) {
                            for (int i = values[f].docValueCount(); i > 0; i--) {
                                leafCounts[f][(int) values[f].nextOrd()]++;
                            }
                        }
                    }
                    if (years.advanceExact(doc)) {
                        long year = years.nextValue();
                        if (year >= 0 && year < yearCounts.length) {
                            yearCounts[(int) year]++;
                        }
                    }
                }

                @Override
                public org.apache.lucene.search.ScoreMode scoreMode() {
                    return org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES;
                }
            };
        }

        @Override
        public Object reduce(java.util.Collection<org.apache.lucene.search.Collector> collectors) {
            return collectors;
        }
    }

    /**
     * The reference for the index build: the records of a JSON Lines file (the interchange format) indexed with plain
     * Lucene into a fresh directory, with the fields, analyzers, doc values and merge policy of the application's
     * record index, by {@code threads} threads that share one IndexWriter, while one more thread reads and parses
     * the file. No database, no entity loading, no Hibernate Search. The word fields go through the index side of
     * the analysis (TEXT, with Han characters beside the bigrams), their {@code _exact} twins through EXACT.
     */
    static final class IndexBuild {

        private static final Document END = new Document();

        /**
         * Title, summary and body as TextWithOffsetsBinder indexes them: words with their character offsets in the
         * postings (for the highlighter), not stored.
         */
        private static final FieldType TEXT_WITH_OFFSETS = new FieldType();

        static {
            TEXT_WITH_OFFSETS.setTokenized(true);
            TEXT_WITH_OFFSETS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
            TEXT_WITH_OFFSETS.freeze();
        }

        static void run(Path jsonl, Path directory, int threads, double ramBufferMb) throws Exception {
            long start = System.nanoTime();
            PerFieldAnalyzerWrapper analyzer = new PerFieldAnalyzerWrapper(
                    TEXT,
                    Map.of("title_exact", EXACT, "summary_exact", EXACT, "body_exact", EXACT,
                            "people_exact", EXACT, "themes_exact", EXACT));
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                    .setRAMBufferSizeMB(ramBufferMb)
                    .setMergePolicy(new LogByteSizeMergePolicy());
            BlockingQueue<Document> queue = new ArrayBlockingQueue<>(1000);
            AtomicLong indexed = new AtomicLong();
            try (IndexWriter writer = new IndexWriter(FSDirectory.open(directory), config)) {
                List<Thread> workers = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    Thread worker = new Thread(() -> {
                        try {
                            for (Document doc = queue.take(); doc != END; doc = queue.take()) {
                                writer.addDocument(doc);
                                long n = indexed.incrementAndGet();
                                if (n % 100_000 == 0) {
                                    System.out.printf("%,d documents, %.0f s%n", n, (System.nanoTime() - start) / 1e9);
                                }
                            }
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    workers.add(worker);
                    worker.start();
                }
                JsonMapper json = JsonMapper.builder().build();
                Map<String, Integer> ids = new java.util.HashMap<>();
                long id = 0;
                try (var lines = java.nio.file.Files.newBufferedReader(jsonl)) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        if (!line.isBlank()) {
                            queue.put(document(++id, json.readTree(line), ids));
                        }
                    }
                }
                for (int t = 0; t < threads; t++) {
                    queue.put(END);
                }
                for (Thread worker : workers) {
                    worker.join();
                }
                writer.commit();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long bytes;
            try (var files = java.nio.file.Files.list(directory)) {
                bytes = files.mapToLong(f -> f.toFile().length()).sum();
            }
            System.out.printf(java.util.Locale.ROOT, "BUILD %d %.1f %d%n", indexed.get(), seconds, bytes);
        }

        /** The document that the application's mapping (SearchMappingConfigurer) makes of a record. */
        static Document document(long id, JsonNode record, Map<String, Integer> ids) {
            Document doc = new Document();
            java.util.Set<String> present = new java.util.TreeSet<>();
            for (String field : List.of("title", "summary", "body")) {
                String value = record.hasNonNull(field) ? record.get(field).asString() : "";
                if (!value.isEmpty()) {
                    text(doc, present, field, value);
                }
            }
            for (JsonNode speaker : record.path("speakers")) {
                String name = speaker.get("name").asString();
                String role = speaker.get("role").asString();
                String person = String.valueOf(ids.computeIfAbsent("person:" + name, k -> ids.size() + 1));
                keyword(doc, present, "person", person, true);
                keyword(doc, present, "personRole", person + ":" + role, false);
                keyword(doc, present, "role", role, true);
                text(doc, present, "people", name);
            }
            for (JsonNode theme : record.path("themes")) {
                String name = theme.asString();
                keyword(doc, present, "theme", String.valueOf(ids.computeIfAbsent("theme:" + name, k -> ids.size() + 1)), true);
                text(doc, present, "themes", name);
            }
            keyword(doc, present, "kind", record.get("kind").asString().toUpperCase().replace(' ', '_'), true);
            keyword(doc, present, "language", record.get("language").asString(), true);
            keyword(doc, present, "status", "PUBLISHED", false);
            if (record.hasNonNull("date")) {
                String date = record.get("date").asString();
                java.time.LocalDate day = java.time.LocalDate.parse(
                        date.length() == 4 ? date + "-01-01" : date.length() == 7 ? date + "-01" : date);
                number(doc, present, "date", day.toEpochDay());
                number(doc, present, "year", day.getYear());
                number(doc, present, "decade", day.getYear() / 10 * 10);
            }
            long updated = System.currentTimeMillis();
            number(doc, present, "updatedAt", updated);
            doc.add(new StoredField("updatedAt", updated));
            doc.add(new SortedNumericDocValuesField("recordId", id));
            present.add("recordId");
            present.forEach(name -> doc.add(new StringField("__HSEARCH_field_names", name, Field.Store.NO)));
            doc.add(new StringField("__HSEARCH_type", "main", Field.Store.NO));
            doc.add(new StringField("__HSEARCH_id", String.valueOf(id), Field.Store.NO));
            doc.add(new BinaryDocValuesField("__HSEARCH_id_docvalue", new BytesRef(String.valueOf(id))));
            return doc;
        }

        /** A word field (title, summary and body with offsets; people and themes as plain text) and its exact twin. */
        private static void text(Document doc, java.util.Set<String> present, String field, String value) {
            doc.add(List.of("title", "summary", "body").contains(field)
                    ? new Field(field, value, TEXT_WITH_OFFSETS)
                    : new TextField(field, value, Field.Store.NO));
            doc.add(new TextField(field + "_exact", value, Field.Store.NO));
            present.add(field);
            present.add(field + "_exact");
        }

        private static void keyword(
                Document doc, java.util.Set<String> present, String field, String value, boolean docValues) {
            doc.add(new StringField(field, value, Field.Store.NO));
            if (docValues) {
                doc.add(new SortedSetDocValuesField(field, new BytesRef(value)));
            }
            present.add(field);
        }

        private static void number(Document doc, java.util.Set<String> present, String field, long value) {
            doc.add(new LongPoint(field, value));
            doc.add(new SortedNumericDocValuesField(field, value));
            present.add(field);
        }
    }

    static double pct(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int k = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, k)));
    }
}
