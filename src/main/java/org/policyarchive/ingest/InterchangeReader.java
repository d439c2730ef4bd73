package org.policyarchive.ingest;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.policyarchive.record.DatePrecision;
import org.policyarchive.record.RecordKind;
import org.policyarchive.record.RecordStatus;
import org.policyarchive.record.Role;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one interchange record (DESIGN.md §5) from a JSON line or a JSON object, and checks it against the
 * schema's limits, so that what passes here can always be saved. Every rejection carries a reason a person can
 * act on.
 */
final class InterchangeReader {

    static final int MAX_TITLE = 500;
    static final int MAX_SLUG = 200;
    static final int MAX_SHORT = 300;
    static final int MAX_LANGUAGE = 35;
    static final int MAX_TEXT = 10_000_000;
    /** What a decoder puts in place of bytes that are not UTF-8 (a noncharacter, never in real text). */
    static final char INVALID_UTF8 = '\uFFFF';

    private static final Pattern SLUG = Pattern.compile("[\\p{L}\\p{N}]+(-[\\p{L}\\p{N}]+)*");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    private final JsonMapper json = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** The record on one line of a JSON Lines file. */
    InterchangeRecord readLine(String line) throws RejectedInput {
        if (line.indexOf(INVALID_UTF8) >= 0) {
            throw new RejectedInput("invalid UTF-8: the line holds bytes that are not UTF-8 text");
        }
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (JacksonException e) {
            throw new RejectedInput("invalid JSON: " + e.getOriginalMessage());
        }
        return read(node);
    }

    /** The record in a parsed JSON value. */
    InterchangeRecord read(@Nullable JsonNode node) throws RejectedInput {
        if (node == null || !node.isObject()) {
            throw new RejectedInput("not a JSON object: each line must be one record in braces {...}");
        }
        String title = required(node, "title", MAX_TITLE);
        String body = required(node, "body", MAX_TEXT);
        String kindLabel = required(node, "kind", MAX_SHORT);
        RecordKind kind = RecordKind.fromLabel(kindLabel)
                .orElseThrow(() -> new RejectedInput("unknown kind \"" + kindLabel + "\""));
        String language = required(node, "language", MAX_LANGUAGE);
        if (!LANGUAGE.matcher(language).matches()) {
            throw new RejectedInput(
                    "invalid language tag \"" + language + "\" (expected BCP 47, such as en or zh-Hans)");
        }
        String slug = optional(node, "slug", MAX_SLUG);
        if (slug != null && !SLUG.matcher(slug).matches()) {
            throw new RejectedInput("invalid slug \"" + slug + "\" (lower-case letters and digits joined by hyphens)");
        }
        if (slug != null && !slug.equals(slug.toLowerCase(Locale.ROOT))) {
            throw new RejectedInput("invalid slug \"" + slug + "\" (lower-case letters and digits joined by hyphens)");
        }
        String dateText = optional(node, "date", 20);
        DatePrecision precision = dateText == null ? null : precisionOf(dateText);
        LocalDate date = dateText == null ? null : parseDate(dateText, precision);
        String statusText = optional(node, "status", 20);
        RecordStatus status = RecordStatus.PUBLISHED;
        if (statusText != null) {
            try {
                status = RecordStatus.valueOf(statusText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new RejectedInput("unknown status \"" + statusText + "\" (draft, published or withdrawn)");
            }
        }
        return new InterchangeRecord(
                slug,
                title,
                date,
                precision,
                kind,
                language,
                optional(node, "place", MAX_SHORT),
                optional(node, "organization", MAX_SHORT),
                optional(node, "summary", MAX_TEXT),
                speakers(node),
                strings(node, "themes", MAX_SHORT),
                body,
                optional(node, "source", MAX_TEXT),
                strings(node, "notes", MAX_TEXT),
                status);
    }

    private static DatePrecision precisionOf(String text) {
        if (YEAR.matcher(text).matches()) {
            return DatePrecision.YEAR;
        }
        return MONTH.matcher(text).matches() ? DatePrecision.MONTH : DatePrecision.DAY;
    }

    private static LocalDate parseDate(String text, DatePrecision precision) throws RejectedInput {
        try {
            return switch (precision) {
                case YEAR -> LocalDate.of(Integer.parseInt(text), 1, 1);
                case MONTH -> YearMonth.parse(text).atDay(1);
                case DAY -> LocalDate.parse(text);
            };
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new RejectedInput("bad date \"" + text + "\" (expected YYYY-MM-DD, YYYY-MM or YYYY)");
        }
    }

    private static List<InterchangeRecord.Speaker> speakers(JsonNode node) throws RejectedInput {
        JsonNode list = node.get("speakers");
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new RejectedInput("speakers must be a list of {\"name\", \"role\", \"office\"} objects");
        }
        List<InterchangeRecord.Speaker> speakers = new ArrayList<>();
        int n = 0;
        for (JsonNode speaker : list.values()) {
            n++;
            if (!speaker.isObject()) {
                throw new RejectedInput("speaker " + n + " must be an object with a name");
            }
            String name = optional(speaker, "name", MAX_SHORT);
            if (name == null) {
                throw new RejectedInput("speaker " + n + " has no name");
            }
            String role = optional(speaker, "role", MAX_SHORT);
            speakers.add(new InterchangeRecord.Speaker(
                    name,
                    role == null ? Role.SPOKE : Role.fromInterchange(role),
                    optional(speaker, "office", MAX_SHORT)));
        }
        return speakers;
    }

    private static List<String> strings(JsonNode node, String field, int maxLength) throws RejectedInput {
        JsonNode list = node.get(field);
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new RejectedInput(field + " must be a list of texts");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode value : list.values()) {
            if (!value.isString()) {
                throw new RejectedInput(field + " must be a list of texts");
            }
            String text = checked(field, normalizeLineEnds(value.stringValue()).strip(), maxLength);
            if (!text.isEmpty()) {
                values.add(text);
            }
        }
        return values;
    }

    private static String required(JsonNode node, String field, int maxLength) throws RejectedInput {
        String value = optional(node, field, maxLength);
        if (value == null) {
            throw new RejectedInput("missing " + field);
        }
        return value;
    }

    /** The field's text, stripped; null when absent, null or blank. */
    private static @Nullable String optional(JsonNode node, String field, int maxLength) throws RejectedInput {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new RejectedInput(field + " must be a text");
        }
        String text = normalizeLineEnds(value.stringValue()).strip();
        return text.isEmpty() ? null : checked(field, text, maxLength);
    }

    /** Paragraphs are separated by a blank line whatever line ends the file used (CSV cells often hold CRLF). */
    private static String normalizeLineEnds(String text) {
        return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static String checked(String field, String text, int maxLength) throws RejectedInput {
        if (text.length() > maxLength) {
            throw new RejectedInput(field + " too long (" + text.length() + " characters, at most " + maxLength + ")");
        }
        if (text.indexOf('\0') >= 0) {
            throw new RejectedInput(field + " contains a NUL character");
        }
        if (text.indexOf(INVALID_UTF8) >= 0) {
            throw new RejectedInput("invalid UTF-8 in " + field);
        }
        return text;
    }
}
