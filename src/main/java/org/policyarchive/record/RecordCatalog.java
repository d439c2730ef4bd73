package org.policyarchive.record;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.policyarchive.person.Person;
import org.policyarchive.system.LikePatterns;
import org.policyarchive.system.Slugs;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The record module's facade for reading the archive. */
@Service
@Transactional(readOnly = true)
public class RecordCatalog {

    private final RecordRepository records;

    RecordCatalog(RecordRepository records) {
        this.records = records;
    }

    /** A record with its people, themes and notes, whatever its status. */
    public Optional<Record> findBySlug(String slug) {
        return records.findBySlug(slug);
    }

    /** The newest published records, by date. */
    public List<Record> findLatestPublished(int count) {
        return records.findLatestPublished(PageRequest.of(0, count));
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
