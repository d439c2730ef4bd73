package org.policyarchive.record;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.policyarchive.system.LikePatterns;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The record module's facade for reading the archive. */
@Service
@Transactional(readOnly = true)
public class RecordCatalog {

    private final RecordRepository records;
    private final RecordListings listings;
    private final JdbcClient jdbc;

    RecordCatalog(RecordRepository records, RecordListings listings, JdbcClient jdbc) {
        this.records = records;
        this.listings = listings;
        this.jdbc = jdbc;
    }

    /** A record with its people, themes, notes and translation, whatever its status. */
    public Optional<Record> findBySlug(String slug) {
        Optional<Record> record = records.findBySlug(slug);
        record.ifPresent(r -> {
            r.getThemes().size();
            r.getNotes().size();
            if (r.getTranslation() != null) {
                r.getTranslation().getSlug();
            }
        });
        return record;
    }

    /**
     * The records with these ids, in this order, as a list of search results shows them, with their text for the
     * snippets; ids of records that no longer exist are skipped (a search index may name a record deleted since).
     */
    public List<RecordListing> findListingsWithText(List<Long> ids) {
        return listings.listings(ids, true);
    }

    /** The records with these ids, in this order, as lists show them; ids of records that no longer exist are skipped. */
    public List<RecordListing> findListings(List<Long> ids) {
        return listings.listings(ids, false);
    }

    public Optional<Record> findById(long id) {
        return records.findById(id);
    }

    /**
     * The records with these ids, in this order, whatever their status, in one statement; their people, themes and
     * notes load lazily in batches within the caller's transaction. Ids of records that no longer exist are skipped.
     */
    public List<Record> findAllById(List<Long> ids) {
        Map<Long, Record> byId = new HashMap<>();
        records.findAllById(ids).forEach(record -> byId.put(record.getId(), record));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    public boolean existsBySlug(String slug) {
        return records.existsBySlug(slug);
    }

    /** Records of any of {@code statuses} whose title or slug contains {@code text}, for the admin list. */
    public Page<Record> findForAdmin(Collection<RecordStatus> statuses, String text, Pageable pageable) {
        return records.findByStatusInAndText(statuses, LikePatterns.containing(text), pageable);
    }

    public long countPublished() {
        return records.countByStatus(RecordStatus.PUBLISHED);
    }

    /** How many records there are, whatever their status. */
    public long count() {
        return records.count();
    }

    /** The id of every record, whatever its status. */
    public Set<Long> findAllIds() {
        return new HashSet<>(jdbc.sql("select id from record").query(Long.class).list());
    }

    /** When each record changed last, for the records changed at or after {@code since}, by id. */
    public Map<Long, Instant> findChangedSince(Instant since) {
        Map<Long, Instant> changed = new HashMap<>();
        jdbc.sql("select id, updated_at from record where updated_at >= ?")
                .param(java.sql.Timestamp.from(since))
                .query(rs -> {
                    changed.put(rs.getLong(1), rs.getTimestamp(2).toInstant());
                });
        return changed;
    }
}
