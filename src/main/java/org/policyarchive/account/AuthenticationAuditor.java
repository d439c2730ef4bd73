package org.policyarchive.account;

import org.policyarchive.audit.AuditAction;
import org.policyarchive.audit.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Turns Spring Security's sign-in and sign-out events into audit entries. The throttle's counts are kept by
 * {@link ThrottlingAuthenticationProvider} itself.
 */
@Component
class AuthenticationAuditor {

    private final AuditLog auditLog;

    AuthenticationAuditor(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        auditLog.recordAs(username, AuditAction.LOGIN, "user", username, null);
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        String username = event.getAuthentication().getName();
        String reason;
        if (event.getException() instanceof BadCredentialsException) {
            reason = "wrong username or password";
        } else if (event.getException() instanceof DisabledException) {
            reason = "account disabled";
        } else {
            reason = event.getException().getClass().getSimpleName();
        }
        auditLog.recordAs(username, AuditAction.LOGIN_FAILED, "user", username, reason);
    }

    @EventListener
    void onLogout(LogoutSuccessEvent event) {
        String username = event.getAuthentication().getName();
        auditLog.recordAs(username, AuditAction.LOGOUT, "user", username, null);
    }
}
