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
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.SortedNumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LogByteSizeMergePolicy;
import org.apache.lucene.util.BytesRef;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilterFactory;
import org.apache.lucene.analysis.cjk.CJKWidthFilterFactory;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.core.StopFilterFactory;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilterFactory;
import org.apache.lucene.analysis.en.PorterStemFilterFactory;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilterFactory;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
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

/**
 * The reference for the search benchmark: the queries of bench/queries.json run straight against the record index's
 * Lucene directory, inside one JVM, by 8 threads, with nothing of the application around them: the top 10 in the
 * search page's order with the exact hit count, then the same with the search page's facet counts (no highlighting, entity loading, page or
 * HTTP), then the latter by one thread. Run while the application is stopped or idle (Lucene readers need no lock):
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

    /** The application's analyzers (SearchAnalysisConfigurer): stemmed words with Chinese bigrams, and exact. */
    static final Analyzer TEXT = analyzer(true);
    static final Analyzer EXACT = analyzer(false);

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
                    queries.add(query(entry[i], entry[i + 1], entry[i + 2], TEXT, EXACT));
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

    static Analyzer analyzer(boolean stemmed) {
        try {
            CustomAnalyzer.Builder builder = CustomAnalyzer.builder()
                    .withTokenizer(StandardTokenizerFactory.class)
                    .addTokenFilter(CJKWidthFilterFactory.class)
                    .addTokenFilter(LowerCaseFilterFactory.class);
            if (stemmed) {
                builder.addTokenFilter(EnglishPossessiveFilterFactory.class);
            }
            builder.whenTerm(term -> term.length() == 0 || term.charAt(0) < '\u2E80')
                    .addTokenFilter(ASCIIFoldingFilterFactory.class)
                    .endwhen();
            if (stemmed) {
                builder.addTokenFilter(CJKBigramFilterFactory.class)
                        .addTokenFilter(StopFilterFactory.class)
                        .addTokenFilter(PorterStemFilterFactory.class);
            }
            return builder.build();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
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

    static Query query(String q, String person, String theme, Analyzer text, Analyzer exact) throws Exception {
        BooleanQuery.Builder bool = new BooleanQuery.Builder();
        bool.add(new TermQuery(new Term("status", "PUBLISHED")), Occur.FILTER);
        boolean any = false;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(q);
        while (m.find()) {
            boolean phrase = m.group(1) != null;
            String word = phrase ? m.group(1) : m.group(2);
            List<String> tokens = tokens(phrase ? exact : text, word);
            if (tokens.isEmpty()) {
                continue;
            }
            BooleanQuery.Builder fields = new BooleanQuery.Builder();
            for (Map.Entry<String, Float> field : FIELDS.entrySet()) {
                String name = phrase ? field.getKey() + "_exact" : field.getKey();
                Query one = tokens.size() == 1
                        ? new TermQuery(new Term(name, tokens.get(0)))
                        : new PhraseQuery(name, tokens.toArray(new String[0]));
                fields.add(new BoostQuery(one, field.getValue()), Occur.SHOULD);
            }
            bool.add(fields.build(), Occur.MUST);
            any = true;
        }
        if (!any) {
            bool.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        if (!person.isEmpty()) {
            bool.add(new TermQuery(new Term("person", person)), Occur.FILTER);
        }
        if (!theme.isEmpty()) {
            bool.add(new TermQuery(new Term("theme", theme)), Occur.FILTER);
        }
        return bool.build();
    }

    static List<String> tokens(Analyzer analyzer, String text) throws Exception {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        }
        return tokens;
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
     * the file. No database, no entity loading, no Hibernate Search.
     */
    static final class IndexBuild {

        private static final Document END = new Document();

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

        private static void text(Document doc, java.util.Set<String> present, String field, String value) {
            doc.add(new TextField(field, value, Field.Store.NO));
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
