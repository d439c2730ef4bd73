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
 * Lucene directory, inside one JVM, by 8 threads, with nothing of the application around them (top 10 by score and
 * the exact hit count; no facets, highlighting, entity loading or HTTP). Run while the application is stopped or
 * running (Lucene readers need no lock):
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

    static void run(String name, IndexSearcher searcher, List<Query> queries, double seconds) throws Exception {
        for (Query query : queries) {
            searcher.search(query, new TopScoreDocCollectorManager(10, Integer.MAX_VALUE));
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
                        var top = searcher.search(query, new TopScoreDocCollectorManager(10, Integer.MAX_VALUE));
                        latencies.add((System.nanoTime() - start) / 1e6);
                        hits.set(top.totalHits.value);
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
                "%-22s n=%6d  p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms  (last total hits %d)%n",
                name,
                sorted.size(),
                pct(sorted, 50),
                pct(sorted, 95),
                pct(sorted, 99),
                hits.get());
    }

    static double pct(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int k = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, k)));
    }
}
