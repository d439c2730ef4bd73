package org.policyarchive.system;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

/**
 * The interface is in English and Simplified Chinese ({@link ReaderLocales}). A reader switches with the links of the
 * layout, {@code ?locale=zh} or {@code ?locale=en}, which the {@link LocaleChangeInterceptor} keeps in a cookie. The
 * parameter is not {@code lang}: that one already filters records by their own language ({@code /records?lang=en}).
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        return new ReaderLocales();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor() {
            // The links are GETs. Reading a parameter of anything else (a form post, or the error page a post's
            // refused body was forwarded to) would make Tomcat parse a body, or fail again on one it refused.
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                    throws ServletException {
                return request.getDispatcherType() != DispatcherType.REQUEST
                        || !HttpMethod.GET.matches(request.getMethod())
                        || super.preHandle(request, response, handler);
            }
        };
        change.setParamName(ReaderLocales.PARAMETER);
        // ?locale=%%% is left alone, like ?locale=fr (which ReaderLocales refuses): the page in the current language
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
        registry.addInterceptor(new LanguageVary());
    }

    /**
     * Tells shared caches that a page depends on the reader's language, that is on the Accept-Language header and the
     * language cookie. Static files are the same in every language and keep their caches.
     */
    static final class LanguageVary implements HandlerInterceptor {

        static final List<String> HEADERS = List.of(HttpHeaders.ACCEPT_LANGUAGE, HttpHeaders.COOKIE);

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (!(handler instanceof ResourceHttpRequestHandler)) {
                for (String header : HEADERS) {
                    if (!response.getHeaders(HttpHeaders.VARY).contains(header)) {
                        response.addHeader(HttpHeaders.VARY, header);
                    }
                }
            }
            return true;
        }
    }
}
