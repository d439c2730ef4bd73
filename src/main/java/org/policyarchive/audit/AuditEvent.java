package org.policyarchive.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One entry of the audit log; never changed once written. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(length = 100, updatable = false)
    private @Nullable String username;

    @Column(name = "remote_address", length = 100, updatable = false)
    private @Nullable String remoteAddress;

    @Column(nullable = false, length = 60, updatable = false)
    private String action;

    @Column(name = "object_type", length = 60, updatable = false)
    private @Nullable String objectType;

    @Column(name = "object_id", length = 300, updatable = false)
    private @Nullable String objectId;

    @Column(updatable = false)
    private @Nullable String details;

    protected AuditEvent() {
        // for JPA
    }

    AuditEvent(
            Instant occurredAt,
            @Nullable String username,
            @Nullable String remoteAddress,
            String action,
            @Nullable String objectType,
            @Nullable String objectId,
            @Nullable String details) {
        this.occurredAt = occurredAt;
        this.username = username;
        this.remoteAddress = remoteAddress;
        this.action = action;
        this.objectType = objectType;
        this.objectId = objectId;
        this.details = details;
    }

    public @Nullable Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public @Nullable String getUsername() {
        return username;
    }

    public @Nullable String getRemoteAddress() {
        return remoteAddress;
    }

    public String getAction() {
        return action;
    }

    public @Nullable String getObjectType() {
        return objectType;
    }

    public @Nullable String getObjectId() {
        return objectId;
    }

    public @Nullable String getDetails() {
        return details;
    }
}
