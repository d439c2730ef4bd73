package org.policyarchive.ingest;

/** Someone saved the record after the editor opened it: the editor's form was based on an older version. */
public class EditConflictException extends RuntimeException {

    private final long recordId;
    private final long currentVersion;

    EditConflictException(long recordId, long currentVersion) {
        super("record " + recordId + " is now at version " + currentVersion);
        this.recordId = recordId;
        this.currentVersion = currentVersion;
    }

    public long getRecordId() {
        return recordId;
    }

    public long getCurrentVersion() {
        return currentVersion;
    }
}
