package org.policyarchive.account;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/** After a sign-in: the browser is trusted for the account ({@link TrustedBrowsers}), then goes where it was going. */
final class SignInSuccess extends SavedRequestAwareAuthenticationSuccessHandler {

    private final TrustedBrowsers browsers;

    SignInSuccess(TrustedBrowsers browsers) {
        this.browsers = browsers;
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws ServletException, IOException {
        String browser =
                authentication.getDetails() instanceof SignInDetails details ? details.getBrowserTokenHash() : null;
        browsers.recordSuccess(authentication.getName(), browser, request, response);
        super.onAuthenticationSuccess(request, response, authentication);
    }
}
