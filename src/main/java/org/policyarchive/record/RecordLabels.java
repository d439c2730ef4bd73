package org.policyarchive.record;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.policyarchive.system.PartialDate;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What templates show for a record's kind, roles, date and language, in the reader's language. Templates of every
 * module call it as {@code ${@recordLabels.date(record)}}. Dates show only as much as is known: a day, a month or a
 * year, with the patterns from the messages files.
 */
@Component("recordLabels")
public class RecordLabels {

    private final MessageSource messages;
    private final Kinds kinds;

    RecordLabels(MessageSource messages, Kinds kinds) {
        this.messages = messages;
        this.kinds = kinds;
    }

    /** The kind's English or Chinese name, by the reader's language. */
    public String kind(RecordKind kind) {
        return kinds.name(kind);
    }

    /** The name of the kind whose address code this is, or the code itself when no kind has it. */
    public String kindOfCode(String code) {
        return kinds.byCode(code).map(kinds::name).orElse(code);
    }

    public String role(Role role) {
        return message("role." + role.code());
    }

    public String status(RecordStatus status) {
        return message("status." + status.name().toLowerCase(Locale.ROOT));
    }

    /** A record's date as far as it is known, such as "21 August 2023", "August 2023" or "2023"; else null. */
    public @Nullable String date(@Nullable PartialDate date) {
        if (date == null) {
            return null;
        }
        String pattern = message("date.pattern." + date.precision().name().toLowerCase(Locale.ROOT));
        return date.date().format(DateTimeFormatter.ofPattern(pattern, LocaleContextHolder.getLocale()));
    }

    /** The machine-readable form for a {@code <time datetime>} attribute: 2023-08-21, 2023-08 or 2023. */
    public @Nullable String isoDate(@Nullable PartialDate date) {
        return date == null ? null : date.toString();
    }

    /** A language tag's name in the reader's language, such as "English" for {@code en}. */
    public String language(String tag) {
        String name = Locale.forLanguageTag(tag).getDisplayName(LocaleContextHolder.getLocale());
        return name.isBlank() ? tag : name;
    }

    private String message(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
