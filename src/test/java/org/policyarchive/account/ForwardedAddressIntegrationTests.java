package org.policyarchive.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyarchive.account.AccountTestSupport.uniqueUsername;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
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
 * The address that the audit log and the login throttle record for a sign-in, over real HTTP: a proxy's
 * X-Forwarded-For is believed only when the request comes from an internal proxy's address (Tomcat's remote IP
 * valve; 127.0.0.1 is one by default), so that nobody else can pose as another address.
 */
class ForwardedAddressIntegrationTests {

    private static final String CLIENT = "203.0.113.7";

    @Nested
    @SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
    @CleanArchive
    class BehindAnInternalProxy {

        @LocalServerPort
        int port;

        @Autowired
        AuditLog auditLog;

        @Test
        void recordsTheAddressThatTheProxyForwards() throws Exception {
            assertThat(addressOfAFailedSignIn(port, auditLog)).isEqualTo(CLIENT);
        }
    }

    @Nested
    @SpringBootTest(
            webEnvironment = WebEnvironment.RANDOM_PORT,
            properties = "server.tomcat.remoteip.internal-proxies=192\\.0\\.2\\.1")
    @CleanArchive
    class ReachedByAnyoneElse {

        @LocalServerPort
        int port;

        @Autowired
        AuditLog auditLog;

        @Test
        void ignoresAForwardedAddress() throws Exception {
            assertThat(addressOfAFailedSignIn(port, auditLog)).isEqualTo("127.0.0.1");
        }
    }

    /** Signs in with a wrong password, claiming to forward {@link #CLIENT}, and reads the address audited. */
    private static String addressOfAFailedSignIn(int port, AuditLog auditLog) throws Exception {
        String username = uniqueUsername("forwarded");
        HttpResponse<String> response =
                new WebClient(port).signIn(username, "wrong-password", "X-Forwarded-For", CLIENT);
        assertThat(response.statusCode()).isEqualTo(302);
        List<AuditEvent> audited = auditLog.search(new AuditQuery(null, null, null, null, null), Pageable.ofSize(5))
                .getContent();
        assertThat(audited)
                .extracting(AuditEvent::getUsername, AuditEvent::getAction, AuditEvent::getObjectType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(username, "LOGIN_FAILED", "user"));
        return audited.get(0).getRemoteAddress();
    }
}
