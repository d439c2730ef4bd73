package org.policyarchive.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.policyarchive.record.DatePrecision;

/**
 * Record dates as editors type them: {@code 2023-08-21}, {@code 2023-08} or {@code 2023}. A date with less than a
 * day is stored as the first day of its month or year, with the matching precision.
 */
final class RecordDates {

    private static final Pattern SHAPE = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");
    private static final DateTimeFormatter STRICT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private RecordDates() {}

    /** A parsed date and its precision. */
    record Parsed(LocalDate date, DatePrecision precision) {}

    /** Why a date was refused: the message key to show next to the field. */
    static final class InvalidDate extends Exception {

        private final String messageKey;

        InvalidDate(String messageKey) {
            super(messageKey, null, false, false);
            this.messageKey = messageKey;
        }

        String messageKey() {
            return messageKey;
        }
    }

    /** {@code null} when {@code text} is blank (a record may have no date). */
    static @Nullable Parsed parse(@Nullable String text, @Nullable DatePrecision precision) throws InvalidDate {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher matcher = SHAPE.matcher(text.strip());
        if (!matcher.matches()) {
            throw new InvalidDate("record.date.format");
        }
        DatePrecision given = matcher.group(3) != null
                ? DatePrecision.DAY
                : matcher.group(2) != null ? DatePrecision.MONTH : DatePrecision.YEAR;
        DatePrecision wanted = precision == null ? given : precision;
        if (wanted.ordinal() < given.ordinal()) {
            throw new InvalidDate("record.date.precision");
        }
        try {
            int year = Integer.parseInt(matcher.group(1));
            LocalDate date = switch (given) {
                case DAY -> LocalDate.parse(text.strip(), STRICT);
                case MONTH ->
                    YearMonth.of(year, Integer.parseInt(matcher.group(2))).atDay(1);
                case YEAR -> LocalDate.of(year, 1, 1);
            };
            LocalDate stored = switch (wanted) {
                case DAY -> date;
                case MONTH -> date.withDayOfMonth(1);
                case YEAR -> date.withDayOfYear(1);
            };
            return new Parsed(stored, wanted);
        } catch (DateTimeException e) {
            throw new InvalidDate("record.date.invalid");
        }
    }

    /** The text an editor would type for a stored date. */
    static @Nullable String format(@Nullable LocalDate date, @Nullable DatePrecision precision) {
        if (date == null) {
            return null;
        }
        return switch (precision == null ? DatePrecision.DAY : precision) {
            case DAY -> date.toString();
            case MONTH -> YearMonth.from(date).toString();
            case YEAR -> String.valueOf(date.getYear());
        };
    }
}
