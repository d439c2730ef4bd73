package org.policyarchive.system;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A date known to the day, the month or the year, written {@code 2023-08-21}, {@code 2023-08} or {@code 2023}: the
 * one reading of such dates for records, people's offices, imports and search filters. A month or a year is kept as
 * its first day, with its precision.
 */
public record PartialDate(LocalDate date, DatePrecision precision) {

    private static final Pattern SHAPE = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

    public PartialDate {
        date = switch (precision) {
            case DAY -> date;
            case MONTH -> date.withDayOfMonth(1);
            case YEAR -> date.withDayOfYear(1);
        };
    }

    /** Why a text is not such a date: the key of the message that says so. */
    public static final class InvalidDateException extends RuntimeException {

        private final String messageKey;

        InvalidDateException(String messageKey) {
            super(messageKey, null, false, false);
            this.messageKey = messageKey;
        }

        /** {@code date.format} (not of the form), {@code date.invalid} (no such day) or {@code date.precision}. */
        public String messageKey() {
            return messageKey;
        }
    }

    /** The date {@code text} writes, as precise as it is written. */
    public static PartialDate parse(String text) {
        return parse(text, null);
    }

    /**
     * The date {@code text} writes, kept with {@code precision} when one is given: a day may be kept as its month
     * or year, but a year cannot be made a day.
     *
     * @throws InvalidDateException when {@code text} is not such a date, names a day that does not exist, or is
     *     less precise than {@code precision}
     */
    public static PartialDate parse(String text, @Nullable DatePrecision precision) {
        Matcher matcher = SHAPE.matcher(text.strip());
        if (!matcher.matches()) {
            throw new InvalidDateException("date.format");
        }
        DatePrecision written = matcher.group(3) != null
                ? DatePrecision.DAY
                : matcher.group(2) != null ? DatePrecision.MONTH : DatePrecision.YEAR;
        DatePrecision kept = precision == null ? written : precision;
        if (kept.ordinal() < written.ordinal()) {
            throw new InvalidDateException("date.precision");
        }
        try {
            int year = Integer.parseInt(matcher.group(1));
            LocalDate date = switch (written) {
                case DAY -> LocalDate.of(year, Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3)));
                case MONTH ->
                    YearMonth.of(year, Integer.parseInt(matcher.group(2))).atDay(1);
                case YEAR -> LocalDate.of(year, 1, 1);
            };
            return new PartialDate(date, kept);
        } catch (DateTimeException e) {
            throw new InvalidDateException("date.invalid");
        }
    }

    /** The stored date and precision as one value; null when there is no date. */
    public static @Nullable PartialDate of(@Nullable LocalDate date, @Nullable DatePrecision precision) {
        return date == null ? null : new PartialDate(date, precision == null ? DatePrecision.DAY : precision);
    }

    /** The first day the date covers. */
    public LocalDate start() {
        return date;
    }

    /** The last day the date covers. */
    public LocalDate end() {
        return switch (precision) {
            case DAY -> date;
            case MONTH -> YearMonth.from(date).atEndOfMonth();
            case YEAR -> date.withDayOfYear(date.lengthOfYear());
        };
    }

    /** As written: {@code 2023-08-21}, {@code 2023-08} or {@code 2023}. */
    @Override
    public String toString() {
        return switch (precision) {
            case DAY -> date.toString();
            case MONTH -> YearMonth.from(date).toString();
            // four digits, as parse reads them: the year 987 is written 0987
            case YEAR -> String.format(Locale.ROOT, "%04d", date.getYear());
        };
    }
}
