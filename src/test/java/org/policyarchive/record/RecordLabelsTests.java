package org.policyarchive.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.policyarchive.system.PartialDate;
import org.policyarchive.testing.SeededKinds;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

class RecordLabelsTests {

    private final RecordLabels labels =
            new RecordLabels(messages(), new Kinds(() -> SeededKinds.ALL, Clock.systemUTC()));

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void labelsEveryRoleAndStatus() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        for (Role role : Role.values()) {
            assertThat(labels.role(role)).as(role.name()).isNotBlank();
        }
        for (RecordStatus status : RecordStatus.values()) {
            assertThat(labels.status(status)).as(status.name()).isNotBlank();
        }
        assertThat(labels.role(Role.PRESIDED)).isEqualTo("Presided");
    }

    @Test
    void namesKindsInTheReadersLanguage() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(labels.kind(RecordKind.STUDY_SESSION)).isEqualTo("Study session");
        assertThat(labels.kindOfCode("government-work-report")).isEqualTo("Government work report");
        assertThat(labels.kindOfCode("no-such-kind")).isEqualTo("no-such-kind");
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(labels.kind(RecordKind.STUDY_SESSION)).isEqualTo("专题学习");
    }

    @Test
    void showsOnlyAsMuchOfTheDateAsIsKnown() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);

        assertThat(labels.date(PartialDate.parse("2023-08-21"))).isEqualTo("21 August 2023");
        assertThat(labels.isoDate(PartialDate.parse("2023-08-21"))).isEqualTo("2023-08-21");

        assertThat(labels.date(PartialDate.parse("2023-08"))).isEqualTo("August 2023");
        assertThat(labels.isoDate(PartialDate.parse("2023-08"))).isEqualTo("2023-08");

        assertThat(labels.date(PartialDate.parse("1789"))).isEqualTo("1789");
        assertThat(labels.isoDate(PartialDate.parse("1789"))).isEqualTo("1789");

        assertThat(labels.date(null)).isNull();
        assertThat(labels.isoDate(null)).isNull();
    }

    @Test
    void showsTheDateOfAStoredRecord() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        Record record = new Record("dated", "Dated", RecordKind.SPEECH, "en", "text");

        record.setDate(PartialDate.parse("2023-08"));
        assertThat(labels.date(record.getPartialDate())).isEqualTo("August 2023");

        record.setDate(null);
        assertThat(labels.date(record.getPartialDate())).isNull();
    }

    @Test
    void namesLanguagesInTheReadersLanguage() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(labels.language("en")).isEqualTo("English");
        assertThat(labels.language("zh-Hans")).isEqualTo("Chinese (Simplified)");
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
