package org.policyarchive.account;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An API token as the token page lists it: everything but its secret, which is shown only once. */
public record ApiTokenView(
        long id,
        String name,
        String username,
        Instant createdAt,
        @Nullable Instant lastUsedAt,
        @Nullable Instant revokedAt,
        @Nullable String revokedBy) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
