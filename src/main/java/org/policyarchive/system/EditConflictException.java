package org.policyarchive.system;

/**
 * Someone saved what an editor is changing (a record, a person, a theme) after the editor opened it: the form was
 * based on an older version.
 */
public class EditConflictException extends RuntimeException {

    private final long id;
    private final long currentVersion;

    public EditConflictException(long id, long currentVersion) {
        super("object " + id + " is now at version " + currentVersion);
        this.id = id;
        this.currentVersion = currentVersion;
    }

    public long getId() {
        return id;
    }

    public long getCurrentVersion() {
        return currentVersion;
    }
}
