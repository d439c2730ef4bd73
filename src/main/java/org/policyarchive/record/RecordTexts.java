package org.policyarchive.record;

import java.sql.PreparedStatement;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.policyarchive.system.ArchiveProperties;
import org.policyarchive.system.SimilarTexts;
import org.policyarchive.system.TextFingerprint;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The records' texts as fingerprints ({@link TextFingerprint}), for telling an editor that a text about to come in is
 * already in the archive, the same or nearly. The fingerprints are worked out from the bodies on each call, read a few
 * hundred rows at a time: there is no stored column for them (yet), so a call costs one pass over the archive's text.
 */
@Component
public class RecordTexts {

    /** How alike two texts must be to count as nearly the same: most of their phrases in common. */
    public static final double NEARLY_THE_SAME = 0.8;

    private static final int FETCH_SIZE = 200;

    /** A record a text was found in. */
    public record RecordRef(long id, String slug, String title) {}

    private final JdbcTemplate jdbc;
    private final long maxRecords;

    RecordTexts(JdbcTemplate jdbc, ArchiveProperties archive) {
        this.jdbc = jdbc;
        this.maxRecords = archive.imports().duplicateCheckMaxRecords();
    }

    /**
     * Whether the archive is small enough for its texts to be compared with an incoming one
     * ({@code archive.imports.duplicate-check-max-records}): each comparison reads them all.
     */
    public boolean comparable() {
        return count() <= maxRecords;
    }

    /** The most texts a comparison may hold in memory ({@code archive.imports.duplicate-check-max-records}). */
    public long maxRecords() {
        return maxRecords;
    }

    /** How many records there are, texts or not. */
    public long count() {
        Long count = jdbc.queryForObject("select count(*) from record", Long.class);
        return count == null ? 0 : count;
    }

    /** Hands each record that has a text long enough for a fingerprint to {@code consumer}, in id order. */
    @Transactional(readOnly = true)
    public void forEachFingerprint(BiConsumer<RecordRef, TextFingerprint> consumer) {
        jdbc.query(
                connection -> {
                    PreparedStatement statement =
                            connection.prepareStatement("select id, slug, title, body from record order by id");
                    statement.setFetchSize(FETCH_SIZE);
                    return statement;
                },
                row -> {
                    TextFingerprint fingerprint = TextFingerprint.of(row.getString(4));
                    if (fingerprint != null) {
                        consumer.accept(new RecordRef(row.getLong(1), row.getString(2), row.getString(3)), fingerprint);
                    }
                });
    }

    /** An index of every record's text, to look many texts up in (a bulk import). */
    @Transactional(readOnly = true)
    public SimilarTexts<RecordRef> index() {
        SimilarTexts<RecordRef> index = new SimilarTexts<>(NEARLY_THE_SAME);
        forEachFingerprint(index::add);
        return index;
    }

    /** The record whose text is the same as {@code text}, or else the one most nearly the same, if any. */
    @Transactional(readOnly = true)
    public Optional<SimilarTexts.Match<RecordRef>> findLike(String text) {
        TextFingerprint wanted = TextFingerprint.of(text);
        if (wanted == null) {
            return Optional.empty();
        }
        SimilarTexts.Match<RecordRef>[] best = new SimilarTexts.Match[1];
        forEachFingerprint((record, fingerprint) -> {
            double likeness = fingerprint.likeness(wanted);
            if (likeness >= NEARLY_THE_SAME && (best[0] == null || likeness > best[0].likeness())) {
                best[0] = new SimilarTexts.Match<>(record, likeness);
            }
        });
        return Optional.ofNullable(best[0]);
    }
}
