package org.policyarchive.account;

import org.policyarchive.audit.AuditLog;
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
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Public pages are open to everyone; everything under /admin needs a signed-in editor, and the pages listed in
 * {@link #ADMIN_ONLY} an admin. People sign in with a form at /login (throttled, see
 * {@link ThrottlingAuthenticationProvider}); a user whose account is disabled, or whose password changed since they
 * signed in, is signed out at their next request ({@link StaleSessionSignOut}).
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
            TrustedBrowsers browsers,
            SecurityContextRepository securityContexts)
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
                .securityContext(context -> context.securityContextRepository(securityContexts))
                .formLogin(form -> form.loginPage(LoginController.LOGIN_PATH)
                        .failureUrl(LoginController.LOGIN_PATH + "?error")
                        .authenticationDetailsSource(SignInDetails::new)
                        .successHandler(new SignInSuccess(browsers)))
                .logout(logout -> logout.logoutSuccessUrl(LoginController.LOGIN_PATH + "?logout"))
                .csrf(csrf -> csrf.csrfTokenRequestHandler(new CsrfTokenReader()))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .addFilterBefore(new StaleSessionSignOut(accounts), AuthorizationFilter.class)
                .exceptionHandling(errors -> errors.accessDeniedPage(LoginController.ACCESS_DENIED_PATH))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self';"
                                        + " form-action 'self'; frame-ancestors 'none'"))
                        // other sites learn that a reader came from the archive, not from which page
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        return http.build();
    }

    @Bean
    AuthenticationManager authenticationManager(
            UserDetailsService accounts,
            PasswordEncoder passwordEncoder,
            LoginThrottle throttle,
            TrustedBrowsers browsers,
            AuditLog auditLog,
            AuthenticationEventPublisher eventPublisher) {
        ProviderManager manager = new ProviderManager(
                new ThrottlingAuthenticationProvider(accounts, passwordEncoder, throttle, browsers, auditLog));
        manager.setAuthenticationEventPublisher(eventPublisher);
        return manager;
    }

    /**
     * Where a request finds its sign-in: the session, as Spring Security keeps it by default. A bean, so that a
     * password change can save the session's renewed sign-in in the same place.
     */
    @Bean
    SecurityContextRepository securityContextRepository() {
        return new DelegatingSecurityContextRepository(
                new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
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
