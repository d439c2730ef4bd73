package org.policyarchive.ingest;

import org.springframework.http.HttpStatus;

/**
 * Bad input to an upload or import: the status to answer with, and the message key (with arguments) that tells
 * the user what was wrong and what would be accepted.
 */
class IngestRejection extends RuntimeException {

    private final HttpStatus status;
    private final String messageKey;
    private final Object[] arguments;

    IngestRejection(HttpStatus status, String messageKey, Object... arguments) {
        super(messageKey, null, false, false);
        this.status = status;
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    HttpStatus status() {
        return status;
    }

    String messageKey() {
        return messageKey;
    }

    Object[] arguments() {
        return arguments;
    }
}
