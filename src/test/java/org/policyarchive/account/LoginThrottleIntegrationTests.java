package org.policyarchive.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyarchive.account.AccountTestSupport.uniqueClient;
import static org.policyarchive.account.AccountTestSupport.uniqueUsername;

import jakarta.servlet.http.Cookie;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.policyarchive.testing.CleanArchive;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The throttle's window and the trusted browsers against PostgreSQL, with the clock set by the test instead of
 * waited for.
 */
@SpringBootTest
@CleanArchive
class LoginThrottleIntegrationTests {

    static final Instant START = Instant.parse("2030-01-01T10:00:00Z");

    @Autowired
    JdbcClient jdbc;

    LoginThrottle at(Instant instant) {
        return new LoginThrottle(jdbc, Clock.fixed(instant, ZoneOffset.UTC));
    }

    TrustedBrowsers browsersAt(Instant instant) {
        return new TrustedBrowsers(jdbc, Clock.fixed(instant, ZoneOffset.UTC));
    }

    @Test
    void blocksUntilTheOldestCountedFailureLeavesTheWindow() {
        String username = uniqueUsername("victim");
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            at(START.plusSeconds(60L * i)).recordFailure(username, uniqueClient());
        }
        ClientAddress address = uniqueClient();

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
            at(START).recordFailure(username, uniqueClient());
        }
        assertThat(at(START).waitBeforeNextAttempt(username, uniqueClient())).isEmpty();

        at(START).recordFailure(username.toUpperCase(), uniqueClient());

        assertThat(at(START).waitBeforeNextAttempt(username.toLowerCase(), uniqueClient()))
                .contains(LoginThrottle.WINDOW);
    }

    @Test
    void blocksAnAddressWhateverAccountItTries() {
        ClientAddress address = uniqueClient();
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            at(START).recordFailure(uniqueUsername("guess"), address);
        }

        assertThat(at(START.plusSeconds(30)).waitBeforeNextAttempt(uniqueUsername("other"), address))
                .contains(LoginThrottle.WINDOW.minusSeconds(30));
        assertThat(at(START.plusSeconds(30)).waitBeforeNextAttempt(uniqueUsername("other"), uniqueClient()))
                .isEmpty();
    }

    /** PostgreSQL refuses NUL in text; a username typed with one is still counted, as the account nobody has. */
    @Test
    void countsAUsernameThatHoldsANulCharacter() {
        String username = uniqueUsername("nul") + "\u0000";
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            at(START).recordFailure(username, uniqueClient());
        }

        assertThat(at(START).waitBeforeNextAttempt(username, uniqueClient())).contains(LoginThrottle.WINDOW);
    }

    @Test
    void blocksANetworkWhoseAddressesChange() {
        for (int i = 1; i <= LoginThrottle.MAX_NETWORK_FAILURES; i++) {
            at(START).recordFailure(uniqueUsername("guess"), ClientAddress.of("203.0.113." + i));
        }

        assertThat(at(START).waitBeforeNextAttempt(uniqueUsername("other"), ClientAddress.of("203.0.113.250")))
                .contains(LoginThrottle.WINDOW);
        assertThat(at(START).waitBeforeNextAttempt(uniqueUsername("other"), ClientAddress.of("203.0.114.1")))
                .isEmpty();
    }

    @Test
    void successClearsTheAccountsFailures() {
        String username = uniqueUsername("victim");
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            at(START).recordFailure(username, uniqueClient());
        }

        at(START).recordSuccess(username);

        assertThat(at(START).waitBeforeNextAttempt(username, uniqueClient())).isEmpty();
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

    @Test
    void trustsABrowserForTheAccountItSignedInTo() {
        String username = uniqueUsername("owner");
        MockHttpServletResponse response = new MockHttpServletResponse();
        browsersAt(START).recordSuccess(username, null, new MockHttpServletRequest(), response);
        String token = tokenHash(response);

        assertThat(browsersAt(START.plus(Duration.ofDays(89))).trusts(username.toUpperCase(), token))
                .isTrue();
        assertThat(browsersAt(START).trusts(uniqueUsername("other"), token)).isFalse();
        assertThat(browsersAt(START).trusts(username, null)).isFalse();
        assertThat(browsersAt(START.plus(TrustedBrowsers.LIFETIME)).trusts(username, token))
                .isFalse();
    }

    @Test
    void dropsABrowsersTrustAfterItsOwnFailures() {
        String username = uniqueUsername("owner");
        MockHttpServletResponse response = new MockHttpServletResponse();
        browsersAt(START).recordSuccess(username, null, new MockHttpServletRequest(), response);
        String token = tokenHash(response);

        for (int i = 0; i < TrustedBrowsers.MAX_FAILURES - 1; i++) {
            browsersAt(START).recordFailure(token);
        }
        assertThat(browsersAt(START).trusts(username, token)).isTrue();
        browsersAt(START).recordFailure(token);

        assertThat(browsersAt(START).trusts(username, token)).isFalse();
    }

    @Test
    void forgetsEveryBrowserOfAnAccount() {
        String username = uniqueUsername("owner");
        MockHttpServletResponse response = new MockHttpServletResponse();
        browsersAt(START).recordSuccess(username, null, new MockHttpServletRequest(), response);

        browsersAt(START).forgetAll(username);

        assertThat(browsersAt(START).trusts(username, tokenHash(response))).isFalse();
    }

    /** The hash of the token that a sign-in's response gave the browser, as the next sign-in reads it. */
    private static String tokenHash(MockHttpServletResponse signedIn) {
        String cookie = signedIn.getHeader("Set-Cookie");
        assertThat(cookie)
                .startsWith(TrustedBrowsers.COOKIE + "=")
                .contains("; Path=/login")
                .contains("; HttpOnly")
                .contains("; SameSite=Strict");
        MockHttpServletRequest next = new MockHttpServletRequest();
        next.setCookies(new Cookie(
                TrustedBrowsers.COOKIE, cookie.substring(TrustedBrowsers.COOKIE.length() + 1, cookie.indexOf(';'))));
        return TrustedBrowsers.tokenHash(next);
    }
}
