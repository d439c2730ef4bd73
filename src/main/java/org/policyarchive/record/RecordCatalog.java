package org.policyarchive.record;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.Hibernate;
import org.policyarchive.person.Person;
import org.policyarchive.system.LikePatterns;
import org.policyarchive.system.Slugs;
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

    /** How many records a page of {@link #browse} holds. */
    public static final int PAGE_SIZE = 20;

    private final RecordRepository records;
    private final RecordBrowsing browsing;
    private final JdbcClient jdbc;

    RecordCatalog(RecordRepository records, RecordBrowsing browsing, JdbcClient jdbc) {
        this.records = records;
        this.browsing = browsing;
        this.jdbc = jdbc;
    }

    /** A record with its people, themes, notes and translation, whatever its status. */
    public Optional<Record> findBySlug(String slug) {
        Optional<Record> record = records.findBySlug(slug);
        record.ifPresent(r -> {
            Hibernate.initialize(r.getThemes());
            Hibernate.initialize(r.getNotes());
            Hibernate.initialize(r.getTranslation());
        });
        return record;
    }

    /** The newest published records, by date, with their people and themes. */
    public List<Record> findLatestPublished(int count) {
        List<Long> ids = records.findLatestPublished(PageRequest.of(0, count)).stream()
                .map(Record::getId)
                .toList();
        return browsing.withPeopleAndThemes(ids);
    }

    /**
     * The records with these ids, in this order, as a list of search results shows them; ids of records that no longer
     * exist are skipped (a search index may name a record deleted since).
     */
    public List<RecordListing> findListings(List<Long> ids) {
        return browsing.listings(ids);
    }

    /**
     * Page {@code page} (from 1) of the published records matching {@code filter}, newest first ({@link #PAGE_SIZE}
     * a page), with their people and themes, and the facet counts.
     */
    public RecordPage browse(RecordFilter filter, int page) {
        return browsing.browse(filter, page, PAGE_SIZE);
    }

    /** A person's parts in published records, newest record first, with the records loaded. */
    public List<Participation> findPublishedParticipations(Person person) {
        return records.findParticipations(person, RecordStatus.PUBLISHED);
    }

    /** How many published records name each person, by person id. */
    public Map<Long, Long> countPublishedByPerson() {
        return counts("select pa.person_id as id, count(distinct pa.record_id) as n from participation pa"
                + " join record r on r.id = pa.record_id where r.status = 'PUBLISHED' group by pa.person_id");
    }

    /** How many published records carry each theme or one of its narrower themes, by theme id. */
    public Map<Long, Long> countPublishedByTheme() {
        return counts("select t.id as id, count(distinct r.id) as n from theme t"
                + " join theme tagged on tagged.id = t.id or tagged.parent_id = t.id"
                + " join record_theme rt on rt.theme_id = tagged.id"
                + " join record r on r.id = rt.record_id where r.status = 'PUBLISHED' group by t.id");
    }

    private Map<Long, Long> counts(String sql) {
        Map<Long, Long> counts = new HashMap<>();
        jdbc.sql(sql).query(rs -> {
            counts.put(rs.getLong("id"), rs.getLong("n"));
        });
        return counts;
    }

    public Optional<Record> findById(long id) {
        return records.findById(id);
    }

    @Transactional
    public Record save(Record record) {
        return records.save(record);
    }

    @Transactional
    public void delete(Record record) {
        records.delete(record);
    }

    /** Writes pending changes now, so that rows removed from a record are gone before new ones go in. */
    @Transactional
    public Record saveAndFlush(Record record) {
        return records.saveAndFlush(record);
    }

    public boolean existsBySlug(String slug) {
        return records.existsBySlug(slug);
    }

    /** Records of any of {@code statuses} whose title or slug contains {@code text}, for the admin list. */
    public Page<Record> findForAdmin(Collection<RecordStatus> statuses, String text, Pageable pageable) {
        return records.findByStatusInAndText(statuses, LikePatterns.containing(text), pageable);
    }

    /**
     * Moves every participation of {@code from} to {@code to}; where {@code to} already has the same role in a
     * record, the duplicate goes. Returns the records that changed.
     */
    @Transactional
    public List<Record> moveParticipations(Person from, Person to) {
        Set<Record> changed = new LinkedHashSet<>();
        for (Participation participation : records.findParticipationsOf(from)) {
            Record record = participation.getRecord();
            boolean duplicate = record.getParticipations().stream()
                    .anyMatch(other -> other.getPerson().equals(to) && other.getRole() == participation.getRole());
            if (duplicate) {
                record.getParticipations().remove(participation);
                record.renumberParticipations();
            } else {
                participation.setPerson(to);
            }
            changed.add(record);
        }
        records.flush();
        return List.copyOf(changed);
    }

    /** A slug for {@code title} that no record uses yet. */
    public String uniqueSlug(String title) {
        return Slugs.unique(title, records::existsBySlug);
    }

    public long countPublished() {
        return records.countByStatus(RecordStatus.PUBLISHED);
    }
}
