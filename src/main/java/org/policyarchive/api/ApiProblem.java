package org.policyarchive.api;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A request the API answers with a problem: its status, the message (a key of the messages files with its
 * arguments) that becomes the problem's detail, and fields of its own (the parameter at fault, the current record).
 */
class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String messageKey;
    private final Object[] arguments;
    private final Map<String, Object> extensions;

    ApiProblem(HttpStatus status, String messageKey, Object... arguments) {
        this(status, Map.of(), messageKey, arguments);
    }

    ApiProblem(HttpStatus status, Map<String, Object> extensions, String messageKey, Object... arguments) {
        super(messageKey, null, false, false);
        this.status = status;
        this.messageKey = messageKey;
        this.arguments = arguments;
        this.extensions = Map.copyOf(extensions);
    }

    static ApiProblem badParameter(String parameter, String messageKey, Object... arguments) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, Map.of("parameter", parameter), messageKey, arguments);
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

    Map<String, Object> extensions() {
        return extensions;
    }
}
