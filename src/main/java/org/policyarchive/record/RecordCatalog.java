package org.policyarchive.record;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.policyarchive.system.LikePatterns;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
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

    /** The newest published records, by date, as lists show them. */
    public List<RecordListing> findLatestPublished(int count) {
        return listings.listings(records.findLatestPublishedIds(PageRequest.of(0, count)), false);
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

    /**
     * The published records naming a person, by role: how many in each role, and the newest {@code perRole} of them as
     * lists show them. A record is read once even when the person has several roles in it.
     */
    public Map<Role, Parts> findPublishedByRole(long personId, int perRole) {
        Map<Role, List<Long>> idsByRole = new EnumMap<>(Role.class);
        // a person has at most one part per record and role (unique in the schema), so no id repeats within a role
        for (Object[] part : records.findParts(personId, RecordStatus.PUBLISHED)) {
            idsByRole.computeIfAbsent((Role) part[1], role -> new ArrayList<>()).add((Long) part[0]);
        }
        Map<Long, RecordListing> shown = new HashMap<>();
        findListings(idsByRole.values().stream()
                        .flatMap(ids -> ids.stream().limit(perRole))
                        .distinct()
                        .toList())
                .forEach(listing -> shown.put(listing.id(), listing));
        Map<Role, Parts> byRole = new EnumMap<>(Role.class);
        idsByRole.forEach((role, ids) -> byRole.put(
                role,
                new Parts(
                        ids.size(),
                        ids.stream()
                                .limit(perRole)
                                .map(shown::get)
                                .filter(Objects::nonNull)
                                .toList())));
        return byRole;
    }

    /** How many published records name a person in one role, and the newest of them. */
    public record Parts(long total, List<RecordListing> newest) {}

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
