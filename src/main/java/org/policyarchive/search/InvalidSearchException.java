package org.policyarchive.search;

/** A search that cannot run as asked, with the message (a key of messages-search.properties) that says why. */
public class InvalidSearchException extends RuntimeException {

    private final String messageCode;
    private final Object[] arguments;

    InvalidSearchException(String messageCode, Object... arguments) {
        super(messageCode);
        this.messageCode = messageCode;
        this.arguments = arguments;
    }

    public String messageCode() {
        return messageCode;
    }

    public Object[] arguments() {
        return arguments;
    }
}
