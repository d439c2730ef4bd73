package org.policyarchive.account;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No account has the given username. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class UnknownAccountException extends RuntimeException {

    UnknownAccountException(String username) {
        super("No account named " + username);
    }
}
