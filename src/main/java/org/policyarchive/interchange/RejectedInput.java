package org.policyarchive.interchange;

import java.util.Arrays;

/**
 * Why a line (or a CSV row, or an uploaded JSON file) cannot become a record: a key of the messages files with its
 * arguments, so that the reason reads in the reader's language wherever it is shown.
 */
public class RejectedInput extends Exception {

    private final String messageKey;
    private final Object[] arguments;

    public RejectedInput(String messageKey, Object... arguments) {
        super(messageKey + Arrays.toString(arguments), null, false, false);
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
