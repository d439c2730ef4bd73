package org.policyarchive.ingest;

/** Thrown when a line or a file cannot become a record; the message is the reason shown to the user. */
class RejectedInput extends Exception {

    RejectedInput(String reason) {
        super(reason, null, false, false);
    }

    String reason() {
        return getMessage();
    }
}
