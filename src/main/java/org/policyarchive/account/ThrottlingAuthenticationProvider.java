package org.policyarchive.account;

import java.time.Duration;
import java.util.Optional;
import org.policyarchive.audit.AuditAction;
import org.policyarchive.audit.AuditLog;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Username and password sign-in, refused outright while {@link LoginThrottle} says the caller must wait. Built by
 * {@link WebSecurityConfiguration} rather than registered as a bean, so that it is the sign-in form's only provider.
 */
class ThrottlingAuthenticationProvider implements AuthenticationProvider {

    static final String UNKNOWN_ADDRESS = "unknown";

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final AuditLog auditLog;

    ThrottlingAuthenticationProvider(
            UserDetailsService accounts, PasswordEncoder passwordEncoder, LoginThrottle throttle, AuditLog auditLog) {
        this.passwords = new DaoAuthenticationProvider(accounts);
        this.passwords.setPasswordEncoder(passwordEncoder);
        // The password is checked before the account's status, so that only someone who knows the password
        // learns that the account is disabled.
        this.passwords.setPreAuthenticationChecks(account -> {});
        this.passwords.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        this.throttle = throttle;
        this.auditLog = auditLog;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        Optional<Duration> wait = throttle.waitBeforeNextAttempt(username, remoteAddress(authentication));
        if (wait.isPresent()) {
            LoginThrottledException refused = new LoginThrottledException(wait.get());
            auditLog.recordAs(
                    username,
                    AuditAction.LOGIN_THROTTLED,
                    "user",
                    username,
                    "wait " + refused.getWaitMinutes() + " min");
            throw refused;
        }
        return passwords.authenticate(authentication);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    static String remoteAddress(Authentication authentication) {
        if (authentication.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null) {
            return details.getRemoteAddress();
        }
        return UNKNOWN_ADDRESS;
    }
}
