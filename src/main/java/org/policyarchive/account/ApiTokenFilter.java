package org.policyarchive.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.policyarchive.audit.AuditAction;
import org.policyarchive.audit.AuditLog;
import org.policyarchive.system.Problems;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs an API request in with the token in its {@code Authorization: Bearer} header, for that request only. A header
 * that names no usable token (unknown, revoked, or its user disabled) gets a 401 problem, whatever the request: a
 * client whose token stopped working learns it at once rather than reading as anonymous. Every write made with a token
 * is in the audit log, whether it then succeeds or not.
 */
class ApiTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiTokens tokens;
    private final AuditLog audit;
    private final MessageSource messages;

    ApiTokenFilter(ApiTokens tokens, AuditLog audit, MessageSource messages) {
        this.tokens = tokens;
        this.audit = audit;
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiTokenAuthentication> signedIn = header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? tokens.authenticate(header.substring(BEARER.length()).strip())
                : Optional.empty();
        if (signedIn.isEmpty()) {
            unauthorized(request, response, messages, "api.token.invalid");
            return;
        }
        ApiTokenAuthentication authentication = signedIn.get();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        if (isWrite(request)) {
            audit.recordAs(
                    authentication.getName(),
                    AuditAction.API_TOKEN_USED,
                    "api-token",
                    String.valueOf(authentication.tokenId()),
                    request.getMethod() + " " + request.getRequestURI());
        }
        chain.doFilter(request, response);
    }

    static boolean isWrite(HttpServletRequest request) {
        String method = request.getMethod();
        return !(HttpMethod.GET.matches(method)
                || HttpMethod.HEAD.matches(method)
                || HttpMethod.OPTIONS.matches(method));
    }

    /** A 401 problem that tells the client to send a bearer token. */
    static void unauthorized(
            HttpServletRequest request, HttpServletResponse response, MessageSource messages, String messageKey)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"policy-archive\"");
        Problems.write(
                response,
                HttpStatus.UNAUTHORIZED,
                messages.getMessage(messageKey, null, request.getLocale()),
                request.getRequestURI());
    }
}
