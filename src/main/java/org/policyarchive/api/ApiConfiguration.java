package org.policyarchive.api;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API's rate limit, on its paths only, after Spring Security has signed the request in. */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

    @Bean
    FilterRegistrationBean<RateLimitFilter> apiRateLimitFilter(
            RateLimits limits, MessageSource messages, SecurityFilterProperties security) {
        FilterRegistrationBean<RateLimitFilter> registration =
                new FilterRegistrationBean<>(new RateLimitFilter(limits, messages));
        registration.addUrlPatterns("/api/*");
        // right after Spring Security's filters, which have signed the request in by then
        registration.setOrder(security.getOrder() + 2);
        return registration;
    }
}
