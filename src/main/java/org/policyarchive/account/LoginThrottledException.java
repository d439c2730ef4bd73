package org.policyarchive.account;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A sign-in refused without checking the password, because too many attempts failed recently. */
class LoginThrottledException extends AuthenticationException {

    private final Duration wait;

    LoginThrottledException(Duration wait) {
        super("Too many failed sign-in attempts");
        this.wait = wait;
    }

    Duration getWait() {
        return wait;
    }

    /** The wait in whole minutes, rounded up, at least one. */
    long getWaitMinutes() {
        return Math.max(1, (wait.toSeconds() + 59) / 60);
    }
}
