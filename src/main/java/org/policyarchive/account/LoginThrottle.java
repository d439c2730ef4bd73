package org.policyarchive.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@value #MAX_FAILURES} failed sign-ins within {@link #WINDOW} for one account
 * or from one address, or {@value #MAX_NETWORK_FAILURES} from one network, further attempts wait until the oldest of
 * those failures leaves the window. The failures live in PostgreSQL, so every app node counts the same attempts. A
 * successful sign-in clears the account's failures. A browser the account signed in with before is not held back
 * by the account's or the address's failures ({@link TrustedBrowsers}), so that nobody can lock the owner out.
 */
@Component
class LoginThrottle {

    static final int MAX_FAILURES = 5;

    /** Several people behind one network (an office, a university) mistype too; an attacker's rotating addresses. */
    static final int MAX_NETWORK_FAILURES = 20;

    static final Duration WINDOW = Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final Clock clock;

    @Autowired
    LoginThrottle(JdbcClient jdbc) {
        this(jdbc, Clock.systemUTC());
    }

    LoginThrottle(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** How long until {@code username} may try again from {@code client}; empty when it may now. */
    Optional<Duration> waitBeforeNextAttempt(String username, ClientAddress client) {
        Instant now = clock.instant();
        Instant release = Stream.of(
                        releaseTime("username", accountKey(username), MAX_FAILURES, now),
                        releaseTime("remote_address", client.address(), MAX_FAILURES, now),
                        releaseTime("remote_network", client.network(), MAX_NETWORK_FAILURES, now))
                .max(Instant::compareTo)
                .orElse(now);
        return release.isAfter(now) ? Optional.of(Duration.between(now, release)) : Optional.empty();
    }

    void recordFailure(String username, ClientAddress client) {
        Instant now = clock.instant();
        jdbc.sql("insert into login_failure (username, remote_address, remote_network, occurred_at)"
                        + " values (?, ?, ?, ?)")
                .params(accountKey(username), client.address(), client.network(), utc(now))
                .update();
        // Housekeeping: failures older than the window no longer count.
        jdbc.sql("delete from login_failure where occurred_at < ?")
                .param(utc(now.minus(WINDOW)))
                .update();
    }

    void recordSuccess(String username) {
        jdbc.sql("delete from login_failure where username = ?")
                .param(accountKey(username))
                .update();
    }

    /**
     * When the failures for {@code column = value} stop blocking; {@code now} or earlier when there are fewer than
     * {@code limit}.
     */
    private Instant releaseTime(String column, String value, int limit, Instant now) {
        return jdbc.sql("select occurred_at from login_failure where " + column + " = ? and occurred_at > ?"
                        + " order by occurred_at desc offset ? limit 1")
                .params(value, utc(now.minus(WINDOW)), limit - 1)
                .query((rs, row) -> rs.getObject(1, OffsetDateTime.class).toInstant())
                .optional()
                .map(oldestCounted -> oldestCounted.plus(WINDOW))
                .orElse(now);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /**
     * The account a username names, as the throttle and the trusted browsers key it: any case, cut to the longest
     * username, and without NUL, which PostgreSQL refuses in text (no account has one).
     */
    static String accountKey(String username) {
        String key = username.strip().toLowerCase(Locale.ROOT).replace('\u0000', '\u2400');
        return key.length() > UserAccounts.MAX_USERNAME_LENGTH
                ? key.substring(0, UserAccounts.MAX_USERNAME_LENGTH)
                : key;
    }
}
