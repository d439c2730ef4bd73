package org.policyarchive.record;

import java.util.List;

/** A draft that breaks the record's rules was given to be saved; nothing was saved. */
public class RecordRejectedException extends RuntimeException {

    private final List<RecordViolation> violations;

    RecordRejectedException(List<RecordViolation> violations) {
        super("the record breaks its rules: " + violations);
        this.violations = List.copyOf(violations);
    }

    public List<RecordViolation> violations() {
        return violations;
    }
}
