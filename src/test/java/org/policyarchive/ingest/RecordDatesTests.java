package org.policyarchive.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.policyarchive.record.DatePrecision;

class RecordDatesTests {

    @Test
    void readsDaysMonthsAndYears() throws Exception {
        assertThat(RecordDates.parse("2023-08-21", null))
                .isEqualTo(new RecordDates.Parsed(LocalDate.of(2023, 8, 21), DatePrecision.DAY));
        assertThat(RecordDates.parse("2023-08", null))
                .isEqualTo(new RecordDates.Parsed(LocalDate.of(2023, 8, 1), DatePrecision.MONTH));
        assertThat(RecordDates.parse(" 2023 ", null))
                .isEqualTo(new RecordDates.Parsed(LocalDate.of(2023, 1, 1), DatePrecision.YEAR));
        assertThat(RecordDates.parse("2023-08-21", DatePrecision.MONTH))
                .isEqualTo(new RecordDates.Parsed(LocalDate.of(2023, 8, 1), DatePrecision.MONTH));
        assertThat(RecordDates.parse("  ", null)).isNull();
    }

    @Test
    void rejectsDatesThatDoNotExist() {
        assertThatThrownBy(() -> RecordDates.parse("2023-02-30", null))
                .isInstanceOfSatisfying(
                        RecordDates.InvalidDate.class,
                        e -> assertThat(e.messageKey()).isEqualTo("record.date.invalid"));
        assertThatThrownBy(() -> RecordDates.parse("2023-13", null)).isInstanceOf(RecordDates.InvalidDate.class);
        assertThat(RecordDatesTests.parses("2024-02-29")).isTrue();
    }

    @Test
    void rejectsOtherShapesAndAPrecisionFinerThanTheText() {
        assertThatThrownBy(() -> RecordDates.parse("21/08/2023", null))
                .isInstanceOfSatisfying(
                        RecordDates.InvalidDate.class,
                        e -> assertThat(e.messageKey()).isEqualTo("record.date.format"));
        assertThatThrownBy(() -> RecordDates.parse("2023", DatePrecision.DAY))
                .isInstanceOfSatisfying(
                        RecordDates.InvalidDate.class,
                        e -> assertThat(e.messageKey()).isEqualTo("record.date.precision"));
    }

    @Test
    void formatsAsTyped() {
        assertThat(RecordDates.format(LocalDate.of(2023, 8, 1), DatePrecision.MONTH))
                .isEqualTo("2023-08");
        assertThat(RecordDates.format(LocalDate.of(2023, 1, 1), DatePrecision.YEAR))
                .isEqualTo("2023");
        assertThat(RecordDates.format(null, null)).isNull();
    }

    @Test
    void acceptsWellFormedLanguageTagsOnly() {
        assertThat(LanguageTags.isValid("en")).isTrue();
        assertThat(LanguageTags.isValid("zh-Hans")).isTrue();
        assertThat(LanguageTags.isValid("pt-BR")).isTrue();
        assertThat(LanguageTags.isValid("yue")).isTrue();
        assertThat(LanguageTags.isValid("english")).isFalse();
        assertThat(LanguageTags.isValid("xx")).isFalse();
        assertThat(LanguageTags.isValid("en_US")).isFalse();
        assertThat(LanguageTags.canonical("ZH-hans")).isEqualTo("zh-Hans");
    }

    @Test
    void normalisesParagraphsToOneBlankLine() {
        assertThat(RecordEditor.normalizeBody("One\r\nline two\r\n\r\n\r\n  Two  \r\n \r\nThree\n"))
                .isEqualTo("One\nline two\n\nTwo\n\nThree");
    }

    private static boolean parses(String text) {
        try {
            return RecordDates.parse(text, null) != null;
        } catch (RecordDates.InvalidDate e) {
            return false;
        }
    }
}
