package org.policyarchive.system;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one way the pages show an instant ({@code fragments :: instant}): a {@code <time>} element whose machine-readable
 * value is the instant in ISO 8601, and whose text is the instant in UTC, said so, in the reader's language. The
 * script {@code /js/local-time.js} then writes it in the reader's own time zone; without the script it stays in UTC.
 */
@Component("instants")
public class InstantText {

    private final MessageSource messages;

    InstantText(MessageSource messages) {
        this.messages = messages;
    }

    /** The {@code datetime} value: ISO 8601 in UTC, to the second. */
    public String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** The text a reader sees before the script runs, or without it: the date and time in UTC, labelled so. */
    public String utc(Instant instant) {
        Locale locale = LocaleContextHolder.getLocale();
        String dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(locale)
                .withZone(ZoneOffset.UTC)
                .format(instant);
        return messages.getMessage("time.utc", new Object[] {dateTime}, locale);
    }
}
