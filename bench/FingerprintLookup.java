import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.policyarchive.record.RecordTexts;
import org.policyarchive.system.TextFingerprint;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The cost of one upload's check for texts already there ({@code RecordTexts.findLike}) on an archive's database,
 * beside the two SQL look-ups it makes, measured alone with EXPLAIN ANALYZE in the same run. Run by
 * bench/fingerprint_lookup.sh. Texts: records' bodies with their first paragraph left out (nearly the same: the hash
 * misses, the bands find it), the bodies themselves (the same: the hash finds it), and bodies with every word turned
 * round (in no record: both queries run and find nothing).
 */
public class FingerprintLookup {

    static final String FOUND = "select f.record_id, r.slug, r.title, f.hash, f.sketch"
            + " from record_text_fingerprint f join record r on r.id = f.record_id";

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int samples = Integer.parseInt(args.length > 1 ? args[1] : "100");
        int rounds = Integer.parseInt(args.length > 2 ? args[2] : "5");
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, "postgres", "", true);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Constructor<RecordTexts> constructor = RecordTexts.class.getDeclaredConstructor(JdbcTemplate.class);
        constructor.setAccessible(true);
        RecordTexts texts = constructor.newInstance(jdbc);

        long records = jdbc.queryForObject("select count(*) from record", Long.class);
        long fingerprinted =
                jdbc.queryForObject("select count(*) from record_text_fingerprint where hash is not null", Long.class);
        System.out.printf("records: %,d, fingerprinted: %,d%n", records, fingerprinted);
        for (Map<String, Object> row : jdbc.queryForList("""
                select relname, pg_size_pretty(pg_total_relation_size(oid)) as size from pg_class
                where relname like 'record_text_%' order by relname""")) {
            System.out.printf("  %s: %s%n", row.get("relname"), row.get("size"));
        }
        List<String> bodies = jdbc.queryForList(
                "select body from record where id in (select id from record order by md5(id::text) limit ?)",
                String.class,
                samples);
        List<String> nearly = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String body : bodies) {
            int cut = body.indexOf("\n\n");
            nearly.add(cut > 0 && cut < body.length() / 4 ? body.substring(cut + 2) : body.substring(body.length() / 8));
            unknown.add(Arrays.stream(body.split(" "))
                    .map(word -> new StringBuilder(word).reverse().toString())
                    .reduce((a, b) -> a + " " + b)
                    .orElse(body));
        }
        for (int warmUp = 0; warmUp < 2; warmUp++) {
            nearly.forEach(texts::findLike);
            bodies.forEach(texts::findLike);
            unknown.forEach(texts::findLike);
        }
        List<Double> fingerprintMillis = new ArrayList<>();
        for (String text : nearly) {
            long start = System.nanoTime();
            TextFingerprint.of(text);
            fingerprintMillis.add((System.nanoTime() - start) / 1e6);
        }
        System.out.printf(
                "fingerprinting the texts alone (part of each findLike): %s, texts of %,d characters on average%n",
                summary(fingerprintMillis),
                Math.round(nearly.stream().mapToInt(String::length).average().orElse(0)));
        report("nearly the same", texts, nearly, rounds);
        report("the same", texts, bodies, rounds);
        report("in no record", texts, unknown, rounds);

        // the two look-ups alone, for the texts nearly the same, as findLike sends them
        List<Double> hashMillis = new ArrayList<>();
        List<Double> bandMillis = new ArrayList<>();
        List<Long> candidates = new ArrayList<>();
        String hashPlan = null;
        String bandPlan = null;
        for (int round = 0; round < rounds; round++) {
            for (String text : nearly) {
                TextFingerprint fingerprint = TextFingerprint.of(text);
                if (fingerprint == null) {
                    continue;
                }
                List<String> plan = jdbc.queryForList(
                        "explain (analyze, buffers) " + FOUND
                                + " where f.hash = any(?) and not f.record_id = any(?) order by f.record_id",
                        String.class,
                        new byte[][] {fingerprint.hashBytes()},
                        new long[0]);
                hashMillis.add(executionMillis(plan));
                hashPlan = String.join("\n", plan);
                plan = jdbc.queryForList(
                        "explain (analyze, buffers) " + FOUND
                                + " where f.record_id in (select b.record_id from record_text_band b"
                                + " where b.band_key = any(?)) and not f.record_id = any(?) order by f.record_id",
                        String.class,
                        fingerprint.bandKeys(),
                        new long[0]);
                bandMillis.add(executionMillis(plan));
                bandPlan = String.join("\n", plan);
                if (round == 0) {
                    candidates.add(jdbc.queryForObject(
                            "select count(distinct record_id) from record_text_band where band_key = any(?)",
                            Long.class,
                            fingerprint.bandKeys()));
                }
            }
        }
        System.out.printf("EXPLAIN ANALYZE, execution time of the hash query: %s%n", summary(hashMillis));
        System.out.printf("EXPLAIN ANALYZE, execution time of the bands query: %s%n", summary(bandMillis));
        candidates.sort(null);
        System.out.printf(
                "candidates the bands query returns: median %d, max %d%n",
                candidates.get(candidates.size() / 2),
                candidates.get(candidates.size() - 1));
        System.out.println("last hash plan:\n" + hashPlan);
        System.out.println("last bands plan:\n" + bandPlan);
        dataSource.destroy();
    }

    private static void report(String what, RecordTexts texts, List<String> wanted, int rounds) {
        List<Double> millis = new ArrayList<>();
        int found = 0;
        for (int round = 0; round < rounds; round++) {
            for (String text : wanted) {
                long start = System.nanoTime();
                Optional<?> match = texts.findLike(text);
                millis.add((System.nanoTime() - start) / 1e6);
                found += match.isPresent() ? 1 : 0;
            }
        }
        System.out.printf(
                "findLike, %s: %s (found %d of %d)%n", what, summary(millis), found / rounds, wanted.size());
    }

    private static double executionMillis(List<String> plan) {
        return plan.stream()
                .filter(line -> line.startsWith("Execution Time:"))
                .mapToDouble(line -> Double.parseDouble(line.replaceAll("[^0-9.]", "")))
                .findFirst()
                .orElseThrow();
    }

    private static String summary(List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        sorted.sort(null);
        return "median %.2f ms, p90 %.2f ms, max %.2f ms over %d".formatted(
                sorted.get(sorted.size() / 2),
                sorted.get(sorted.size() * 9 / 10),
                sorted.get(sorted.size() - 1),
                sorted.size());
    }
}
