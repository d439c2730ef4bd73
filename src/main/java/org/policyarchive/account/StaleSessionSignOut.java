package org.policyarchive.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.policyarchive.system.DatabaseOutage;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs out, on their next request, anyone whose account an admin disabled while they were signed in, and anyone
 * signed in before their password was changed or reset: the session keeps the account's credential stamp of the
 * sign-in ({@link SignedInUser}), and the account gets a new one with each password. A session alone would keep them
 * in until it expired. The account is looked up on every request of a signed-in user (one query on the small account
 * table; readers are anonymous and pay nothing), and nothing is kept in the server's memory, so it holds at once, on
 * every server, whatever stores the sessions.
 */
final class StaleSessionSignOut extends OncePerRequestFilter {

    static final String DISABLED_URL = "/login?disabled";
    static final String PASSWORD_CHANGED_URL = "/login?expired";

    private final UserAccountRepository accounts;
    private final DatabaseOutage outage;

    StaleSessionSignOut(UserAccountRepository accounts, DatabaseOutage outage) {
        this.accounts = accounts;
        this.outage = outage;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        String signedOutUrl = user == null || user instanceof AnonymousAuthenticationToken ? null : signOutUrl(user);
        if (signedOutUrl != null) {
            new SecurityContextLogoutHandler().logout(request, response, user);
            response.sendRedirect(request.getContextPath() + signedOutUrl);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Where to send a signed-in user who must sign in again; null while their sign-in holds. */
    private @Nullable String signOutUrl(Authentication user) {
        UserAccountRepository.SessionState account = sessionState(user.getName());
        if (account == null) {
            return null;
        }
        if (!account.isEnabled()) {
            return DISABLED_URL;
        }
        // A principal without a stamp did not come from the sign-in form (a test's stand-in user): nothing to compare.
        if (user.getPrincipal() instanceof SignedInUser signedIn
                && !signedIn.getCredentialStamp().equals(account.getCredentialStamp())) {
            return PASSWORD_CHANGED_URL;
        }
        return null;
    }

    /**
     * The account's state, or null while the database cannot be reached: the request goes on unchecked, so that the
     * form an editor posted can come back as typed; whatever the request would change needs the database too.
     */
    private UserAccountRepository.@Nullable SessionState sessionState(String username) {
        if (outage.seenLately()) {
            return null;
        }
        try {
            return accounts.findSessionState(username).orElse(null);
        } catch (RuntimeException e) {
            if (outage.explains(e)) {
                return null;
            }
            throw e;
        }
    }
}
