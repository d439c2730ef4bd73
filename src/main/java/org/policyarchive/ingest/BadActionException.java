package org.policyarchive.ingest;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A form was submitted with a button the page does not have. */
@ResponseStatus(HttpStatus.BAD_REQUEST)
class BadActionException extends RuntimeException {

    BadActionException(String action) {
        super("unknown form action " + action);
    }
}
