package org.policyarchive.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

@SpringBootTest
class AuditLogIntegrationTests {

    @Autowired
    AuditLog auditLog;

    @AfterEach
    void leaveTheRequest() {
        SecurityContextHolder.clearContext();
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void takesTheUserAndAddressFromTheCurrentRequest() {
        String username = "auditor-" + UUID.randomUUID();
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        username, null, AuthorityUtils.createAuthorityList("ROLE_EDITOR")));
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("192.0.2.7");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));

        auditLog.record("RECORD_UPDATED", "record", "some-slug", "title: old -> new");

        AuditEvent event = auditLog.search(new AuditQuery(username, null, null, null, null), Pageable.ofSize(5))
                .getContent()
                .get(0);
        assertThat(event.getUsername()).isEqualTo(username);
        assertThat(event.getRemoteAddress()).isEqualTo("192.0.2.7");
        assertThat(event.getAction()).isEqualTo("RECORD_UPDATED");
        assertThat(event.getObjectType()).isEqualTo("record");
        assertThat(event.getObjectId()).isEqualTo("some-slug");
        assertThat(event.getDetails()).isEqualTo("title: old -> new");
        assertThat(event.getOccurredAt()).isNotNull();
    }

    @Test
    void recordsWithoutUserOrAddressOutsideARequest() {
        // Spring's test support binds a mock request to the test thread; a scheduled job has none.
        RequestContextHolder.resetRequestAttributes();
        String objectId = "job-" + UUID.randomUUID();

        auditLog.record("FIXITY_CHECKED", "import", objectId, null);

        AuditEvent event = auditLog
                .search(new AuditQuery(null, "FIXITY_CHECKED", null, null, null), Pageable.ofSize(50))
                .getContent()
                .stream()
                .filter(e -> objectId.equals(e.getObjectId()))
                .findFirst()
                .orElseThrow();
        assertThat(event.getUsername()).isNull();
        assertThat(event.getRemoteAddress()).isNull();
    }

    @Test
    void filtersByUserActionTypeAndDateNewestFirst() {
        String username = "filterer-" + UUID.randomUUID();
        auditLog.recordAs(username, "THING_CREATED", "thing", "a", null);
        auditLog.recordAs(username, "THING_UPDATED", "thing", "a", null);
        auditLog.recordAs(username, "THING_UPDATED", "other", "b", null);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        Page<AuditEvent> updates = auditLog.search(
                new AuditQuery(username.toUpperCase(), "thing_updated", null, today, today), Pageable.ofSize(10));
        Page<AuditEvent> things =
                auditLog.search(new AuditQuery(username, null, "thing", null, null), Pageable.ofSize(10));
        Page<AuditEvent> tomorrow =
                auditLog.search(new AuditQuery(username, null, null, today.plusDays(1), null), Pageable.ofSize(10));
        Page<AuditEvent> yesterday =
                auditLog.search(new AuditQuery(username, null, null, null, today.minusDays(1)), Pageable.ofSize(10));

        assertThat(updates.getContent()).extracting(AuditEvent::getObjectType).containsExactly("other", "thing");
        assertThat(things.getContent())
                .extracting(AuditEvent::getAction)
                .containsExactly("THING_UPDATED", "THING_CREATED");
        assertThat(tomorrow).isEmpty();
        assertThat(yesterday).isEmpty();
    }

    @Test
    void pagesThroughEntries() {
        String username = "pager-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            auditLog.recordAs(username, "PAGED", "thing", String.valueOf(i), null);
        }

        Page<AuditEvent> second = auditLog.search(
                new AuditQuery(username, null, null, null, null),
                Pageable.ofSize(2).withPage(1));

        assertThat(second.getTotalElements()).isEqualTo(5);
        assertThat(second.getTotalPages()).isEqualTo(3);
        assertThat(second.getContent()).extracting(AuditEvent::getObjectId).containsExactly("2", "1");
    }
}
