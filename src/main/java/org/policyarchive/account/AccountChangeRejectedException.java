package org.policyarchive.account;

/**
 * A change to an account that the rules refuse (a short password, a taken username, a wrong current password). The
 * message is a key in {@code messages-account.properties}, so that forms can show it next to the field.
 */
public class AccountChangeRejectedException extends RuntimeException {

    private final String messageKey;

    AccountChangeRejectedException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String getMessageKey() {
        return messageKey;
    }
}
