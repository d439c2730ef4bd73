package org.policyarchive.imports;

import java.util.Arrays;
import java.util.List;

/**
 * Something the import says to a reader (why a line was rejected, what became of a job): a key of the messages files
 * with its arguments, stored as such, so that it reads in each reader's language.
 */
public record ImportMessage(String key, List<Object> arguments) {

    public ImportMessage {
        arguments = List.copyOf(arguments);
    }

    static ImportMessage of(String key, Object... arguments) {
        return new ImportMessage(key, Arrays.asList(arguments));
    }

    /** The arguments as the message source takes them. */
    public Object[] argumentArray() {
        return arguments.toArray();
    }
}
