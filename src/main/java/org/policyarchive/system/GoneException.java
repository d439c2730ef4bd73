package org.policyarchive.system;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A page that existed and was deliberately taken down, such as a withdrawn record: answered with 410 Gone. */
@ResponseStatus(HttpStatus.GONE)
public class GoneException extends RuntimeException {

    private final String title;
    private final String messageKey;

    /** {@code title} names what was taken down; {@code messageKey} says why, as the 410 page shows it. */
    public GoneException(String title, String messageKey) {
        super(messageKey);
        this.title = title;
        this.messageKey = messageKey;
    }

    public String getTitle() {
        return title;
    }

    public String getMessageKey() {
        return messageKey;
    }
}
