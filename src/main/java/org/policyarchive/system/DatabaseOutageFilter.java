package org.policyarchive.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a request that a filter failed because the database is out of reach (a session or an account that could not
 * be read) with the 503 page and {@code Retry-After}; {@link DatabaseOutagePage} answers for the controllers.
 * Registered first ({@link SystemConfiguration}), so that it sees the failures of all the other filters.
 */
class DatabaseOutageFilter extends OncePerRequestFilter {

    private final DatabaseOutage outage;

    DatabaseOutageFilter(DatabaseOutage outage) {
        this.outage = outage;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (response.isCommitted() || !outage.explains(e)) {
                throw e;
            }
            outage.answer(request, response, e);
            // the container's error page, error/503
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        }
    }
}
