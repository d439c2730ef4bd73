package org.policyarchive.record;

import java.util.List;
import java.util.Optional;
import org.policyarchive.system.Slugs;
import org.springframework.data.domain.PageRequest;
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

    /** A slug for {@code title} that no record uses yet. */
    public String uniqueSlug(String title) {
        return Slugs.unique(title, records::existsBySlug);
    }

    public long countPublished() {
        return records.countByStatus(RecordStatus.PUBLISHED);
    }
}
