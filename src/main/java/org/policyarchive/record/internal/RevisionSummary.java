package org.policyarchive.record.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One line of a record's history; the page shows its time as every instant ({@code fragments :: instant}). */
public record RevisionSummary(
        int number,
        Instant createdAt,
        @Nullable String createdBy,
        @Nullable String comment) {}
