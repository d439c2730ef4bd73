package org.policyarchive.record;

/** A record was deleted for good, with its revisions. */
public record RecordDeleted(long recordId, String slug, String title) {}
