package org.policyarchive.ingest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Links an uploaded original to the record saved from it: when the record form, opened from an upload, creates
 * a record (its POST redirects to the new record's edit page), the file waiting in the session is linked to that
 * record. The record form itself needs to know nothing of uploads.
 */
@Configuration(proxyBeanMethods = false)
class OriginalFileLinker implements WebMvcConfigurer, HandlerInterceptor {

    static final String PENDING_FILE = OriginalFileLinker.class.getName() + ".pendingFile";
    private static final Pattern CREATED = Pattern.compile("redirect:/admin/records/(\\d+)/edit");

    private final OriginalFiles files;

    OriginalFileLinker(OriginalFiles files) {
        this.files = files;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/admin/records/new");
    }

    @Override
    public void postHandle(
            HttpServletRequest request,
            HttpServletResponse response,
            Object handler,
            @Nullable ModelAndView modelAndView) {
        HttpSession session = request.getSession(false);
        if (!"POST".equals(request.getMethod()) || modelAndView == null || session == null) {
            return;
        }
        Object fileId = session.getAttribute(PENDING_FILE);
        String view = modelAndView.getViewName();
        Matcher created = view == null ? null : CREATED.matcher(view);
        if (fileId instanceof Long id && created != null && created.matches()) {
            files.linkToRecord(id, Long.parseLong(created.group(1)));
            session.removeAttribute(PENDING_FILE);
        }
    }
}
