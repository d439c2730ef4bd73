package org.policyarchive.uploads;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.policyarchive.system.DatePrecision;
import org.policyarchive.system.PartialDate;

/**
 * Finds the date a text states. A full date wins ("21 August 2023", "August 21, 2023", "2023年8月21日",
 * "2023-08-21"). A day without a year ("On the afternoon of August 21st", "8月21日") takes its year from the
 * file name (archivists stamp dates there), else from a year the text mentions, else the current year: the
 * editor reviews it either way. A month and year alone give a date of month precision.
 */
final class DateFinder {

    private static final String MONTHS =
            "(January|February|March|April|May|June|July|August|September|October|November|December)";
    private static final Pattern ENGLISH_MONTH_DAY_YEAR =
            Pattern.compile("\\b" + MONTHS + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b");
    private static final Pattern ENGLISH_DAY_MONTH_YEAR =
            Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTHS + ",?\\s+(\\d{4})\\b");
    private static final Pattern CHINESE_FULL = Pattern.compile("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日");
    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Pattern ENGLISH_MONTH_DAY =
            Pattern.compile("\\b" + MONTHS + "\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b");
    private static final Pattern ENGLISH_DAY_MONTH =
            Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTHS + "\\b");
    private static final Pattern CHINESE_MONTH_DAY = Pattern.compile("(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日");
    private static final Pattern ENGLISH_MONTH_YEAR = Pattern.compile("\\b" + MONTHS + "\\s+(\\d{4})\\b");
    private static final Pattern CHINESE_MONTH_YEAR = Pattern.compile("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月");
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(1[89]\\d{2}|20\\d{2})(?!\\d)");

    private DateFinder() {}

    static Optional<PartialDate> find(String text, String fileName) {
        PartialDate full = first(
                text,
                new Rule(ENGLISH_MONTH_DAY_YEAR, m -> day(m.group(3), month(m.group(1)), m.group(2))),
                new Rule(ENGLISH_DAY_MONTH_YEAR, m -> day(m.group(3), month(m.group(2)), m.group(1))),
                new Rule(CHINESE_FULL, m -> day(m.group(1), Integer.parseInt(m.group(2)), m.group(3))),
                new Rule(ISO, m -> day(m.group(1), Integer.parseInt(m.group(2)), m.group(3))));
        if (full != null) {
            return Optional.of(full);
        }
        String year = yearFor(text, fileName);
        PartialDate partial = first(
                text,
                new Rule(ENGLISH_MONTH_DAY, m -> day(year, month(m.group(1)), m.group(2))),
                new Rule(ENGLISH_DAY_MONTH, m -> day(year, month(m.group(2)), m.group(1))),
                new Rule(CHINESE_MONTH_DAY, m -> day(year, Integer.parseInt(m.group(1)), m.group(2))));
        if (partial != null) {
            return Optional.of(partial);
        }
        PartialDate monthOnly = first(
                text,
                new Rule(ENGLISH_MONTH_YEAR, m -> month(m.group(2), month(m.group(1)))),
                new Rule(CHINESE_MONTH_YEAR, m -> month(m.group(1), Integer.parseInt(m.group(2)))));
        if (monthOnly != null) {
            return Optional.of(monthOnly);
        }
        return Optional.ofNullable(first(
                fileName, new Rule(ISO, m -> day(m.group(1), Integer.parseInt(m.group(2)), m.group(3)))));
    }

    private static String yearFor(String text, String fileName) {
        Matcher inName = YEAR.matcher(fileName);
        if (inName.find()) {
            return inName.group(1);
        }
        Matcher inText = YEAR.matcher(text);
        return inText.find() ? inText.group(1) : String.valueOf(Year.now().getValue());
    }

    /** A pattern and how a match of it reads as a date (null when the match is no real date). */
    private record Rule(Pattern pattern, Function<Matcher, @Nullable PartialDate> reading) {}

    /** The real date that comes first in the text among the rules' matches. */
    private static @Nullable PartialDate first(String text, Rule... rules) {
        PartialDate found = null;
        int position = Integer.MAX_VALUE;
        for (Rule rule : rules) {
            Matcher matcher = rule.pattern().matcher(text);
            while (matcher.find() && matcher.start() < position) {
                PartialDate date = rule.reading().apply(matcher);
                if (date != null) {
                    found = date;
                    position = matcher.start();
                    break;
                }
            }
        }
        return found;
    }

    private static int month(String name) {
        return Month.valueOf(name.toUpperCase(Locale.ROOT)).getValue();
    }

    private static @Nullable PartialDate day(String year, int month, String day) {
        try {
            return new PartialDate(
                    LocalDate.of(Integer.parseInt(year), month, Integer.parseInt(day)), DatePrecision.DAY);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable PartialDate month(String year, int month) {
        try {
            return new PartialDate(LocalDate.of(Integer.parseInt(year), month, 1), DatePrecision.MONTH);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }
}
