package org.policyarchive.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses a request whose parameters or form fields hold a NUL character, with the bad-parameter page (400), before
 * any handler sees it: PostgreSQL refuses NUL in text, so it would fail the look-up or the save with a 500, and no
 * reader or editor types one. Every page and form, public and admin, goes through it.
 */
@Configuration(proxyBeanMethods = false)
class ControlCharacterGuard implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            for (String value : parameter.getValue()) {
                if (value.indexOf('\u0000') >= 0) {
                    // shown with the control picture ␀, since the character itself would not print
                    throw new InvalidParameterException(
                            parameter.getKey(), value.replace('\u0000', '\u2400'), "error.parameter.nul");
                }
            }
        }
        return true;
    }
}
