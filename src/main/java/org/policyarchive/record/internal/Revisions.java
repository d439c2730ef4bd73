package org.policyarchive.record.internal;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.policyarchive.record.Record;
import org.policyarchive.system.NotFoundException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A record's history: after every change, a full snapshot of the record as a numbered revision, with who made the
 * change and why. History pages, diffs and restores read only these snapshots.
 */
@Component
public class Revisions {

    private final RevisionRepository revisions;
    private final JsonMapper json;

    Revisions(RevisionRepository revisions, JsonMapper json) {
        this.revisions = revisions;
        this.json = json;
    }

    /** Stores the record as it is now as its next revision, in the caller's transaction. */
    public RecordSnapshot store(Record record, @Nullable String username, @Nullable String comment) {
        long recordId = Objects.requireNonNull(record.getId());
        RecordSnapshot snapshot = RecordSnapshot.of(record);
        revisions.save(new Revision(
                recordId,
                revisions.findLastNumber(recordId) + 1,
                json.writeValueAsString(snapshot),
                username,
                comment));
        return snapshot;
    }

    /** Stores the first revision of each of these new records, without asking for their last numbers. */
    public void storeFirst(List<Record> created, @Nullable String username, @Nullable String comment) {
        revisions.saveAll(created.stream()
                .map(record -> new Revision(
                        Objects.requireNonNull(record.getId()),
                        1,
                        json.writeValueAsString(RecordSnapshot.of(record)),
                        username,
                        comment))
                .toList());
    }

    public List<RevisionSummary> history(long recordId) {
        return revisions.findByRecordIdOrderByNumberDesc(recordId).stream()
                .map(r -> new RevisionSummary(r.getNumber(), r.getCreatedAt(), r.getCreatedBy(), r.getComment()))
                .toList();
    }

    public RecordSnapshot snapshot(long recordId, int number) {
        Revision revision = revisions
                .findByRecordIdAndNumber(recordId, number)
                .orElseThrow(() -> new NotFoundException(
                        "admin.notFound.revision", String.valueOf(number), String.valueOf(recordId)));
        return json.readValue(revision.getSnapshot(), RecordSnapshot.class);
    }
}
