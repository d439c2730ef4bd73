package org.policyarchive.system;

import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The reader's language comes from the browser's Accept-Language, among the languages the messages files cover; any
 * other gets English. Pages set {@code <html lang>} from it, so it must name the language the texts are really in:
 * add a locale here when its messages files exist.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration {

    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH);

    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setSupportedLocales(SUPPORTED);
        resolver.setDefaultLocale(Locale.ENGLISH);
        return resolver;
    }
}
