package org.policyarchive.system;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Turns the archive's not-found, gone and bad-parameter exceptions into friendly pages that say what went wrong,
 * in the reader's language and through the layout. Spring's own {@code /error} path renders the same templates for
 * everything else (unknown URLs, wrong methods, server errors). Lowest precedence, so that a module with its own
 * JSON errors (the API) can answer first.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ErrorPages {

    /** Longer values are cut in the message, so that a page never echoes a huge parameter back. */
    static final int MAX_VALUE_LENGTH = 60;

    private final MessageSource messages;
    private final MultipartProperties multipart;

    ErrorPages(MessageSource messages, MultipartProperties multipart) {
        this.messages = messages;
        this.multipart = multipart;
    }

    @ExceptionHandler(InputRejectedException.class)
    ModelAndView rejected(InputRejectedException e, HttpServletRequest request, Locale locale) {
        String message = messages.getMessage(e.messageKey(), e.arguments(), locale);
        ModelAndView page = page(e.status(), request, Map.of("errorMessage", message, "backPath", e.backPath()));
        page.setViewName("error/rejected");
        return page;
    }

    /**
     * A file over the multipart limit, seen by a handler that reads the body itself (a client that sends its CSRF
     * token in a header). A browser's form post is refused earlier and gets {@link ErrorViews}' page.
     */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(HttpServletRequest request, Locale locale) {
        String limit = DataSizes.readable(multipart.getMaxRequestSize());
        String message = messages.getMessage("error.413.file", new Object[] {limit}, locale);
        return page(HttpStatus.CONTENT_TOO_LARGE, request, Map.of("errorMessage", message));
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e, HttpServletRequest request, Locale locale) {
        String message = messages.getMessage(e.getMessageKey(), e.getMessageArguments(), locale);
        return page(HttpStatus.NOT_FOUND, request, Map.of("errorMessage", message));
    }

    @ExceptionHandler(GoneException.class)
    ModelAndView gone(GoneException e, HttpServletRequest request, Locale locale) {
        String message = messages.getMessage(e.getMessageKey(), null, locale);
        return page(HttpStatus.GONE, request, Map.of("errorMessage", message, "goneTitle", e.getTitle()));
    }

    @ExceptionHandler(InvalidParameterException.class)
    ModelAndView invalidParameter(InvalidParameterException e, HttpServletRequest request, Locale locale) {
        return badParameter(e.getParameter(), e.getValue(), e.getReasonKey(), request, locale);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request, Locale locale) {
        return badParameter(e.getName(), String.valueOf(e.getValue()), "error.parameter.type", request, locale);
    }

    /**
     * A form field the form cannot take: a row past the last one a list grows to ({@code people[100000].name}), or a
     * row number that is not a number.
     */
    @ExceptionHandler(InvalidPropertyException.class)
    ModelAndView invalidFormField(InvalidPropertyException e, HttpServletRequest request, Locale locale) {
        String message = messages.getMessage("error.form.field", new Object[] {shortened(e.getPropertyName())}, locale);
        return page(HttpStatus.BAD_REQUEST, request, Map.of("errorMessage", message));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ModelAndView missingParameter(
            MissingServletRequestParameterException e, HttpServletRequest request, Locale locale) {
        String message = messages.getMessage("error.parameter.missing", new Object[] {e.getParameterName()}, locale);
        return page(HttpStatus.BAD_REQUEST, request, Map.of("errorMessage", message));
    }

    private ModelAndView badParameter(
            String parameter, String value, String reasonKey, HttpServletRequest request, Locale locale) {
        String shown = shortened(value);
        String reason = messages.getMessage(reasonKey, null, locale);
        String message = messages.getMessage("error.parameter", new Object[] {parameter, shown, reason}, locale);
        return page(HttpStatus.BAD_REQUEST, request, Map.of("errorMessage", message, "parameter", parameter));
    }

    private static String shortened(String value) {
        return value.length() > MAX_VALUE_LENGTH ? value.substring(0, MAX_VALUE_LENGTH) + "…" : value;
    }

    private static ModelAndView page(HttpStatus status, HttpServletRequest request, Map<String, Object> model) {
        ModelAndView page = new ModelAndView("error/" + status.value(), model, status);
        page.addObject("status", status.value());
        page.addObject("path", request.getRequestURI());
        return page;
    }
}
