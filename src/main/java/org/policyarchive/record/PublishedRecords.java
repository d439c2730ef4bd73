package org.policyarchive.record;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.policyarchive.system.IdBlocks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads published records for the machines that follow the archive: feeds (the records with when they were added
 * and last changed) and sitemaps (every published record's slug, a block of ids at a time, never all at once).
 */
@Service
@Transactional(readOnly = true)
public class PublishedRecords {

    /** How much of the text a record without a summary is described by. */
    public static final int TEXT_START_LENGTH = 600;

    private static final String PUBLISHED = "status = 'PUBLISHED'";

    private final RecordListings listings;
    private final JdbcClient jdbc;

    PublishedRecords(RecordListings listings, JdbcClient jdbc) {
        this.listings = listings;
        this.jdbc = jdbc;
    }

    /**
     * The published records with these ids, in this order, as lists show them, with when each was added and last
     * changed and the start of its text; ids of records that no longer exist or are not published are skipped.
     */
    public List<ChangedRecord> changed(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Times> times = new HashMap<>();
        jdbc.sql("select id, created_at, updated_at, left(body, :length) from record where id in (:ids) and "
                        + PUBLISHED)
                .param("length", TEXT_START_LENGTH)
                .param("ids", ids)
                .query(rs -> {
                    times.put(
                            rs.getLong(1),
                            new Times(
                                    rs.getTimestamp(2).toInstant(),
                                    rs.getTimestamp(3).toInstant(),
                                    rs.getString(4)));
                });
        return listings.listings(ids, false).stream()
                .map(listing -> {
                    Times t = times.get(listing.id());
                    return t == null ? null : new ChangedRecord(listing, t.created(), t.updated(), t.textStart());
                })
                .filter(Objects::nonNull)
                .toList();
    }

    /** The blocks of {@code size} ids that hold published records, by number, with their newest change. */
    public SortedMap<Integer, Instant> blocks(int size) {
        return IdBlocks.blocks(jdbc, "record", PUBLISHED, size);
    }

    /** Hands the slug and last change of each published record of one block to {@code row}, in the order of ids. */
    public void forEachIn(int block, int size, BiConsumer<String, Instant> row) {
        IdBlocks.forEachIn(jdbc, "record", PUBLISHED, block, size, row);
    }

    /**
     * A published record as a list shows it, when it entered the archive and when it last changed, and the first
     * {@value #TEXT_START_LENGTH} characters of its text.
     */
    public record ChangedRecord(
            RecordListing listing,
            Instant created,
            Instant updated,
            @Nullable String textStart) {}

    private record Times(
            Instant created, Instant updated, @Nullable String textStart) {}
}
