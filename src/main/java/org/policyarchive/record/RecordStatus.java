package org.policyarchive.record;

/** Where a record stands: only published records are shown to the public. */
public enum RecordStatus {
    DRAFT,
    PUBLISHED,
    WITHDRAWN
}
