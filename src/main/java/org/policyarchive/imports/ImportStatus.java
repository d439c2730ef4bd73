package org.policyarchive.imports;

/** Where a bulk import stands. */
public enum ImportStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    CANCELLED,
    FAILED,
    /** The process running it stopped (crash, restart) before the job could finish. */
    INTERRUPTED;

    boolean isFinished() {
        return this == SUCCEEDED || this == CANCELLED || this == FAILED || this == INTERRUPTED;
    }
}
