package org.policyarchive.record;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.policyarchive.system.SimilarTexts;
import org.policyarchive.system.TextFingerprint;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The records' texts as fingerprints ({@link TextFingerprint}), for telling an editor that a text about to come in is
 * already in the archive, the same or nearly. Each record's fingerprint is stored with it, in
 * {@code record_text_fingerprint} ({@link RecordEditor} writes it with the text), so a look-up is one indexed query
 * by hash and, when that finds nothing, one by band keys ({@code record_text_band}), whose few candidates are compared here: its cost does not
 * grow with the archive. Records written before the table existed get theirs from {@link RecordFingerprintFiller};
 * until it is done, a look-up finds only the texts already fingerprinted.
 */
@Component
public class RecordTexts {

    /** How alike two texts must be to count as nearly the same: most of their phrases in common. */
    public static final double NEARLY_THE_SAME = 0.8;

    /** A record a text was found in. */
    public record RecordRef(long id, String slug, String title) {}

    private static final String UPSERT = """
            insert into record_text_fingerprint (record_id, hash, sketch) values (?, ?, ?)
            on conflict (record_id) do update set hash = excluded.hash, sketch = excluded.sketch
            """;

    private static final String INSERT_MISSING = """
            insert into record_text_fingerprint (record_id, hash, sketch) values (?, ?, ?)
            on conflict (record_id) do nothing returning record_id
            """;

    private static final String INSERT_BAND =
            "insert into record_text_band (band_key, record_id) values (?, ?) on conflict do nothing";

    private static final String FOUND = """
            select f.record_id, r.slug, r.title, f.hash, f.sketch
            from record_text_fingerprint f join record r on r.id = f.record_id
            """;

    private final JdbcTemplate jdbc;

    RecordTexts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores (or replaces) the fingerprint of record {@code recordId}'s text, in the caller's transaction. */
    void store(long recordId, @Nullable TextFingerprint fingerprint) {
        jdbc.update(UPSERT, row(recordId, fingerprint));
        jdbc.update("delete from record_text_band where record_id = ?", recordId);
        storeBands(List.of(recordId), Collections.singletonList(fingerprint));
    }

    /** Stores the fingerprints of new records, in two batches, in the caller's transaction. */
    void storeAll(List<Long> recordIds, List<@Nullable TextFingerprint> fingerprints) {
        List<Object[]> rows = new ArrayList<>(recordIds.size());
        for (int i = 0; i < recordIds.size(); i++) {
            rows.add(row(recordIds.get(i), fingerprints.get(i)));
        }
        jdbc.batchUpdate(UPSERT, rows);
        storeBands(recordIds, fingerprints);
    }

    private void storeBands(List<Long> recordIds, List<@Nullable TextFingerprint> fingerprints) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < recordIds.size(); i++) {
            TextFingerprint fingerprint = fingerprints.get(i);
            if (fingerprint != null) {
                for (long key : fingerprint.bandKeys()) {
                    rows.add(new Object[] {key, recordIds.get(i)});
                }
            }
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(INSERT_BAND, rows);
        }
    }

    /** What one {@link #fillAfter} did: the last record it read (-1 when none was left) and how many it filled. */
    record Filled(long lastId, int count) {}

    /**
     * Fingerprints up to {@code limit} records after {@code afterId}, in id order, that have no fingerprint row yet:
     * records written before the table existed. The records read are locked against deletion until the rows are in,
     * and a row written meanwhile by an edit is left as it is: it holds the newer text.
     */
    @Transactional
    Filled fillAfter(long afterId, int limit) {
        List<Long> ids = new ArrayList<>(limit);
        List<@Nullable TextFingerprint> fingerprints = new ArrayList<>(limit);
        long[] last = {-1};
        jdbc.query(
                """
                select r.id, r.body from record r
                where r.id > ? and not exists (select 1 from record_text_fingerprint f where f.record_id = r.id)
                order by r.id limit ? for key share of r
                """,
                (RowCallbackHandler) result -> {
                    last[0] = result.getLong(1);
                    ids.add(result.getLong(1));
                    fingerprints.add(TextFingerprint.of(result.getString(2)));
                },
                afterId,
                limit);
        List<Long> inserted = new ArrayList<>(ids.size());
        List<@Nullable TextFingerprint> insertedFingerprints = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            // none when an edit has written the row meanwhile: its bands are the newer text's
            if (!jdbc.queryForList(INSERT_MISSING, Long.class, row(ids.get(i), fingerprints.get(i)))
                    .isEmpty()) {
                inserted.add(ids.get(i));
                insertedFingerprints.add(fingerprints.get(i));
            }
        }
        storeBands(inserted, insertedFingerprints);
        return new Filled(last[0], inserted.size());
    }

    /** How many records have no fingerprint row yet. */
    @Transactional(readOnly = true)
    long countMissing() {
        Long count = jdbc.queryForObject(
                "select count(*) from record r"
                        + " where not exists (select 1 from record_text_fingerprint f where f.record_id = r.id)",
                Long.class);
        return count == null ? 0 : count;
    }

    private static @Nullable Object[] row(long recordId, @Nullable TextFingerprint fingerprint) {
        return fingerprint == null
                ? new Object[] {recordId, null, null}
                : new Object[] {recordId, fingerprint.hashBytes(), fingerprint.sketchBytes()};
    }

    /** The record whose text is the same as {@code text}, or else the one most nearly the same, if any. */
    @Transactional(readOnly = true)
    public Optional<SimilarTexts.Match<RecordRef>> findLike(String text) {
        TextFingerprint wanted = TextFingerprint.of(text);
        return wanted == null
                ? Optional.empty()
                : findLike(List.of(wanted), List.of()).get(0);
    }

    /**
     * For each text of {@code wanted}, in order, the record whose text is the same, or else the one most nearly the
     * same, leaving out the records {@code excluded} (a batch's own): two queries however many texts are wanted.
     */
    @Transactional(readOnly = true)
    public List<Optional<SimilarTexts.Match<RecordRef>>> findLike(
            List<TextFingerprint> wanted, Collection<Long> excluded) {
        if (wanted.isEmpty()) {
            return List.of();
        }
        long[] leftOut = excluded.stream().mapToLong(Long::longValue).toArray();
        // in id order, so that of several records with the same text the first is the one found
        SimilarTexts<RecordRef> found = new SimilarTexts<>(NEARLY_THE_SAME);
        RowCallbackHandler add = row -> found.add(
                new RecordRef(row.getLong(1), row.getString(2), row.getString(3)),
                TextFingerprint.stored(row.getBytes(4), row.getBytes(5)));
        jdbc.query(
                FOUND + " where f.hash = any(?) and not f.record_id = any(?) order by f.record_id",
                add,
                wanted.stream().map(TextFingerprint::hashBytes).toArray(byte[][]::new),
                leftOut);
        Set<Long> bandKeys = new LinkedHashSet<>();
        for (TextFingerprint fingerprint : wanted) {
            if (found.find(fingerprint).filter(SimilarTexts.Match::same).isEmpty()) {
                for (long key : fingerprint.bandKeys()) {
                    bandKeys.add(key);
                }
            }
        }
        if (!bandKeys.isEmpty()) {
            jdbc.query(
                    FOUND
                            + " where f.record_id in (select b.record_id from record_text_band b where b.band_key = any(?))"
                            + " and not f.record_id = any(?) order by f.record_id",
                    add,
                    bandKeys.stream().mapToLong(Long::longValue).toArray(),
                    leftOut);
        }
        return wanted.stream().map(found::find).toList();
    }
}
