package org.policyarchive.ingest;

/** Where a bulk import stands. */
enum ImportStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    CANCELLED,
    FAILED;

    boolean isFinished() {
        return this == SUCCEEDED || this == CANCELLED || this == FAILED;
    }
}
