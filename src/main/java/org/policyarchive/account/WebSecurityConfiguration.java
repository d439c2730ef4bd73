package org.policyarchive.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** Public pages are open to everyone; everything under /admin needs a signed-in editor or admin. */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class WebSecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/admin/**")
                        .hasAnyRole("EDITOR", "ADMIN")
                        .anyRequest()
                        .permitAll())
                .formLogin(Customizer.withDefaults())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self';"
                                + " form-action 'self'; frame-ancestors 'none'")));
        return http.build();
    }
}
