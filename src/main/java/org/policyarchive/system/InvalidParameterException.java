package org.policyarchive.system;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A request parameter that cannot be used, such as {@code ?page=abc} or {@code ?year=99999}: the 400 page names the
 * parameter, the value given and, through {@code reasonKey}, what the parameter accepts.
 */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class InvalidParameterException extends RuntimeException {

    private final String parameter;
    private final String value;
    private final String reasonKey;

    public InvalidParameterException(String parameter, String value, String reasonKey) {
        super("Invalid parameter " + parameter);
        this.parameter = parameter;
        this.value = value;
        this.reasonKey = reasonKey;
    }

    public String getParameter() {
        return parameter;
    }

    public String getValue() {
        return value;
    }

    public String getReasonKey() {
        return reasonKey;
    }
}
