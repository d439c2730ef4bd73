package org.policyarchive.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.policyarchive.testing.CleanArchive;
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

/** The audit log on its own, starting empty: each test reads back exactly the entries it wrote. */
@SpringBootTest
@CleanArchive
class AuditLogIntegrationTests {

    static final AuditQuery EVERYTHING = new AuditQuery(null, null, null, null, null);

    @Autowired
    AuditLog auditLog;

    @AfterEach
    void leaveTheRequest() {
        SecurityContextHolder.clearContext();
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void takesTheUserAndAddressFromTheCurrentRequest() {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "auditor", null, AuthorityUtils.createAuthorityList("ROLE_EDITOR")));
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("192.0.2.7");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));

        auditLog.record(AuditAction.RECORD_UPDATED, "record", "some-slug", "title: old -> new");

        assertThat(auditLog.search(EVERYTHING, Pageable.ofSize(5)))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.getUsername()).isEqualTo("auditor");
                    assertThat(event.getRemoteAddress()).isEqualTo("192.0.2.7");
                    assertThat(event.getAction()).isEqualTo("RECORD_UPDATED");
                    assertThat(event.getObjectType()).isEqualTo("record");
                    assertThat(event.getObjectId()).isEqualTo("some-slug");
                    assertThat(event.getDetails()).isEqualTo("title: old -> new");
                    assertThat(event.getOccurredAt()).isNotNull();
                });
    }

    @Test
    void recordsWithoutUserOrAddressOutsideARequest() {
        // Spring's test support binds a mock request to the test thread; a scheduled job has none.
        RequestContextHolder.resetRequestAttributes();

        auditLog.record(AuditAction.FIXITY_CHECKED, "original_file", null, "0 files checked, 0 mismatches");

        assertThat(auditLog.search(EVERYTHING, Pageable.ofSize(5)))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.getUsername()).isNull();
                    assertThat(event.getRemoteAddress()).isNull();
                    assertThat(event.getAction()).isEqualTo("FIXITY_CHECKED");
                });
    }

    @Test
    void filtersByUserActionTypeAndDateNewestFirst() {
        auditLog.recordAs("filterer", AuditAction.THEME_CREATED, "theme", "a", null);
        auditLog.recordAs("filterer", AuditAction.THEME_UPDATED, "theme", "a", null);
        auditLog.recordAs("filterer", AuditAction.THEME_UPDATED, "other", "b", null);
        auditLog.recordAs("someone-else", AuditAction.THEME_UPDATED, "theme", "c", null);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        Page<AuditEvent> updates =
                auditLog.search(new AuditQuery("FILTERER", "theme_updated", null, today, today), Pageable.ofSize(10));
        Page<AuditEvent> themes =
                auditLog.search(new AuditQuery("filterer", null, "theme", null, null), Pageable.ofSize(10));
        Page<AuditEvent> tomorrow =
                auditLog.search(new AuditQuery(null, null, null, today.plusDays(1), null), Pageable.ofSize(10));
        Page<AuditEvent> yesterday =
                auditLog.search(new AuditQuery(null, null, null, null, today.minusDays(1)), Pageable.ofSize(10));

        assertThat(updates.getContent()).extracting(AuditEvent::getObjectType).containsExactly("other", "theme");
        assertThat(themes.getContent())
                .extracting(AuditEvent::getAction)
                .containsExactly("THEME_UPDATED", "THEME_CREATED");
        assertThat(auditLog.search(EVERYTHING, Pageable.ofSize(10)).getContent())
                .extracting(AuditEvent::getObjectId)
                .containsExactly("c", "b", "a", "a");
        assertThat(tomorrow).isEmpty();
        assertThat(yesterday).isEmpty();
    }

    @Test
    void pagesThroughEntries() {
        for (int i = 0; i < 5; i++) {
            auditLog.recordAs("pager", AuditAction.RECORD_CREATED, "record", String.valueOf(i), null);
        }

        Page<AuditEvent> second = auditLog.search(EVERYTHING, Pageable.ofSize(2).withPage(1));

        assertThat(second.getTotalElements()).isEqualTo(5);
        assertThat(second.getTotalPages()).isEqualTo(3);
        assertThat(second.getContent()).extracting(AuditEvent::getObjectId).containsExactly("2", "1");
    }
}
