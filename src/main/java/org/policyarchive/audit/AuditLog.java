package org.policyarchive.audit;

import jakarta.persistence.criteria.Predicate;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit module's facade. A module records what a person did: {@code auditLog.record(AuditAction.IMPORT_STARTED,
 * "import", id, details)}; editors' changes to records, people and themes are recorded from their events
 * ({@link EditsAuditor}). The user and the remote address come from the current request; outside a request (a
 * scheduled job) they are empty. Object types are lower-case module nouns ({@code user}, {@code record},
 * {@code person}, {@code import}).
 *
 * <p>A write joins the caller's transaction, so an action that is rolled back leaves no entry claiming it happened.
 */
@Service
@Transactional(readOnly = true)
public class AuditLog {

    static final int MAX_DETAILS_LENGTH = 10_000;

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("id"));

    private final AuditEventRepository events;

    AuditLog(AuditEventRepository events) {
        this.events = events;
    }

    /** Records an action by the signed-in user of the current request. */
    @Transactional
    public AuditEvent record(
            AuditAction action, @Nullable String objectType, @Nullable String objectId, @Nullable String details) {
        return recordAs(currentUsername(), action, objectType, objectId, details);
    }

    /**
     * Records an action by {@code username}, for moments when the security context does not name the user (a
     * failed sign-in, a sign-out).
     */
    @Transactional
    public AuditEvent recordAs(
            @Nullable String username,
            AuditAction action,
            @Nullable String objectType,
            @Nullable String objectId,
            @Nullable String details) {
        return events.save(new AuditEvent(
                Instant.now(),
                truncate(username, 100),
                truncate(currentRemoteAddress(), 100),
                action.name(),
                truncate(objectType, 60),
                truncate(objectId, 300),
                truncate(details, MAX_DETAILS_LENGTH)));
    }

    /** The entries that match {@code query}, newest first. */
    public Page<AuditEvent> search(AuditQuery query, Pageable pageable) {
        Specification<AuditEvent> spec = (root, criteriaQuery, cb) -> {
            List<Predicate> predicates = new ArrayList<>();
            if (hasText(query.username())) {
                predicates.add(cb.equal(cb.lower(root.get("username")), lower(query.username())));
            }
            if (hasText(query.action())) {
                predicates.add(cb.equal(cb.lower(root.get("action")), lower(query.action())));
            }
            if (hasText(query.objectType())) {
                predicates.add(cb.equal(cb.lower(root.get("objectType")), lower(query.objectType())));
            }
            if (query.from() != null) {
                predicates.add(cb.greaterThanOrEqualTo(root.get("occurredAt"), startOf(query.from())));
            }
            if (query.to() != null) {
                predicates.add(
                        cb.lessThan(root.get("occurredAt"), startOf(query.to().plusDays(1))));
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
        return events.findAll(spec, PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), NEWEST_FIRST));
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static boolean hasText(@Nullable String value) {
        return value != null && !value.isBlank();
    }

    private static String lower(@Nullable String value) {
        return value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    }

    private static @Nullable String truncate(@Nullable String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    static @Nullable String currentUsername() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            return null;
        }
        return authentication.getName();
    }

    private static @Nullable String currentRemoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
