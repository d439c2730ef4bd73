package org.policyarchive.record;

/**
 * A rule a record draft breaks: the field (as the record form names it, such as {@code title} or
 * {@code people[2].role}) and the message, a key of the messages files with its arguments.
 */
public record RecordViolation(String field, String messageKey, Object... arguments) {

    public RecordViolation {
        arguments = arguments.clone();
    }

    @Override
    public Object[] arguments() {
        return arguments.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecordViolation that
                && field.equals(that.field)
                && messageKey.equals(that.messageKey)
                && java.util.Arrays.equals(arguments, that.arguments);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * field.hashCode() + messageKey.hashCode()) + java.util.Arrays.hashCode(arguments);
    }

    @Override
    public String toString() {
        return field + ": " + messageKey + java.util.Arrays.toString(arguments);
    }
}
