package org.policyarchive.citation;

import de.undercouch.citeproc.CSL;
import de.undercouch.citeproc.DefaultAbbreviationProvider;
import de.undercouch.citeproc.ItemDataProvider;
import de.undercouch.citeproc.csl.CSLItemData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The CSL processors: one per style and locale, made on first use from the bundled style and locale files and kept,
 * since reading a style (Chicago's is 240 KB) costs far more than rendering an item. A processor holds the item it
 * renders, so each renders one item at a time.
 */
@Component
class CitationProcessors {

    private final Map<String, Processor> processors = new ConcurrentHashMap<>();

    /** The bibliography entry of {@code item} in {@code style}, with the terms and dates of {@code cslLocale}, as HTML. */
    String entry(CitationStyle style, String cslLocale, CSLItemData item) {
        return processors
                .computeIfAbsent(style.code() + " " + cslLocale, key -> new Processor(style, cslLocale))
                .entry(item);
    }

    private static String read(String resource) {
        try {
            return new ClassPathResource(resource).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Processor implements ItemDataProvider {

        private final CSL csl;
        private @Nullable CSLItemData item;

        Processor(CitationStyle style, String cslLocale) {
            try {
                csl = new CSL(
                        this,
                        locale -> read("csl/locales-" + locale + ".xml"),
                        new DefaultAbbreviationProvider(),
                        read(style.resource()),
                        cslLocale);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            csl.setOutputFormat("html");
        }

        synchronized String entry(CSLItemData rendered) {
            item = rendered;
            try {
                csl.reset();
                csl.registerCitationItems(rendered.getId());
                return csl.makeBibliography().getEntries()[0];
            } finally {
                item = null;
            }
        }

        @Override
        public @Nullable CSLItemData retrieveItem(String id) {
            return item;
        }

        @Override
        public Collection<String> getIds() {
            CSLItemData current = item;
            return current == null ? List.of() : List.of(current.getId());
        }
    }
}
