package org.policyarchive.ingest;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** An admin URL named a record, revision, person or theme that does not exist. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class NotFoundException extends RuntimeException {

    NotFoundException(String what) {
        super(what + " not found");
    }
}
