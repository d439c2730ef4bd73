package org.policyarchive.record;

/**
 * A record's content changed: saved from the form, restored from an earlier revision, or changed because a person it
 * names was merged into another. {@code changes} names what changed, as the record's history would.
 */
public record RecordChanged(long recordId, String slug, Cause cause, String changes) {

    /** What made the change. */
    public enum Cause {
        EDITED,
        RESTORED,
        PEOPLE_MERGED
    }
}
