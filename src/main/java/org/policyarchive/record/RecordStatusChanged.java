package org.policyarchive.record;

/** A record was published, unpublished, withdrawn or reinstated. */
public record RecordStatusChanged(long recordId, String slug, RecordStatus from, RecordStatus to) {

    public boolean withdrawn() {
        return to == RecordStatus.WITHDRAWN;
    }

    public boolean reinstated() {
        return from == RecordStatus.WITHDRAWN;
    }
}
