package org.policyarchive.system;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.boot.webmvc.autoconfigure.error.DefaultErrorViewResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Spring Boot's error views by convention (error/404.html, error/4xx.html, ...), with what was wrong when the archive
 * knows it: a request the container could not read ({@link MalformedRequests}), and for a file that is too large, the
 * limit. Tomcat refuses a multipart request over the limit from the length it announces, so the first filter that
 * reads a parameter (Spring Security's CSRF check) fails with a 413 before any controller runs, and only this error
 * path can say what the limit is.
 */
@Component
class ErrorViews extends DefaultErrorViewResolver {

    private final MessageSource messages;
    private final MultipartResolver multipart;
    private final DataSize multipartLimit;

    ErrorViews(
            ApplicationContext context,
            WebProperties web,
            MessageSource messages,
            MultipartResolver multipart,
            MultipartProperties multipartProperties) {
        super(context, web.getResources());
        this.messages = messages;
        this.multipart = multipart;
        this.multipartLimit = multipartProperties.getMaxRequestSize();
    }

    @Override
    public @Nullable ModelAndView resolveErrorView(
            HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        ModelAndView view = super.resolveErrorView(request, status, model);
        if (view != null && request.getAttribute(MalformedRequests.MESSAGE_KEY) instanceof String key) {
            view.addObject("errorMessage", messages.getMessage(key, null, RequestContextUtils.getLocale(request)));
        }
        if (view != null && status == HttpStatus.CONTENT_TOO_LARGE && multipart.isMultipart(request)) {
            view.addObject(
                    "errorMessage",
                    messages.getMessage(
                            "error.413.file",
                            new Object[] {DataSizes.readable(multipartLimit)},
                            RequestContextUtils.getLocale(request)));
        }
        return view;
    }
}
