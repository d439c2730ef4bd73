package org.policyarchive.account;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.policyarchive.audit.AuditAction;
import org.policyarchive.audit.AuditLog;
import org.policyarchive.system.ControlCharacters;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Username and password sign-in. A browser the account signed in with before ({@link TrustedBrowsers}) is only held
 * to its own count of wrong passwords; any other attempt is refused outright while {@link LoginThrottle} says the
 * account, the address or its network must wait. Every wrong password is counted here, before the refusal leaves,
 * so that nothing the request carries can keep it from being counted. Built by {@link WebSecurityConfiguration}
 * rather than registered as a bean, so that it is the sign-in form's only provider.
 */
class ThrottlingAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final TrustedBrowsers browsers;
    private final AuditLog auditLog;

    ThrottlingAuthenticationProvider(
            UserDetailsService accounts,
            PasswordEncoder passwordEncoder,
            LoginThrottle throttle,
            TrustedBrowsers browsers,
            AuditLog auditLog) {
        this.passwords = new DaoAuthenticationProvider(accounts);
        this.passwords.setPasswordEncoder(passwordEncoder);
        // The password is checked before the account's status, so that only someone who knows the password
        // learns that the account is disabled.
        this.passwords.setPreAuthenticationChecks(account -> {});
        this.passwords.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        this.throttle = throttle;
        this.browsers = browsers;
        this.auditLog = auditLog;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = attempt.getName();
        if (ControlCharacters.inLine(username)) {
            // no account has such a name (the forms refuse it), and PostgreSQL would refuse to store or look it up
            throw new BadCredentialsException("a user name with a control character");
        }
        ClientAddress client = ClientAddress.of(remoteAddress(attempt));
        String browser = attempt.getDetails() instanceof SignInDetails details ? details.getBrowserTokenHash() : null;
        boolean trusted = browsers.trusts(username, browser);
        if (!trusted) {
            Optional<Duration> wait = throttle.waitBeforeNextAttempt(username, client);
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
        }
        Authentication signedIn;
        try {
            signedIn = passwords.authenticate(attempt);
        } catch (BadCredentialsException wrong) {
            if (trusted && browser != null) {
                browsers.recordFailure(browser);
            } else {
                throttle.recordFailure(username, client);
            }
            throw wrong;
        }
        if (!trusted) {
            // the owner's own mistakes are forgiven; failures that a trusted browser passed by stay counted
            throttle.recordSuccess(username);
        }
        return signedIn;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static @Nullable String remoteAddress(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : null;
    }
}
