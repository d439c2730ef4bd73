package org.policyarchive.record.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/** One line of a record's history. */
public record RevisionSummary(
        int number,
        Instant createdAt,
        @Nullable String createdBy,
        @Nullable String comment) {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    public String when() {
        return WHEN.format(createdAt);
    }
}
