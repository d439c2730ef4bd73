package org.policyarchive.account;

import jakarta.servlet.http.HttpServletRequest;
import java.io.Serial;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * What the sign-in form's request tells besides the username and password: the address (as Spring Security keeps
 * it) and the hash of the browser's {@link TrustedBrowsers} token. Kept in the session with the sign-in, so it holds
 * the hash, never the token.
 */
final class SignInDetails extends WebAuthenticationDetails {

    @Serial
    private static final long serialVersionUID = 1L;

    private final @Nullable String browserTokenHash;

    SignInDetails(HttpServletRequest request) {
        super(request);
        this.browserTokenHash = TrustedBrowsers.tokenHash(request);
    }

    @Nullable
    String getBrowserTokenHash() {
        return browserTokenHash;
    }
}
