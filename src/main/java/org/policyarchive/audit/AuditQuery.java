package org.policyarchive.audit;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A filter on the audit log; every part is optional. Dates are calendar days in UTC, both ends included.
 *
 * @param username who acted (ignoring case)
 * @param action such as {@code USER_CREATED} (ignoring case)
 * @param objectType such as {@code user} or {@code record} (ignoring case)
 */
public record AuditQuery(
        @Nullable String username,
        @Nullable String action,
        @Nullable String objectType,
        @Nullable LocalDate from,
        @Nullable LocalDate to) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null);
    }
}
