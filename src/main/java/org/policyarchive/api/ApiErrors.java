package org.policyarchive.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.policyarchive.record.RecordRejectedException;
import org.policyarchive.record.RecordViolation;
import org.policyarchive.search.InvalidSearchException;
import org.policyarchive.system.DatabaseOutage;
import org.policyarchive.system.InvalidParameterException;
import org.policyarchive.system.NotFoundException;
import org.policyarchive.system.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Every error of a request under {@code /api} becomes RFC 9457 problem details, whatever raised it: the API's own
 * problems, the search's and the record's rules, and Spring MVC's (no such path, wrong method, wrong media type,
 * unreadable body). It runs before the archive's error pages ({@code system.ErrorPages}), which answer the other
 * paths with HTML. A failure the API did not foresee is logged and answered with a 500 problem, without its message.
 */
@Component
class ApiErrors implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    private final MessageSource messages;
    private final DatabaseOutage outage;

    ApiErrors(MessageSource messages, DatabaseOutage outage) {
        this.messages = messages;
        this.outage = outage;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/api") || path.startsWith("/api/");
    }

    @Override
    public @Nullable ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, @Nullable Object handler, Exception failure) {
        if (!isApi(request) || response.isCommitted()) {
            return null;
        }
        Locale locale = RequestContextUtils.getLocale(request);
        try {
            if (outage.explains(failure)) {
                outage.answer(request, response, failure);
                write(request, response, HttpStatus.SERVICE_UNAVAILABLE, message("api.unavailable", locale), Map.of());
            } else {
                answer(request, response, failure, locale);
            }
        } catch (IOException e) {
            log.debug("Could not write the problem of {}", request.getRequestURI(), e);
        }
        return new ModelAndView();
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, Exception failure, Locale locale)
            throws IOException {
        HttpStatus status = HttpStatus.BAD_REQUEST;
        String detail;
        Map<String, ?> extensions = Map.of();
        if (failure instanceof ApiProblem problem) {
            status = problem.status();
            detail = message(problem.messageKey(), locale, problem.arguments());
            extensions = problem.extensions();
        } else if (failure instanceof InvalidSearchException invalid) {
            detail = message(invalid.messageCode(), locale, invalid.arguments());
            extensions = SearchParameters.faulty(invalid, request);
        } else if (failure instanceof InvalidParameterException invalid) {
            detail = badParameter(invalid.getParameter(), invalid.getValue(), invalid.getReasonKey(), locale);
            extensions = Map.of("parameter", invalid.getParameter());
        } else if (failure instanceof MethodArgumentTypeMismatchException mismatch) {
            detail = badParameter(
                    mismatch.getName(), String.valueOf(mismatch.getValue()), "error.parameter.type", locale);
            extensions = Map.of("parameter", mismatch.getName());
        } else if (failure instanceof MissingServletRequestParameterException missing) {
            detail = message("error.parameter.missing", locale, missing.getParameterName());
            extensions = Map.of("parameter", missing.getParameterName());
        } else if (failure instanceof HttpMessageNotReadableException) {
            detail = message("api.body.unreadable", locale);
        } else if (failure instanceof NotFoundException notFound) {
            status = HttpStatus.NOT_FOUND;
            detail = message(notFound.getMessageKey(), locale, notFound.getMessageArguments());
        } else if (failure instanceof RecordRejectedException rejected) {
            status = HttpStatus.UNPROCESSABLE_CONTENT;
            detail = message("api.record.rejected", locale);
            extensions = Map.of("errors", fieldErrors(rejected.violations(), locale));
        } else if (failure instanceof ErrorResponse spring) {
            if (spring instanceof HttpRequestMethodNotSupportedException wrongMethod
                    && wrongMethod.getSupportedHttpMethods() != null) {
                response.setHeader(
                        HttpHeaders.ALLOW,
                        String.join(
                                ", ",
                                wrongMethod.getSupportedHttpMethods().stream()
                                        .map(Object::toString)
                                        .toList()));
            }
            status = HttpStatus.valueOf(spring.getStatusCode().value());
            ProblemDetail body = spring.getBody();
            detail = body.getDetail() != null ? body.getDetail() : status.getReasonPhrase();
        } else {
            log.error("The API could not answer {} {}", request.getMethod(), request.getRequestURI(), failure);
            status = HttpStatus.INTERNAL_SERVER_ERROR;
            detail = message("api.failed", locale);
        }
        write(request, response, status, detail, extensions);
    }

    private String badParameter(String parameter, String value, String reasonKey, Locale locale) {
        String shown = value.length() > 60 ? value.substring(0, 60) + "…" : value;
        return message("error.parameter", locale, parameter, shown, message(reasonKey, locale));
    }

    /** The rules' field names in the interchange format's: a draft's people are the format's speakers. */
    private List<Map<String, String>> fieldErrors(List<RecordViolation> violations, Locale locale) {
        return violations.stream()
                .map(violation -> {
                    Map<String, String> error = new LinkedHashMap<>();
                    error.put("field", interchangeField(violation.field()));
                    error.put("message", message(violation.messageKey(), locale, violation.arguments()));
                    return error;
                })
                .toList();
    }

    static String interchangeField(String field) {
        if (field.startsWith("people")) {
            return "speakers" + field.substring("people".length());
        }
        return switch (field) {
            case "themeIds", "newThemes" -> "themes";
            case "translationSlug" -> "translation";
            default -> field;
        };
    }

    private String message(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale);
    }

    private static void write(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatus status,
            String detail,
            Map<String, ?> extensions)
            throws IOException {
        Problems.write(response, status, Problems.body(status, detail, request.getRequestURI(), extensions));
    }
}
