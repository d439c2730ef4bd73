package org.policyarchive.account;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * A failed sign-in goes back to the form, as Spring Security's default does, and keeps the username that was typed so
 * that the form shows it again: the session holds it, never the password, until the form has been shown once.
 */
final class SignInFailure extends SimpleUrlAuthenticationFailureHandler {

    static final String LAST_USERNAME = SignInFailure.class.getName() + ".LAST_USERNAME";

    /** Longer than any username the archive accepts; a longer one is not kept. */
    private static final int KEPT_MAX = 200;

    SignInFailure(String failureUrl) {
        super(failureUrl);
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException, ServletException {
        String username = request.getParameter("username");
        if (username != null && !username.isBlank() && username.length() <= KEPT_MAX) {
            request.getSession().setAttribute(LAST_USERNAME, username);
        }
        super.onAuthenticationFailure(request, response, exception);
    }

    /** The username of the last failed sign-in of this session, removed as it is read. */
    static @Nullable String takeLastUsername(HttpServletRequest request) {
        var session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Object username = session.getAttribute(LAST_USERNAME);
        session.removeAttribute(LAST_USERNAME);
        return username instanceof String value ? value : null;
    }
}
