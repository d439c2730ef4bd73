package org.policyarchive.record;

/** A record was created one at a time (from the form or an upload; bulk imports announce {@link RecordsImported}). */
public record RecordCreated(long recordId, String slug, String title) {}
