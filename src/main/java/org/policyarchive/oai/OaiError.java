package org.policyarchive.oai;

/**
 * A protocol error: answered with HTTP 200 and an {@code <error code="...">}, as OAI-PMH requires. HTTP errors are
 * only for what is wrong below the protocol (a method or a media type the endpoint does not take).
 */
final class OaiError extends Exception {

    static final String BAD_ARGUMENT = "badArgument";
    static final String BAD_RESUMPTION_TOKEN = "badResumptionToken";
    static final String BAD_VERB = "badVerb";
    static final String CANNOT_DISSEMINATE_FORMAT = "cannotDisseminateFormat";
    static final String ID_DOES_NOT_EXIST = "idDoesNotExist";
    static final String NO_RECORDS_MATCH = "noRecordsMatch";
    static final String NO_METADATA_FORMATS = "noMetadataFormats";

    private final String code;

    OaiError(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    String code() {
        return code;
    }

    /** Whether the request element of the answer must carry no arguments (the protocol says so for these two). */
    boolean echoesNoArguments() {
        return code.equals(BAD_VERB) || code.equals(BAD_ARGUMENT);
    }
}
