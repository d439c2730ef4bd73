package org.policyarchive.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyarchive.account.AccountTestSupport.uniqueAddress;
import static org.policyarchive.account.AccountTestSupport.uniqueUsername;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.policyarchive.testing.CleanArchive;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The throttle's window against PostgreSQL, with the clock set by the test instead of waited for. */
@SpringBootTest
@CleanArchive
class LoginThrottleIntegrationTests {

    static final Instant START = Instant.parse("2030-01-01T10:00:00Z");

    @Autowired
    JdbcClient jdbc;

    LoginThrottle at(Instant instant) {
        return new LoginThrottle(jdbc, Clock.fixed(instant, ZoneOffset.UTC));
    }

    @Test
    void blocksUntilTheOldestCountedFailureLeavesTheWindow() {
        String username = uniqueUsername("victim");
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            at(START.plusSeconds(60L * i)).recordFailure(username, uniqueAddress());
        }
        String address = uniqueAddress();

        assertThat(at(START.plusSeconds(240)).waitBeforeNextAttempt(username, address))
                .contains(Duration.ofMinutes(11));
        assertThat(at(START.plus(LoginThrottle.WINDOW).minusSeconds(1)).waitBeforeNextAttempt(username, address))
                .contains(Duration.ofSeconds(1));
        assertThat(at(START.plus(LoginThrottle.WINDOW)).waitBeforeNextAttempt(username, address))
                .isEmpty();
    }

    @Test
    void allowsFourFailuresAndCountsAccountsIgnoringCase() {
        String username = uniqueUsername("Victim");
        for (int i = 0; i < LoginThrottle.MAX_FAILURES - 1; i++) {
            at(START).recordFailure(username, uniqueAddress());
        }
        assertThat(at(START).waitBeforeNextAttempt(username, uniqueAddress())).isEmpty();

        at(START).recordFailure(username.toUpperCase(), uniqueAddress());

        assertThat(at(START).waitBeforeNextAttempt(username.toLowerCase(), uniqueAddress()))
                .contains(LoginThrottle.WINDOW);
    }

    @Test
    void blocksAnAddressWhateverAccountItTries() {
        String address = uniqueAddress();
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            at(START).recordFailure(uniqueUsername("guess"), address);
        }

        assertThat(at(START.plusSeconds(30)).waitBeforeNextAttempt(uniqueUsername("other"), address))
                .contains(LoginThrottle.WINDOW.minusSeconds(30));
        assertThat(at(START.plusSeconds(30)).waitBeforeNextAttempt(uniqueUsername("other"), uniqueAddress()))
                .isEmpty();
    }

    @Test
    void successClearsTheAccountsFailures() {
        String username = uniqueUsername("victim");
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            at(START).recordFailure(username, uniqueAddress());
        }

        at(START).recordSuccess(username);

        assertThat(at(START).waitBeforeNextAttempt(username, uniqueAddress())).isEmpty();
    }

    @Test
    void roundsTheWaitUpToWholeMinutes() {
        assertThat(new LoginThrottledException(Duration.ofSeconds(61)).getWaitMinutes())
                .isEqualTo(2);
        assertThat(new LoginThrottledException(Duration.ofSeconds(1)).getWaitMinutes())
                .isEqualTo(1);
        assertThat(new LoginThrottledException(Duration.ofMinutes(15)).getWaitMinutes())
                .isEqualTo(15);
    }
}
