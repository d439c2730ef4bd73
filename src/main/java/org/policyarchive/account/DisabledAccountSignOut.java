package org.policyarchive.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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

    DisabledAccountSignOut(UserAccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user != null
                && !(user instanceof AnonymousAuthenticationToken)
                && accounts.existsByUsernameIgnoreCaseAndEnabledFalse(user.getName())) {
            new SecurityContextLogoutHandler().logout(request, response, user);
            response.sendRedirect(request.getContextPath() + SIGNED_OUT_URL);
            return;
        }
        chain.doFilter(request, response);
    }
}
