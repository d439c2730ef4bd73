package org.policyarchive.citation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.policyarchive.record.RecordKind;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.stereotype.Component;

/**
 * A record's kind as a citation's genre ("[Study session]" in APA), in the record's language rather than the reader's:
 * the English name the pages show, or the Chinese one from {@code csl/genres-zh.properties}.
 */
@Component
class Genres {

    private final MessageSource messages;
    private final Properties chinese;

    Genres(MessageSource messages) {
        this.messages = messages;
        try {
            this.chinese = PropertiesLoaderUtils.loadProperties(
                    new EncodedResource(new ClassPathResource("csl/genres-zh.properties"), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String genre(RecordKind kind, String languageTag) {
        if (Languages.isChinese(languageTag)) {
            String genre = chinese.getProperty(kind.code());
            if (genre != null) {
                return genre;
            }
        }
        return messages.getMessage("kind." + kind.code(), null, Locale.ENGLISH);
    }
}
