package org.policyarchive.account;

import org.policyarchive.audit.AuditLog;
import org.policyarchive.system.DatabaseOutage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Public pages are open to everyone; everything under /admin needs a signed-in editor, and the pages listed in
 * {@link #ADMIN_ONLY} an admin. People sign in with a form at /login (throttled, see {@link LoginThrottle}); a user
 * whose account is disabled is signed out at their next request ({@link DisabledAccountSignOut}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class WebSecurityConfiguration {

    /** Admin pages that editors may not open: users, the audit log, imports, fixity checks and the search index. */
    static final String[] ADMIN_ONLY = {
        "/admin/users/**", "/admin/audit/**", "/admin/imports/**", "/admin/fixity/**", "/admin/search/**"
    };

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            AuthenticationManager authenticationManager,
            UserAccountRepository accounts,
            DatabaseOutage outage)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(ADMIN_ONLY)
                        .hasRole("ADMIN")
                        .requestMatchers("/admin/**")
                        .hasRole("EDITOR")
                        .requestMatchers("/account/**")
                        .authenticated()
                        .anyRequest()
                        .permitAll())
                .authenticationManager(authenticationManager)
                .formLogin(form -> form.loginPage("/login").failureUrl("/login?error"))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .addFilterBefore(new DisabledAccountSignOut(accounts, outage), AuthorizationFilter.class)
                .exceptionHandling(errors -> errors.accessDeniedPage(LoginController.ACCESS_DENIED_PATH))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self';"
                                + " form-action 'self'; frame-ancestors 'none'")));
        return http.build();
    }

    @Bean
    AuthenticationManager authenticationManager(
            UserDetailsService accounts,
            PasswordEncoder passwordEncoder,
            LoginThrottle throttle,
            AuditLog auditLog,
            AuthenticationEventPublisher eventPublisher) {
        ProviderManager manager = new ProviderManager(
                new ThrottlingAuthenticationProvider(accounts, passwordEncoder, throttle, auditLog));
        manager.setAuthenticationEventPublisher(eventPublisher);
        return manager;
    }

    /** An admin may do everything an editor may. */
    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role("ADMIN")
                .implies("EDITOR")
                .build();
    }

    /** BCrypt today; the stored hashes name their algorithm, so a later change keeps old hashes working. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
