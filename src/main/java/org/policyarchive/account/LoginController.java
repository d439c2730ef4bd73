package org.policyarchive.account;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The sign-in page, with the reason a sign-in failed, and the page shown when a signed-in user lacks a role. */
@Controller
class LoginController {

    static final String ACCESS_DENIED_PATH = "/access-denied";

    static final String LOGIN_PATH = "/login";

    private static final AuthenticationTrustResolver SIGNED_IN = new AuthenticationTrustResolverImpl();

    @GetMapping(LOGIN_PATH)
    String login(HttpServletRequest request, Model model) {
        // "/login?error", "/login?disabled", "/login?expired" and "/login?logout" carry no values, only names.
        if (request.getParameterMap().containsKey("error")) {
            HttpSession session = request.getSession(false);
            Object failure = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            if (session != null) {
                session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            }
            model.addAttribute("username", SignInFailure.takeLastUsername(request));
            if (failure instanceof LoginThrottledException throttled) {
                model.addAttribute("errorKey", "login.throttled");
                model.addAttribute("waitMinutes", throttled.getWaitMinutes());
            } else if (failure instanceof DisabledException) {
                model.addAttribute("errorKey", "login.disabled");
            } else {
                model.addAttribute("errorKey", "login.failed");
            }
        } else if (request.getParameterMap().containsKey("disabled")) {
            // signed out by StaleSessionSignOut
            model.addAttribute("errorKey", "login.disabled");
        } else if (request.getParameterMap().containsKey("expired")) {
            // signed out by StaleSessionSignOut after the password was changed elsewhere or reset
            model.addAttribute("errorKey", "login.passwordChanged");
        } else if (request.getParameterMap().containsKey("logout")) {
            model.addAttribute("signedOut", true);
        }
        return "account/login";
    }

    /**
     * Spring Security forwards here (keeping the 403 status and the request's method) when access is denied: a form
     * whose CSRF token does not match its session (on the sign-in page, nearly always a session that expired while
     * the page was open), a signed-in user without the role, or a file sent by someone not signed in.
     */
    @RequestMapping(ACCESS_DENIED_PATH)
    String accessDenied(HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        String reasonKey;
        if (request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException) {
            reasonKey = LOGIN_PATH.equals(deniedPath(request)) ? "accessDenied.csrf.login" : "accessDenied.csrf";
        } else if (!SIGNED_IN.isAuthenticated(SecurityContextHolder.getContext().getAuthentication())) {
            reasonKey = "accessDenied.signIn";
        } else {
            reasonKey = "accessDenied.role";
        }
        model.addAttribute("reasonKey", reasonKey);
        return "account/access-denied";
    }

    /** The path that was denied: the one the browser asked for, before the forward here. */
    private static String deniedPath(HttpServletRequest request) {
        Object forwardedFrom = request.getAttribute(RequestDispatcher.FORWARD_SERVLET_PATH);
        return forwardedFrom instanceof String path ? path : request.getServletPath();
    }
}
