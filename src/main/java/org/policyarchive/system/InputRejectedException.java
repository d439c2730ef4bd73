package org.policyarchive.system;

import org.springframework.http.HttpStatus;

/**
 * Input that cannot be taken, such as an upload of the wrong type or an import file that is empty: the status to
 * answer with, the message (a key with arguments) that says what was wrong and what would be accepted, and the page
 * to go back to.
 */
public class InputRejectedException extends RuntimeException {

    private final HttpStatus status;
    private final String backPath;
    private final String messageKey;
    private final Object[] arguments;

    public InputRejectedException(HttpStatus status, String backPath, String messageKey, Object... arguments) {
        super(messageKey, null, false, false);
        this.status = status;
        this.backPath = backPath;
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public HttpStatus status() {
        return status;
    }

    public String backPath() {
        return backPath;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
