package org.policyarchive.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * The 503 page (error/503) for a request whose controller failed because the database is out of reach. It comes
 * before Spring's own resolvers, which would take a refused connection's {@code EOFException} for a reader who went
 * away and answer an empty 200.
 */
class DatabaseOutagePage implements HandlerExceptionResolver, Ordered {

    private final DatabaseOutage outage;

    DatabaseOutagePage(DatabaseOutage outage) {
        this.outage = outage;
    }

    @Override
    public @Nullable ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, @Nullable Object handler, Exception failure) {
        if (response.isCommitted() || !outage.explains(failure)) {
            return null;
        }
        outage.answer(request, response, failure);
        HttpStatus status = HttpStatus.SERVICE_UNAVAILABLE;
        return new ModelAndView("error/503", Map.of("status", status.value(), "path", request.getRequestURI()), status);
    }

    /** Right after Spring Boot's error attributes, which only note the failure. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
