package org.policyarchive.citation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.policyarchive.record.RecordKind;
import org.springframework.context.support.ResourceBundleMessageSource;

class GenresTests {

    @Test
    void everyKindHasAnEnglishAndAChineseGenre() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        Genres genres = new Genres(messages);

        assertThat(genres.genre(RecordKind.STUDY_SESSION, "en")).isEqualTo("Study session");
        assertThat(genres.genre(RecordKind.STUDY_SESSION, "zh-Hans")).isEqualTo("专题学习");
        for (RecordKind kind : RecordKind.values()) {
            assertThat(genres.genre(kind, "en"))
                    .isEqualTo(messages.getMessage("kind." + kind.code(), null, Locale.ENGLISH));
            assertThat(genres.genre(kind, "zh"))
                    .as(kind.code())
                    .isNotEqualTo(genres.genre(kind, "en"))
                    .matches(genre -> genre.codePoints()
                            .allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN));
        }
        assertThat(Arrays.stream(RecordKind.values()).map(WorkType::of)).contains(WorkType.values());
    }
}
