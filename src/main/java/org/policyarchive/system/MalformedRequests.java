package org.policyarchive.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.sql.SQLException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a request that the servlet container cannot read with a 4xx page and one line in the log: a query string or
 * form body that is not UTF-8 ({@code %FF}), a parameter limit passed, a file name holding a NUL. Tomcat parses the
 * parameters when something first asks for one (Spring Security's CSRF check, a controller), and throws there; left
 * alone, the exception reaches the container, which logs it as a server error with its stack trace. A NUL that reaches
 * PostgreSQL by a way no check covers (the sign-in form's user name, looked up before any form validation) is the
 * request's too: nothing the archive writes holds one.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class MalformedRequests extends OncePerRequestFilter {

    /** The request attribute with the message key that {@link ErrorViews} shows on the error page. */
    static final String MESSAGE_KEY = MalformedRequests.class.getName() + ".messageKey";

    /** PostgreSQL's SQLSTATE for text it cannot hold: a NUL, since the driver sends every other text as UTF-8. */
    private static final String CHARACTER_NOT_IN_REPERTOIRE = "22021";

    private static final Logger log = LoggerFactory.getLogger(MalformedRequests.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException e) {
            Refusal refusal = refusal(e);
            if (refusal == null || response.isCommitted()) {
                throw e;
            }
            log.warn(
                    "Refused {} {} with {}: {}",
                    request.getMethod(),
                    request.getRequestURI(),
                    refusal.status().value(),
                    shortened(String.valueOf(refusal.cause().getMessage())));
            if (refusal.messageKey() != null) {
                request.setAttribute(MESSAGE_KEY, refusal.messageKey());
            }
            response.sendError(refusal.status().value());
        }
    }

    private record Refusal(HttpStatus status, @Nullable String messageKey, Throwable cause) {}

    /** What to answer, when {@code e} or one of its causes says that the request could not be read. */
    private static @Nullable Refusal refusal(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidFileNameException) {
                return new Refusal(HttpStatus.BAD_REQUEST, "error.request.fileName", cause);
            }
            if (cause instanceof SQLException sql && CHARACTER_NOT_IN_REPERTOIRE.equals(sql.getSQLState())) {
                return new Refusal(HttpStatus.BAD_REQUEST, "error.request.nul", cause);
            }
            if (cause instanceof InvalidParameterException invalid) {
                HttpStatus status = HttpStatus.resolve(invalid.getErrorCode());
                if (status == null || !status.is4xxClientError()) {
                    status = HttpStatus.BAD_REQUEST;
                }
                return new Refusal(status, undecodable(invalid) ? "error.request.encoding" : null, cause);
            }
        }
        return null;
    }

    /** Tomcat's messages go on to say how to debug; a line in the log needs their start. */
    private static String shortened(String message) {
        return message.length() > 160 ? message.substring(0, 160) + "…" : message;
    }

    private static boolean undecodable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CharacterCodingException) {
                return true;
            }
        }
        return false;
    }
}
