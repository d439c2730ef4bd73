import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
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
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.FSDirectory;

/**
 * The reference for the search benchmark: the queries of bench/queries.json run straight against the record index's
 * Lucene directory, inside one JVM, by 8 threads, with nothing of the application around them: top 10 by score with
 * the exact hit count, then the same with the search page's facet counts (no highlighting, entity loading, page or
 * HTTP). Run while the application is stopped or idle (Lucene readers need no lock):
 *
 *   bench/reference.sh data/index/record 30
 */
public class LuceneReference {

    static final Map<String, Float> FIELDS =
            Map.of("title", 4f, "summary", 2f, "body", 1f, "people", 3f, "themes", 2f);

    public static void main(String[] args) throws Exception {
        Path index = Path.of(args[0]);
        String json = java.nio.file.Files.readString(Path.of(args[1]));
        double seconds = Double.parseDouble(args[2]);
        Analyzer text = CustomAnalyzer.builder()
                .withTokenizer(StandardTokenizerFactory.class)
                .addTokenFilter(CJKWidthFilterFactory.class)
                .addTokenFilter(LowerCaseFilterFactory.class)
                .addTokenFilter(EnglishPossessiveFilterFactory.class)
                .addTokenFilter(ASCIIFoldingFilterFactory.class)
                .addTokenFilter(CJKBigramFilterFactory.class)
                .addTokenFilter(StopFilterFactory.class)
                .addTokenFilter(PorterStemFilterFactory.class)
                .build();
        Analyzer exact = CustomAnalyzer.builder()
                .withTokenizer(StandardTokenizerFactory.class)
                .addTokenFilter(CJKWidthFilterFactory.class)
                .addTokenFilter(LowerCaseFilterFactory.class)
                .addTokenFilter(ASCIIFoldingFilterFactory.class)
                .build();
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
            IndexSearcher searcher = new IndexSearcher(reader);
            System.out.println("documents: " + reader.numDocs());
            for (String[] entry : classes(json)) {
                String name = entry[0];
                List<Query> queries = new ArrayList<>();
                for (int i = 1; i < entry.length; i += 3) {
                    queries.add(query(entry[i], entry[i + 1], entry[i + 2], text, exact));
                }
                run(name, searcher, queries, seconds);
            }
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
     * Runs one query class for {@code seconds} with 8 threads, twice: top 10 by score with the exact total ("top10"),
     * then the same with the facet counts of the search page over every match ("top10+facets"). Prints one line per
     * mode, and a RESULT line that bench/search_report.py reads.
     */
    static void run(String name, IndexSearcher searcher, List<Query> queries, double seconds) throws Exception {
        for (boolean facets : new boolean[] {false, true}) {
            String mode = facets ? "top10+facets" : "top10";
            for (Query query : queries) {
                search(searcher, query, facets);
            }
            List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
            AtomicLong hits = new AtomicLong();
            long deadline = System.nanoTime() + (long) (seconds * 1e9);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t;
                Thread thread = new Thread(() -> {
                    int i = offset;
                    try {
                        while (System.nanoTime() < deadline) {
                            Query query = queries.get(i++ % queries.size());
                            long start = System.nanoTime();
                            long total = search(searcher, query, facets);
                            latencies.add((System.nanoTime() - start) / 1e6);
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
            System.out.printf(
                    "%-22s %-13s n=%6d  p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms  (last total hits %d)%n",
                    name, mode, sorted.size(), pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), hits.get());
            System.out.printf(
                    java.util.Locale.ROOT,
                    "RESULT %s %s %d %.3f %.3f %.3f %d%n",
                    name, mode, sorted.size(), pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), hits.get());
        }
    }

    /** The total number of matches; with facets, also counts the page's facet fields over every match. */
    static long search(IndexSearcher searcher, Query query, boolean facets) throws Exception {
        if (!facets) {
            return searcher.search(query, new TopScoreDocCollectorManager(10, Integer.MAX_VALUE)).totalHits.value;
        }
        var both = new org.apache.lucene.search.MultiCollectorManager(
                new TopScoreDocCollectorManager(10, Integer.MAX_VALUE), new FacetCounts());
        Object[] results = searcher.search(query, both);
        return ((org.apache.lucene.search.TopDocs) results[0]).totalHits.value;
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

    static double pct(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int k = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, k)));
    }
}
