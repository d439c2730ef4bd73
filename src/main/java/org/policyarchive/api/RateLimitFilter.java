package org.policyarchive.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.OptionalLong;
import org.policyarchive.account.ApiTokenAuthentication;
import org.policyarchive.system.Problems;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Answers a request over its rate limit with 429, {@code Retry-After} and a problem. It runs after Spring Security,
 * so that a request with a token counts against its token (wherever it comes from) and one without against its
 * address (the proxy's client address, when the proxy is trusted).
 */
class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimits limits;
    private final MessageSource messages;

    RateLimitFilter(RateLimits limits, MessageSource messages) {
        this.limits = limits;
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        OptionalLong wait = authentication instanceof ApiTokenAuthentication token
                ? limits.token(token.tokenId())
                : limits.address(request.getRemoteAddr());
        if (wait.isPresent()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(wait.getAsLong()));
            Problems.write(
                    response,
                    HttpStatus.TOO_MANY_REQUESTS,
                    messages.getMessage(
                            "api.rateLimited", new Object[] {wait.getAsLong()}, RequestContextUtils.getLocale(request)),
                    request.getRequestURI());
            return;
        }
        chain.doFilter(request, response);
    }
}
