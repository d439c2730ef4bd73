package org.policyarchive.imports;

import java.util.List;

/**
 * A line of an import whose text was already in the archive or in an earlier line of the file, as the report shows it:
 * stored among the job's rejected lines (import_error) under a key of its own, read back apart from them.
 */
public record DuplicateWarning(
        long lineNumber, boolean same, int percent, long recordId, String title, long earlierLine) {

    static final String SAME = "import.duplicate.same";
    static final String NEAR = "import.duplicate.near";

    /** The stored keys start with this: what tells a warning from a rejected line. */
    static final String KEY_PREFIX = "import.duplicate.";

    static DuplicateWarning of(long lineNumber, ImportMessage message) {
        List<Object> arguments = message.arguments();
        return new DuplicateWarning(
                lineNumber,
                SAME.equals(message.key()),
                ((Number) arguments.get(0)).intValue(),
                ((Number) arguments.get(1)).longValue(),
                String.valueOf(arguments.get(2)),
                ((Number) arguments.get(3)).longValue());
    }

    /** Whether the text was found in a record that an earlier line of the same file made. */
    public boolean fromThisFile() {
        return earlierLine != DuplicateCheck.Found.NOT_FROM_THIS_FILE;
    }
}
