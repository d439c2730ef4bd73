package org.policyarchive.system;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Something a reader asked for by its address does not exist (or is not public). Each kind of thing has its own
 * message key, so that the 404 page can say what was not found.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {

    private final String messageKey;
    private final Object[] messageArguments;

    /** {@code messageKey} names a message in the messages files; its arguments fill in {@code {0}}, {@code {1}}... */
    public NotFoundException(String messageKey, Object... messageArguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.messageArguments = messageArguments.clone();
    }

    public String getMessageKey() {
        return messageKey;
    }

    public Object[] getMessageArguments() {
        return messageArguments.clone();
    }
}
