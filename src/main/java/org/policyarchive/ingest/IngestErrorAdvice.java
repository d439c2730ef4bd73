package org.policyarchive.ingest;

import jakarta.servlet.http.HttpServletResponse;
import org.policyarchive.system.DataSizes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Turns bad uploads into a page that says what was wrong, with the right status: 413 with the limit for a file
 * that is too large (raised before any controller runs, so this advice applies to every handler), and the
 * status each {@link IngestRejection} carries. A browser's form post over the limit is refused earlier, by Tomcat,
 * and gets the error page for 413 instead (see ErrorViews); a client that sends its CSRF token in a header gets here.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class IngestErrorAdvice {

    static final String VIEW = "admin/ingest/rejected";

    private final DataSize requestLimit;

    IngestErrorAdvice(@Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize requestLimit) {
        this.requestLimit = requestLimit;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(Model model, HttpServletResponse response) {
        return page(
                new IngestRejection(HttpStatus.CONTENT_TOO_LARGE, "error.413.file", DataSizes.readable(requestLimit)),
                model,
                response);
    }

    @ExceptionHandler(IngestRejection.class)
    String rejected(IngestRejection rejection, Model model, HttpServletResponse response) {
        return page(rejection, model, response);
    }

    static String page(IngestRejection rejection, Model model, HttpServletResponse response) {
        response.setStatus(rejection.status().value());
        model.addAttribute("status", rejection.status().value());
        model.addAttribute("messageKey", rejection.messageKey());
        model.addAttribute("arguments", rejection.arguments());
        return VIEW;
    }
}
