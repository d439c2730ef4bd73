package org.policyarchive.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PartialDateTests {

    @Nested
    class Reading {

        @Test
        void readsDaysMonthsAndYearsAsPreciseAsWritten() {
            assertThat(PartialDate.parse("2023-08-21"))
                    .isEqualTo(new PartialDate(LocalDate.of(2023, 8, 21), DatePrecision.DAY));
            assertThat(PartialDate.parse("2023-08"))
                    .isEqualTo(new PartialDate(LocalDate.of(2023, 8, 1), DatePrecision.MONTH));
            assertThat(PartialDate.parse(" 2023 "))
                    .isEqualTo(new PartialDate(LocalDate.of(2023, 1, 1), DatePrecision.YEAR));
        }

        @Test
        void keepsADayAsItsMonthOrYearWhenAskedTo() {
            assertThat(PartialDate.parse("2023-08-21", DatePrecision.MONTH))
                    .isEqualTo(new PartialDate(LocalDate.of(2023, 8, 1), DatePrecision.MONTH));
            assertThat(PartialDate.parse("2023-08-21", DatePrecision.YEAR))
                    .isEqualTo(new PartialDate(LocalDate.of(2023, 1, 1), DatePrecision.YEAR));
            assertThat(PartialDate.parse("2023-08", DatePrecision.YEAR))
                    .isEqualTo(new PartialDate(LocalDate.of(2023, 1, 1), DatePrecision.YEAR));
            assertThat(PartialDate.parse("2023-08-21", DatePrecision.DAY))
                    .isEqualTo(new PartialDate(LocalDate.of(2023, 8, 21), DatePrecision.DAY));
        }

        @Test
        void refusesAPrecisionFinerThanTheText() {
            assertThatThrownBy(() -> PartialDate.parse("2023", DatePrecision.DAY))
                    .isInstanceOfSatisfying(
                            PartialDate.InvalidDateException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("date.precision"));
            assertThatThrownBy(() -> PartialDate.parse("2023-08", DatePrecision.DAY))
                    .isInstanceOfSatisfying(
                            PartialDate.InvalidDateException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("date.precision"));
            assertThatThrownBy(() -> PartialDate.parse("2023", DatePrecision.MONTH))
                    .isInstanceOfSatisfying(
                            PartialDate.InvalidDateException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("date.precision"));
        }

        @Test
        void refusesOtherShapes() {
            for (String text :
                    new String[] {"21/08/2023", "2023-8-21", "23", "2023-08-21T10:00", "", "abcd", "20230821"}) {
                assertThatThrownBy(() -> PartialDate.parse(text))
                        .as(text)
                        .isInstanceOfSatisfying(
                                PartialDate.InvalidDateException.class,
                                e -> assertThat(e.messageKey()).isEqualTo("date.format"));
            }
        }

        @Test
        void refusesDaysAndMonthsThatDoNotExist() {
            for (String text :
                    new String[] {"2023-02-29", "2023-02-30", "2023-04-31", "2023-13", "2023-00", "2023-01-00"}) {
                assertThatThrownBy(() -> PartialDate.parse(text))
                        .as(text)
                        .isInstanceOfSatisfying(
                                PartialDate.InvalidDateException.class,
                                e -> assertThat(e.messageKey()).isEqualTo("date.invalid"));
            }
            assertThat(PartialDate.parse("2024-02-29").date()).isEqualTo(LocalDate.of(2024, 2, 29));
        }
    }

    @Nested
    class Values {

        @Test
        void keepsAMonthOrAYearAsItsFirstDay() {
            assertThat(new PartialDate(LocalDate.of(2023, 8, 21), DatePrecision.MONTH).date())
                    .isEqualTo(LocalDate.of(2023, 8, 1));
            assertThat(new PartialDate(LocalDate.of(2023, 8, 21), DatePrecision.YEAR).date())
                    .isEqualTo(LocalDate.of(2023, 1, 1));
        }

        @Test
        void coversItsFirstToItsLastDay() {
            PartialDate day = PartialDate.parse("2023-08-21");
            assertThat(day.start()).isEqualTo(LocalDate.of(2023, 8, 21));
            assertThat(day.end()).isEqualTo(LocalDate.of(2023, 8, 21));

            PartialDate february = PartialDate.parse("2024-02");
            assertThat(february.start()).isEqualTo(LocalDate.of(2024, 2, 1));
            assertThat(february.end()).isEqualTo(LocalDate.of(2024, 2, 29));

            PartialDate year = PartialDate.parse("2023");
            assertThat(year.start()).isEqualTo(LocalDate.of(2023, 1, 1));
            assertThat(year.end()).isEqualTo(LocalDate.of(2023, 12, 31));
        }

        @Test
        void writesItselfAsItIsWritten() {
            assertThat(PartialDate.parse("2023-08-21")).hasToString("2023-08-21");
            assertThat(PartialDate.parse("2023-08")).hasToString("2023-08");
            assertThat(PartialDate.parse("2023")).hasToString("2023");
            assertThat(PartialDate.parse("2023-08-21", DatePrecision.MONTH)).hasToString("2023-08");
            assertThat(PartialDate.parse("0987")).hasToString("0987");
        }

        @Test
        void makesAStoredDateAndPrecisionOneValue() {
            assertThat(PartialDate.of(null, null)).isNull();
            assertThat(PartialDate.of(null, DatePrecision.YEAR)).isNull();
            assertThat(PartialDate.of(LocalDate.of(2023, 8, 21), null))
                    .isEqualTo(new PartialDate(LocalDate.of(2023, 8, 21), DatePrecision.DAY));
            assertThat(PartialDate.of(LocalDate.of(2023, 8, 1), DatePrecision.MONTH))
                    .hasToString("2023-08");
        }
    }
}
