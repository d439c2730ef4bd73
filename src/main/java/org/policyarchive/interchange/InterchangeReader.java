package org.policyarchive.interchange;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.policyarchive.person.PersonDraft;
import org.policyarchive.record.Kind;
import org.policyarchive.record.KindDraft;
import org.policyarchive.record.KindLookup;
import org.policyarchive.record.RecordDraft;
import org.policyarchive.record.RecordKind;
import org.policyarchive.record.RecordStatus;
import org.policyarchive.record.Role;
import org.policyarchive.system.ControlCharacters;
import org.policyarchive.theme.ThemeDraft;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one record of the interchange format (DESIGN.md §5) from a JSON line or a JSON object, as a
 * {@link RecordDraft}. It checks what belongs to the format (JSON, field types, the labels of kinds and statuses) and
 * leaves what belongs to the record (what is required, lengths, dates, language tags, slugs) to the record's rules,
 * which every way in shares. Unknown roles read as {@code spoke}; a record is published unless it says otherwise.
 *
 * <p>A line with {@code "type": "person"}, {@code "type": "theme"} or {@code "type": "kind"} carries a person (names,
 * aliases, offices), a theme (names, broader theme) or a kind (label, names, what citations take it for) rather than a
 * record, so that an export, which writes them before its records, gives
 * back the people and the vocabulary as they were; a line without a type is a record.
 */
public final class InterchangeReader {

    /** What a decoder puts in place of bytes that are not UTF-8 (a noncharacter, never in real text). */
    static final char INVALID_UTF8 = '\uFFFF';

    /** What a file converted to UTF-8 has in place of bytes that were not text in its encoding (a noncharacter). */
    static final char NOT_IN_ENCODING = '\uFFFE';

    /** The longest name, title or organization of a person or a theme, as the database keeps them. */
    private static final int LINE_MAX = 300;

    private final KindLookup kinds;

    private final JsonMapper json = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** A reader that finds the kinds that records name through {@code kinds}. */
    public InterchangeReader(KindLookup kinds) {
        this.kinds = kinds;
    }

    /** What one line of the format holds: a record, a person, a theme or a kind, exactly one of them. */
    public record Item(
            @Nullable RecordDraft record,
            @Nullable PersonDraft person,
            @Nullable ThemeDraft theme,
            @Nullable RecordKind kind) {}

    /** The record on one line of a JSON Lines file: a line that holds a person or a theme is rejected. */
    public RecordDraft readLine(String line) throws RejectedInput {
        Item item = readItem(line);
        if (item.record() == null) {
            throw new RejectedInput("interchange.type.record");
        }
        return item.record();
    }

    /** What one line of a JSON Lines file holds. */
    Item readItem(String line) throws RejectedInput {
        if (line.indexOf(INVALID_UTF8) >= 0) {
            throw new RejectedInput("interchange.utf8");
        }
        if (line.indexOf(NOT_IN_ENCODING) >= 0) {
            throw new RejectedInput("interchange.encoding");
        }
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (JacksonException e) {
            throw new RejectedInput("interchange.json", e.getOriginalMessage());
        }
        if (node != null && node.isObject()) {
            String type = text(node, "type");
            if ("person".equals(type)) {
                return new Item(null, person(node), null, null);
            }
            if ("theme".equals(type)) {
                return new Item(null, null, theme(node), null);
            }
            if ("kind".equals(type)) {
                return new Item(null, null, null, kind(node));
            }
            if (type != null && !"record".equals(type)) {
                throw new RejectedInput("interchange.type.unknown", type);
            }
        }
        return new Item(read(node), null, null, null);
    }

    /** The record in a parsed JSON value. */
    RecordDraft read(@Nullable JsonNode node) throws RejectedInput {
        if (node == null || !node.isObject()) {
            throw new RejectedInput("interchange.object");
        }
        String kindLabel = text(node, "kind");
        RecordKind kind = null;
        if (kindLabel != null) {
            kind = kinds.find(kindLabel)
                    .orElseThrow(() -> new RejectedInput(
                            "interchange.kind.unknown.listed", kindLabel, String.join(", ", kinds.labels())));
        }
        String statusText = text(node, "status");
        RecordStatus status = RecordStatus.PUBLISHED;
        if (statusText != null) {
            try {
                status = RecordStatus.valueOf(statusText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new RejectedInput("interchange.status.unknown", statusText);
            }
        }
        return new RecordDraft(
                text(node, "slug"),
                text(node, "title"),
                kind,
                text(node, "date"),
                null,
                text(node, "place"),
                text(node, "organization"),
                text(node, "language"),
                text(node, "summary"),
                text(node, "body"),
                text(node, "source"),
                status,
                text(node, "translation"),
                speakers(node),
                texts(node, "themes").stream()
                        .map(name -> new RecordDraft.ThemeRef(null, name))
                        .toList(),
                texts(node, "notes"));
    }

    private static PersonDraft person(JsonNode node) throws RejectedInput {
        String name = line(node, "name");
        if (name == null) {
            throw new RejectedInput("interchange.person.name");
        }
        JsonNode list = node.get("offices");
        List<PersonDraft.Office> offices = new ArrayList<>();
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw new RejectedInput("interchange.offices.list");
            }
            int n = 0;
            for (JsonNode office : list.values()) {
                n++;
                String title = office.isObject() ? line(office, "title") : null;
                if (title == null) {
                    throw new RejectedInput("interchange.office.title", n);
                }
                offices.add(new PersonDraft.Office(
                        title, line(office, "organization"), day(office, "start", n), day(office, "end", n)));
            }
        }
        List<String> aliases = texts(node, "aliases");
        for (String alias : aliases) {
            requireLine("aliases", alias);
        }
        return new PersonDraft(
                line(node, "slug"), name, line(node, "nativeName"), text(node, "description"), aliases, offices);
    }

    /** The kind a kind line defines: the archive's kind of that label, or a new one where the import may add it. */
    private RecordKind kind(JsonNode node) throws RejectedInput {
        String label = line(node, "label");
        if (label == null) {
            throw new RejectedInput("interchange.kind.label");
        }
        String citedAsText = line(node, "citedAs");
        Kind.CitedAs citedAs = Kind.CitedAs.DOCUMENT;
        if (citedAsText != null) {
            try {
                citedAs = Kind.CitedAs.valueOf(citedAsText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new RejectedInput("interchange.kind.citedAs", citedAsText);
            }
        }
        KindDraft draft = new KindDraft(label, line(node, "name"), line(node, "nameZh"), citedAs);
        return kinds.define(draft).orElseThrow(() -> new RejectedInput("interchange.kind.undefined", label));
    }

    private static ThemeDraft theme(JsonNode node) throws RejectedInput {
        String name = line(node, "name");
        if (name == null) {
            throw new RejectedInput("interchange.theme.name");
        }
        JsonNode position = node.get("position");
        if (position != null && !position.isNull() && !position.canConvertToInt()) {
            throw new RejectedInput("interchange.theme.position");
        }
        return new ThemeDraft(
                line(node, "slug"),
                name,
                line(node, "nameZh"),
                text(node, "description"),
                line(node, "parent"),
                position == null || position.isNull() ? 0 : position.asInt());
    }

    /** A text of one line (a name, a title), at most {@value #LINE_MAX} characters; null when absent or blank. */
    private static @Nullable String line(JsonNode node, String field) throws RejectedInput {
        String text = text(node, field);
        if (text != null) {
            requireLine(field, text);
        }
        return text == null ? null : text.strip();
    }

    private static void requireLine(String field, String text) throws RejectedInput {
        if (ControlCharacters.inLine(text)) {
            throw new RejectedInput("interchange.field.control", field);
        }
        if (text.strip().length() > LINE_MAX) {
            throw new RejectedInput("interchange.field.long", field, LINE_MAX);
        }
    }

    private static @Nullable LocalDate day(JsonNode office, String field, int n) throws RejectedInput {
        String text = text(office, field);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new RejectedInput("interchange.office.date", n, text);
        }
    }

    private static List<RecordDraft.PersonRow> speakers(JsonNode node) throws RejectedInput {
        JsonNode list = node.get("speakers");
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new RejectedInput("interchange.speakers.list");
        }
        List<RecordDraft.PersonRow> speakers = new ArrayList<>();
        int n = 0;
        for (JsonNode speaker : list.values()) {
            n++;
            if (!speaker.isObject()) {
                throw new RejectedInput("interchange.speaker.object", n);
            }
            String name = text(speaker, "name");
            if (name == null) {
                throw new RejectedInput("interchange.speaker.name", n);
            }
            String role = text(speaker, "role");
            speakers.add(new RecordDraft.PersonRow(
                    null, name, role == null ? Role.SPOKE : Role.fromInterchange(role), text(speaker, "office")));
        }
        return speakers;
    }

    private static List<String> texts(JsonNode node, String field) throws RejectedInput {
        JsonNode list = node.get(field);
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new RejectedInput("interchange.field.list", field);
        }
        List<String> values = new ArrayList<>();
        for (JsonNode value : list.values()) {
            if (!value.isString()) {
                throw new RejectedInput("interchange.field.list", field);
            }
            String text = checked(field, value.stringValue());
            if (!text.isBlank()) {
                values.add(text);
            }
        }
        return values;
    }

    /** The field's text as it is; null when absent, null or blank. */
    private static @Nullable String text(JsonNode node, String field) throws RejectedInput {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new RejectedInput("interchange.field.text", field);
        }
        String text = checked(field, value.stringValue());
        return text.isBlank() ? null : text;
    }

    private static String checked(String field, String text) throws RejectedInput {
        if (text.indexOf(INVALID_UTF8) >= 0) {
            throw new RejectedInput("interchange.field.utf8", field);
        }
        if (text.indexOf(NOT_IN_ENCODING) >= 0) {
            throw new RejectedInput("interchange.field.encoding", field);
        }
        return text;
    }
}
