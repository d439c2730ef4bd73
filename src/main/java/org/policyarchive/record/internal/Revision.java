package org.policyarchive.record.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/** One saved state of a record: the snapshot after a change, who made it, when and why. */
@Entity
@Table(name = "revision")
class Revision {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "revision_ids")
    @SequenceGenerator(name = "revision_ids", sequenceName = "revision_id_seq", allocationSize = 50)
    private @Nullable Long id;

    @Column(name = "record_id", nullable = false)
    private long recordId;

    @Column(nullable = false)
    private int number;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    private String snapshot;

    @Column(name = "created_by", length = 100)
    private @Nullable String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.now();

    @Column(length = 500)
    private @Nullable String comment;

    protected Revision() {
        // for JPA
    }

    Revision(long recordId, int number, String snapshot, @Nullable String createdBy, @Nullable String comment) {
        this.recordId = recordId;
        this.number = number;
        this.snapshot = snapshot;
        this.createdBy = createdBy;
        this.comment = comment;
    }

    long getRecordId() {
        return recordId;
    }

    int getNumber() {
        return number;
    }

    String getSnapshot() {
        return snapshot;
    }

    @Nullable
    String getCreatedBy() {
        return createdBy;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    @Nullable
    String getComment() {
        return comment;
    }
}
