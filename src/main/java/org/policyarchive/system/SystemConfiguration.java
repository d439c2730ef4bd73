package org.policyarchive.system;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Binds {@link ArchiveProperties}, and answers with the 503 page what fails because the database is out of reach:
 * {@link DatabaseOutageFilter} in front of every other filter, {@link DatabaseOutagePage} for the controllers. Both are
 * made here rather than found as components, so that MVC test slices, which have no database, leave them out. Turns on
 * the scheduled tasks of every module.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ArchiveProperties.class)
@EnableScheduling
class SystemConfiguration {

    @Bean
    FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter(DatabaseOutage outage) {
        FilterRegistrationBean<DatabaseOutageFilter> registration =
                new FilterRegistrationBean<>(new DatabaseOutageFilter(outage));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    DatabaseOutagePage databaseOutagePage(DatabaseOutage outage) {
        return new DatabaseOutagePage(outage);
    }
}
