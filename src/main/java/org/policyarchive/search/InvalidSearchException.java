package org.policyarchive.search;

/** A search that cannot run as asked, with the message (a key of messages-search.properties) that says why. */
class InvalidSearchException extends RuntimeException {

    private final String messageCode;
    private final Object[] arguments;

    InvalidSearchException(String messageCode, Object... arguments) {
        super(messageCode);
        this.messageCode = messageCode;
        this.arguments = arguments;
    }

    String messageCode() {
        return messageCode;
    }

    Object[] arguments() {
        return arguments;
    }
}
