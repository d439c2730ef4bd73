package org.policyarchive.system;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses a page request (GET) whose parameters hold a NUL character, with the bad-parameter page (400), before any
 * handler sees it: PostgreSQL refuses NUL in text, so a filter or a look-up (a person, a theme) would fail with a
 * 500, and no reader types one. Forms (POST) are left to their own validation, which says so beside the field and
 * keeps what was typed; an error dispatch is not checked again, nor is a body that was refused (too large) read.
 */
@Configuration(proxyBeanMethods = false)
class ControlCharacterGuard implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getDispatcherType() != DispatcherType.REQUEST
                || !(HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod()))) {
            return true;
        }
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            for (String value : parameter.getValue()) {
                if (value != null && value.indexOf('\u0000') >= 0) {
                    // shown with the control picture ␀, since the character itself would not print
                    throw new InvalidParameterException(
                            parameter.getKey(), value.replace('\u0000', '\u2400'), "error.parameter.nul");
                }
            }
        }
        return true;
    }
}
