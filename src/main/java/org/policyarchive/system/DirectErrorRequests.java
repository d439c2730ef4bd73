package org.policyarchive.system;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The error path ({@code /error}) asked for directly, not forwarded to by the container after an error: there is no
 * error to show, and no page at that address. The request is given the status and address of a page not found before
 * Spring Boot's error controller reads them, so that it answers 404 in every form it speaks (the page, JSON) instead
 * of a 500 for an error it cannot find.
 */
@Configuration(proxyBeanMethods = false)
class DirectErrorRequests implements WebMvcConfigurer, HandlerInterceptor {

    private final String errorPath;

    DirectErrorRequests(@Value("${spring.web.error.path:/error}") String errorPath) {
        this.errorPath = errorPath;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns(errorPath);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getDispatcherType() == DispatcherType.REQUEST
                && request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null) {
            request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, HttpStatus.NOT_FOUND.value());
            request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
        }
        return true;
    }
}
