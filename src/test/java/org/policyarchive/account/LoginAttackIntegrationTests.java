package org.policyarchive.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyarchive.account.AccountTestSupport.PASSWORD;
import static org.policyarchive.account.AccountTestSupport.uniqueUsername;
import static org.policyarchive.testing.WebClient.location;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.policyarchive.audit.AuditEvent;
import org.policyarchive.audit.AuditLog;
import org.policyarchive.audit.AuditQuery;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.Pageable;

/**
 * Password guessing over real HTTP by someone who can say any X-Forwarded-For: the test connects from 127.0.0.1, an
 * internal proxy's address, so Tomcat's remote IP valve believes the header, as it would from any host on the
 * private network behind the proxy.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@CleanArchive
class LoginAttackIntegrationTests {

    private static final String FORWARDED_FOR = "X-Forwarded-For";

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    AuditLog auditLog;

    @Test
    void countsAndAuditsEveryWrongPasswordWhateverTheForwardedAddressSays() throws Exception {
        String username = uniqueUsername("target");
        accounts.createUser(username, PASSWORD, AccountRole.EDITOR);
        WebClient attacker = new WebClient(port);
        // longer than any address, and longer than the column that kept the failures' addresses
        String forged = "x".repeat(150);

        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            assertThat(location(attacker.signIn(username, "guess number " + i, FORWARDED_FOR, forged)))
                    .isEqualTo("/login?error");
        }
        assertThat(location(attacker.signIn(username, PASSWORD, FORWARDED_FOR, forged)))
                .isEqualTo("/login?error");

        assertThat(attacker.page("/login?error").select("#login-error").text())
                .isEqualTo("Too many failed attempts; try again in 15 minutes.");
        assertThat(events(username, "LOGIN_FAILED")).hasSize(LoginThrottle.MAX_FAILURES);
        assertThat(events(username, "LOGIN_THROTTLED")).hasSize(1);
        assertThat(events(username, "LOGIN")).isEmpty();
    }

    @Test
    void forgedAddressesDoNotLockTheOwnerOutOfABrowserTheySignedInWith() throws Exception {
        String username = uniqueUsername("owner");
        accounts.createUser(username, PASSWORD, AccountRole.EDITOR);
        WebClient owner = new WebClient(port);
        assertThat(location(owner.signIn(username, PASSWORD))).isEqualTo("/");
        assertThat(location(owner.signOut())).isEqualTo("/login?logout");

        WebClient attacker = new WebClient(port);
        for (int i = 1; i <= LoginThrottle.MAX_FAILURES + 2; i++) {
            assertThat(location(attacker.signIn(username, "guess number " + i, FORWARDED_FOR, "198.51.100." + i)))
                    .isEqualTo("/login?error");
        }

        assertThat(location(owner.signIn(username, PASSWORD))).as("the owner").isEqualTo("/");
        assertThat(owner.page("/admin").select("main p").first().text())
                .isEqualTo("Signed in as " + username + " (Editor).");
        WebClient stranger = new WebClient(port);
        assertThat(location(stranger.signIn(username, PASSWORD)))
                .as("a browser that never signed in to the account")
                .isEqualTo("/login?error");
        assertThat(stranger.page("/login?error").select("#login-error").text())
                .isEqualTo("Too many failed attempts; try again in 15 minutes.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"198.51.100.%d", "2001:db8:7:7::%x"})
    void throttlesANetworkWhoseAddressesRotate(String addresses) throws Exception {
        WebClient attacker = new WebClient(port);
        for (int i = 1; i <= LoginThrottle.MAX_NETWORK_FAILURES; i++) {
            assertThat(location(
                            attacker.signIn(uniqueUsername("nobody"), "guess", FORWARDED_FOR, addresses.formatted(i))))
                    .isEqualTo("/login?error");
            assertThat(attacker.page("/login?error").select("#login-error").text())
                    .isEqualTo("Wrong username or password.");
        }

        attacker.signIn(uniqueUsername("nobody"), "guess", FORWARDED_FOR, addresses.formatted(200));

        assertThat(attacker.page("/login?error").select("#login-error").text())
                .isEqualTo("Too many failed attempts; try again in 15 minutes.");
    }

    private List<AuditEvent> events(String username, String action) {
        return auditLog.search(new AuditQuery(username, action, "user", null, null), Pageable.ofSize(50))
                .getContent();
    }
}
