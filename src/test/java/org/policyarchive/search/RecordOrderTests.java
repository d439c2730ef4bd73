package org.policyarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.policyarchive.system.DatePrecision;
import org.policyarchive.system.PartialDate;

class RecordOrderTests {

    @Test
    void aMonthOrAYearSortsAtTheStartOfItsPeriodBeforeItsDays() {
        List<String> oldestFirst = Stream.of(
                        "2023-08-21",
                        "2023-08",
                        "2023-08-01",
                        "2023",
                        "2023-01-01",
                        "2023-01-05",
                        "2022-12-31",
                        "2022-12")
                .map(PartialDate::parse)
                .sorted(Comparator.comparingLong(d -> RecordOrder.dateKey(d.date(), d.precision())))
                .map(PartialDate::toString)
                .toList();

        assertThat(oldestFirst)
                .containsExactly(
                        "2022-12",
                        "2022-12-31",
                        "2023",
                        "2023-01-01",
                        "2023-01-05",
                        "2023-08",
                        "2023-08-01",
                        "2023-08-21");
    }

    @Test
    void aDateWithoutPrecisionIsADay() {
        LocalDate day = LocalDate.of(2023, 8, 1);

        assertThat(RecordOrder.dateKey(day, null)).isEqualTo(RecordOrder.dateKey(day, DatePrecision.DAY));
    }

    @Test
    void titlesSortWithoutCaseAccentsOrLeadingPunctuation() {
        assertThat(Stream.of("“Zeal”", "état de la nation", "Annual message", "[Untitled] letter", "Économie")
                        .sorted(Comparator.comparing(RecordOrder::titleKey))
                        .toList())
                .containsExactly("Annual message", "Économie", "état de la nation", "[Untitled] letter", "“Zeal”");
        assertThat(RecordOrder.titleKey("x".repeat(300))).hasSize(RecordOrder.TITLE_KEY_LENGTH);
    }
}
