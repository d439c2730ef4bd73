package org.policyarchive.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a multipart body (a file) that its sender may not send, before anything reads it. Spring Security's CSRF
 * check comes before the access rules and looks for its token among the form's fields, and for a multipart body that
 * makes Tomcat write every part to its temporary directory: anyone could fill the disk with files that were refused
 * afterwards. Files come only from signed-in editors, to pages the access rules let them open; anyone else gets the
 * 403 page at once, and Tomcat discards the body unread.
 */
final class MultipartGuard extends OncePerRequestFilter {

    private final AuthorizationManager<HttpServletRequest> mayOpen;
    private final AuthorizationManager<HttpServletRequest> isEditor;
    private final AccessDeniedHandler accessDenied;

    MultipartGuard(
            AuthorizationManager<HttpServletRequest> mayOpen,
            AuthorizationManager<HttpServletRequest> isEditor,
            AccessDeniedHandler accessDenied) {
        this.mayOpen = mayOpen;
        this.isEditor = isEditor;
        this.accessDenied = accessDenied;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isMultipart(request) && !maySend(request)) {
            accessDenied.handle(
                    new BodyUnread(request), response, new AccessDeniedException("Not allowed to send files here"));
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean maySend(HttpServletRequest request) {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        return granted(isEditor.authorize(() -> user, request)) && granted(mayOpen.authorize(() -> user, request));
    }

    private static boolean granted(@Nullable AuthorizationResult result) {
        return result != null && result.isGranted();
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    /**
     * The refused request as the 403 page sees it: without its body, so that neither Spring MVC's multipart
     * handling nor a parameter looked up on the way reads it.
     */
    private static final class BodyUnread extends HttpServletRequestWrapper {

        BodyUnread(HttpServletRequest request) {
            super(request);
        }

        @Override
        public @Nullable String getContentType() {
            return null;
        }

        @Override
        public @Nullable String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String @Nullable [] getParameterValues(String name) {
            return null;
        }

        @Override
        public Collection<Part> getParts() {
            return List.of();
        }

        @Override
        public @Nullable Part getPart(String name) {
            return null;
        }
    }
}
