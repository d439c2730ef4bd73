package org.policyarchive.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.policyarchive.system.DatabaseOutage;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs out, on their next request, anyone whose account an admin disabled while they were signed in. A session
 * alone would keep them in until it expired. The account is looked up on every request of a signed-in user (one
 * query on the small account table; readers are anonymous and pay nothing), so disabling holds at once, on every
 * server.
 */
final class DisabledAccountSignOut extends OncePerRequestFilter {

    private static final String SIGNED_OUT_URL = "/login?disabled";

    private final UserAccountRepository accounts;
    private final DatabaseOutage outage;

    DisabledAccountSignOut(UserAccountRepository accounts, DatabaseOutage outage) {
        this.accounts = accounts;
        this.outage = outage;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user != null && !(user instanceof AnonymousAuthenticationToken) && isDisabled(user.getName())) {
            new SecurityContextLogoutHandler().logout(request, response, user);
            response.sendRedirect(request.getContextPath() + SIGNED_OUT_URL);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Whether the account is disabled. While the database cannot be reached, the request goes on unchecked, so that
     * the form an editor posted can come back as typed: whatever the request would change needs the database too.
     */
    private boolean isDisabled(String username) {
        try {
            return accounts.existsByUsernameIgnoreCaseAndEnabledFalse(username);
        } catch (RuntimeException e) {
            if (outage.explains(e)) {
                return false;
            }
            throw e;
        }
    }
}
