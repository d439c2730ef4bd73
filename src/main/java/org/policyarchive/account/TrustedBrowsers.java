package org.policyarchive.account;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The browsers that each account signed in with: the second proof that lets the owner in while someone else guesses
 * the account's password from forged or borrowed addresses. A successful sign-in gives the browser a random token in
 * a cookie (sent to /login only, kept {@link #LIFETIME}); PostgreSQL keeps its SHA-256 with the account. An attempt
 * from a browser holding the account's token is not held back by the account's or the address's failures, only by
 * its own: after {@value #MAX_FAILURES} wrong passwords the token is dropped, so a stolen cookie buys few guesses.
 * Everyone else meets {@link LoginThrottle}. Tokens are dropped when the password is changed or reset.
 */
@Component
class TrustedBrowsers {

    static final String COOKIE = "ARCHIVE_BROWSER";
    static final Duration LIFETIME = Duration.ofDays(90);
    static final int MAX_FAILURES = LoginThrottle.MAX_FAILURES;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    @Autowired
    TrustedBrowsers(JdbcClient jdbc) {
        this(jdbc, Clock.systemUTC());
    }

    TrustedBrowsers(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The hash of the token in the request's cookie, as stored; null when the browser sent none. */
    static @Nullable String tokenHash(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
                return sha256(cookie.getValue());
            }
        }
        return null;
    }

    /** Whether the browser whose token hashes to {@code tokenHash} signed in to {@code username}'s account. */
    boolean trusts(String username, @Nullable String tokenHash) {
        if (tokenHash == null) {
            return false;
        }
        return jdbc.sql("select count(*) from login_browser where token_hash = ? and username = ? and last_used_at > ?")
                        .params(
                                tokenHash,
                                LoginThrottle.accountKey(username),
                                utc(clock.instant().minus(LIFETIME)))
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** A wrong password from a trusted browser: counted against its token, which is dropped at the limit. */
    void recordFailure(String tokenHash) {
        jdbc.sql("update login_browser set failures = failures + 1 where token_hash = ?")
                .param(tokenHash)
                .update();
        jdbc.sql("delete from login_browser where token_hash = ? and failures >= ?")
                .params(tokenHash, MAX_FAILURES)
                .update();
    }

    /**
     * A successful sign-in: a trusted browser's count starts again; any other browser gets a new token for the
     * account (one browser holds one token, so it replaces a token of another account).
     */
    void recordSuccess(
            String username, @Nullable String tokenHash, HttpServletRequest request, HttpServletResponse response) {
        Instant now = clock.instant();
        if (trusts(username, tokenHash)) {
            jdbc.sql("update login_browser set failures = 0, last_used_at = ? where token_hash = ?")
                    .params(utc(now), tokenHash)
                    .update();
            return;
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("insert into login_browser (token_hash, username, failures, created_at, last_used_at)"
                        + " values (?, ?, 0, ?, ?)")
                .params(sha256(token), LoginThrottle.accountKey(username), utc(now), utc(now))
                .update();
        // Housekeeping: tokens unused for their lifetime no longer count.
        jdbc.sql("delete from login_browser where last_used_at < ?")
                .param(utc(now.minus(LIFETIME)))
                .update();
        ResponseCookie cookie = ResponseCookie.from(COOKIE, token)
                .path(request.getContextPath() + LoginController.LOGIN_PATH)
                .maxAge(LIFETIME)
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Strict")
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }

    /** Trusts no browser of {@code username} any more: its password changed, or an admin reset it. */
    void forgetAll(String username) {
        jdbc.sql("delete from login_browser where username = ?")
                .param(LoginThrottle.accountKey(username))
                .update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
