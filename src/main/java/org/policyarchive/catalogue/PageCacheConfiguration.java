package org.policyarchive.catalogue;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Puts the {@link PageCacheFilter} right ahead of Spring Security's filters, after Spring Session's, which gives it
 * the session that says who is signed in.
 */
@Configuration(proxyBeanMethods = false)
class PageCacheConfiguration {

    @Bean
    FilterRegistrationBean<PageCacheFilter> pageCacheFilter(
            PageCache cache, LocaleResolver locales, SecurityFilterProperties security) {
        FilterRegistrationBean<PageCacheFilter> registration =
                new FilterRegistrationBean<>(new PageCacheFilter(cache, locales));
        registration.setOrder(security.getOrder() - 1);
        return registration;
    }
}
