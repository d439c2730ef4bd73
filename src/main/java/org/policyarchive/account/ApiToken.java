package org.policyarchive.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A user's key for the JSON API: its name, the SHA-256 of its secret (never the secret), and when it was used. */
@Entity
@Table(name = "api_token")
class ApiToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false, updatable = false)
    private UserAccount user;

    @Column(nullable = false, length = 100, updatable = false)
    private String name;

    @Column(name = "token_hash", nullable = false, length = 64, updatable = false)
    private String tokenHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_used_at")
    private @Nullable Instant lastUsedAt;

    @Column(name = "revoked_at")
    private @Nullable Instant revokedAt;

    @Column(name = "revoked_by", length = 100)
    private @Nullable String revokedBy;

    protected ApiToken() {
        // for JPA
    }

    ApiToken(UserAccount user, String name, String tokenHash, Instant createdAt) {
        this.user = user;
        this.name = name;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
    }

    @Nullable
    Long getId() {
        return id;
    }

    UserAccount getUser() {
        return user;
    }

    String getName() {
        return name;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    @Nullable
    Instant getLastUsedAt() {
        return lastUsedAt;
    }

    @Nullable
    Instant getRevokedAt() {
        return revokedAt;
    }

    @Nullable
    String getRevokedBy() {
        return revokedBy;
    }

    boolean isRevoked() {
        return revokedAt != null;
    }

    void revoke(String by, Instant now) {
        this.revokedAt = now;
        this.revokedBy = by;
    }

    ApiTokenView view() {
        return new ApiTokenView(
                id == null ? 0 : id, name, user.getUsername(), createdAt, lastUsedAt, revokedAt, revokedBy);
    }
}
