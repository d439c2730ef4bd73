package org.policyarchive.system;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A form was submitted with a button the page does not have. */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class BadActionException extends RuntimeException {

    public BadActionException(String action) {
        super("unknown form action " + action);
    }
}
