package org.policyarchive.account;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.policyarchive.audit.AuditLog;
import org.policyarchive.system.DatabaseOutage;
import org.policyarchive.system.Problems;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusScrapeEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.SingleResultAuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestMatcherDelegatingAuthorizationManager;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;

/**
 * Public pages are open to everyone; everything under /admin needs a signed-in editor, and the pages listed in
 * {@link #ADMIN_ONLY} an admin ({@link #accessRules}). People sign in with a form at /login (throttled, see
 * {@link ThrottlingAuthenticationProvider}); a user whose account is disabled, or whose password changed since they
 * signed in, is signed out at their next request ({@link StaleSessionSignOut}); a file from someone who may not send
 * it is refused before it is read ({@link MultipartGuard}). The metrics are for admins, or for whoever reaches the
 * management port when it has one of its own. The JSON API under /api has a chain of its own, without sessions, that
 * signs requests in with API tokens ({@link #apiSecurityFilterChain}); both chains read the same {@link #accessRules}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class WebSecurityConfiguration {

    /** Admin pages that editors may not open: users, the audit log, imports, fixity checks and the search index. */
    static final String[] ADMIN_ONLY = {
        "/admin/users/**", "/admin/audit/**", "/admin/imports/**", "/admin/fixity/**", "/admin/search/**"
    };

    /** Every page's Content-Security-Policy: nothing inline, nothing from elsewhere. */
    static final String POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self';"
            + " form-action 'self'; frame-ancestors 'none'";

    /**
     * Swagger UI's pages only: its scripts are files of its own, but the interface it draws sets inline styles, which
     * the archive's policy refuses. Scripts stay as strict as everywhere else.
     */
    static final String SWAGGER_UI_POLICY = POLICY + "; style-src 'self' 'unsafe-inline'";

    static final RequestMatcher SWAGGER_UI = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui.html"));

    /** The JSON API, which has a filter chain of its own ({@link #apiSecurityFilterChain}). */
    static final String API_PATHS = "/api/**";

    /** The reads under /api that need a token, so that no other site's script may make them (no CORS). */
    static final List<String> TOKEN_ONLY_READS = List.of("/api/imports/**", "/api/export");

    /**
     * The JSON API: machines sign in with an API token on each request ({@link ApiTokenFilter}), and nothing else
     * signs a request in here: no session is read or made, so a browser's signed-in session gives no access to
     * writes, and with no session to ride on there is no CSRF to guard against. Errors are problem details. Public
     * reads may be made from any site's scripts (CORS); writes and the imports may not.
     */
    /**
     * No observations of Spring Security's own: with them, every filter of the chain is wrapped in an observation on
     * every request (even when their meters are turned off, the wrapping stays), which cost about a fifth of the
     * requests per second of a kept page (docs/benchmarks.md). The request's own observation (http.server.requests)
     * still measures every request.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurityFilterChain(
            HttpSecurity http,
            ApiTokens tokens,
            AuditLog auditLog,
            MessageSource messages,
            RoleHierarchy roles,
            Environment environment)
            throws Exception {
        AuthorizationManager<HttpServletRequest> accessRules = accessRules(roles, environment);
        http.securityMatcher(API_PATHS)
                .authorizeHttpRequests(requests -> requests.anyRequest()
                        .access((user, context) -> accessRules.authorize(user, context.getRequest())))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(
                        context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .cors(cors -> cors.configurationSource(WebSecurityConfiguration::apiCors))
                .addFilterBefore(new ApiTokenFilter(tokens, auditLog, messages), AnonymousAuthenticationFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) ->
                                ApiTokenFilter.unauthorized(request, response, messages, "api.token.required"))
                        .accessDeniedHandler((request, response, e) -> Problems.write(
                                response,
                                HttpStatus.FORBIDDEN,
                                messages.getMessage("api.token.forbidden", null, request.getLocale()),
                                request.getRequestURI())))
                .headers(headers -> headers.contentSecurityPolicy(
                        csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }

    /**
     * CORS for the public reads only: a GET (or its preflight) of anything but the imports and the export. Other
     * requests get no CORS headers, so other sites' scripts cannot read their answers, and a preflight for a write is
     * refused.
     */
    static @Nullable CorsConfiguration apiCors(HttpServletRequest request) {
        String method = request.getMethod();
        boolean read = HttpMethod.GET.matches(method)
                || HttpMethod.HEAD.matches(method)
                || (HttpMethod.OPTIONS.matches(method) && request.getHeader("Access-Control-Request-Method") != null);
        if (!read
                || TOKEN_ONLY_READS.stream()
                        .anyMatch(path -> PathPatternRequestMatcher.withDefaults()
                                .matcher(path)
                                .matches(request))) {
            return null;
        }
        CorsConfiguration cors = new CorsConfiguration();
        cors.addAllowedOrigin("*");
        cors.addAllowedMethod(HttpMethod.GET);
        cors.addAllowedMethod(HttpMethod.HEAD);
        cors.addAllowedHeader("*");
        cors.addExposedHeader("Retry-After");
        cors.addExposedHeader("Location");
        cors.setAllowCredentials(false);
        cors.setMaxAge(3600L);
        return cors;
    }

    @Bean
    @Order(2)
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            AuthenticationManager authenticationManager,
            UserAccountRepository accounts,
            TrustedBrowsers browsers,
            SecurityContextRepository securityContexts,
            RoleHierarchy roles,
            Environment environment,
            DatabaseOutage outage)
            throws Exception {
        AuthorizationManager<HttpServletRequest> accessRules = accessRules(roles, environment);
        AccessDeniedHandlerImpl accessDenied = new AccessDeniedHandlerImpl();
        accessDenied.setErrorPage(LoginController.ACCESS_DENIED_PATH);
        http.authorizeHttpRequests(requests -> requests.anyRequest()
                        .access((user, context) -> accessRules.authorize(user, context.getRequest())))
                .authenticationManager(authenticationManager)
                .securityContext(context -> context.securityContextRepository(securityContexts))
                .formLogin(form -> form.loginPage(LoginController.LOGIN_PATH)
                        .failureHandler(new SignInFailure(LoginController.LOGIN_PATH + "?error"))
                        .authenticationDetailsSource(SignInDetails::new)
                        .successHandler(new SignInSuccess(browsers)))
                .logout(logout -> logout.logoutSuccessUrl(LoginController.LOGIN_PATH + "?logout"))
                // A forward comes from the archive itself, after the browser's request was checked; the one that
                // reaches the check first is MultipartGuard's, to the 403 page, with the body's fields hidden. OAI-PMH
                // harvesters may POST their requests and carry no token: /oai changes nothing, whatever the method.
                .csrf(csrf -> csrf.csrfTokenRequestHandler(new CsrfTokenReader())
                        .ignoringRequestMatchers(
                                request -> request.getDispatcherType() == DispatcherType.FORWARD,
                                PathPatternRequestMatcher.withDefaults().matcher("/oai")))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .addFilterBefore(new MultipartGuard(accessRules, role("EDITOR", roles), accessDenied), CsrfFilter.class)
                .addFilterBefore(new StaleSessionSignOut(accounts, outage), AuthorizationFilter.class)
                .exceptionHandling(errors -> errors.accessDeniedHandler(accessDenied))
                .headers(headers -> headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(SWAGGER_UI), new ContentSecurityPolicyHeaderWriter(POLICY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                SWAGGER_UI, new ContentSecurityPolicyHeaderWriter(SWAGGER_UI_POLICY)))
                        // other sites learn that a reader came from the archive, not from which page
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        return http.build();
    }

    /**
     * Who may open what: the one statement of it, read for each request and, before anything reads a file that
     * comes with one, by {@link MultipartGuard}.
     */
    static AuthorizationManager<HttpServletRequest> accessRules(RoleHierarchy roles, Environment environment) {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        RequestMatcherDelegatingAuthorizationManager.Builder rules =
                RequestMatcherDelegatingAuthorizationManager.builder();
        // A management port of its own is kept off the public network (docs/operations.md); on the main port only
        // admins read the metrics. Health stays open to all (status only) for load balancers.
        if (ManagementPortType.get(environment) != ManagementPortType.DIFFERENT) {
            rules.add(EndpointRequest.to(PrometheusScrapeEndpoint.class), role("ADMIN", roles));
        }
        for (String adminOnly : ADMIN_ONLY) {
            rules.add(paths.matcher(adminOnly), role("ADMIN", roles));
        }
        // The API: reads for anyone, but imports for admins and the export of the whole archive (drafts too) for
        // editors; other writes for editors (with a token, see the API chain).
        rules.add(paths.matcher("/api/imports/**"), role("ADMIN", roles))
                .add(paths.matcher("/api/export"), role("EDITOR", roles))
                .add(paths.matcher(HttpMethod.GET, API_PATHS), SingleResultAuthorizationManager.permitAll())
                .add(paths.matcher(HttpMethod.HEAD, API_PATHS), SingleResultAuthorizationManager.permitAll())
                .add(paths.matcher(API_PATHS), role("EDITOR", roles));
        return rules.add(paths.matcher("/admin/**"), role("EDITOR", roles))
                .add(paths.matcher("/account/**"), AuthenticatedAuthorizationManager.authenticated())
                .add(AnyRequestMatcher.INSTANCE, SingleResultAuthorizationManager.permitAll())
                .build();
    }

    private static <T> AuthorizationManager<T> role(String role, RoleHierarchy roles) {
        AuthorityAuthorizationManager<T> manager = AuthorityAuthorizationManager.hasRole(role);
        manager.setRoleHierarchy(roles);
        return manager;
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
