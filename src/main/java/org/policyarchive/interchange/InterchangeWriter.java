package org.policyarchive.interchange;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.policyarchive.person.PersonDraft;
import org.policyarchive.record.KindDraft;
import org.policyarchive.record.KindLookup;
import org.policyarchive.record.RecordDraft;
import org.policyarchive.record.RecordKind;
import org.policyarchive.theme.ThemeDraft;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the interchange format (DESIGN.md §5) that {@link InterchangeReader} reads, one entry at a time straight to
 * a stream, so that a file of any size needs one entry in memory: the format's one writer, as the reader is its one
 * reader. JSON Lines carries everything the reader accepts: records, and lines of their own for people (names,
 * aliases, offices) and themes (names, broader theme), which belong before the records that name them. CSV has one row
 * a record in the columns the reader accepts; it has no rows for people or themes, which its records name by name.
 */
public final class InterchangeWriter implements Closeable, Flushable {

    /** The CSV columns, in order: those of JSON Lines' records, lists flattened as {@link CsvFile} reads them. */
    public static final List<String> CSV_COLUMNS = List.of(
            "slug",
            "title",
            "date",
            "kind",
            "language",
            "place",
            "organization",
            "summary",
            "speakers",
            "themes",
            "body",
            "source",
            "notes",
            "status",
            "translation");

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final JsonMapper json = JsonMapper.builder().build();
    private final KindLookup kinds;
    private final Writer out;
    private final @Nullable CSVPrinter csv;

    private InterchangeWriter(InterchangeFormat format, OutputStream stream, KindLookup kinds) throws IOException {
        this.kinds = kinds;
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024);
        if (format == InterchangeFormat.CSV) {
            // Excel reads a CSV file as UTF-8 only after a byte-order mark; the reader drops it
            out.write(BYTE_ORDER_MARK);
            this.csv = CSVFormat.RFC4180
                    .builder()
                    .setHeader(CSV_COLUMNS.toArray(String[]::new))
                    .get()
                    .print(out);
        } else {
            this.csv = null;
        }
    }

    /**
     * A writer of {@code format} to {@code stream}, in UTF-8, that spells kinds as {@code kinds} labels them; closing
     * it closes the stream.
     */
    public static InterchangeWriter open(InterchangeFormat format, OutputStream stream, KindLookup kinds)
            throws IOException {
        return new InterchangeWriter(format, stream, kinds);
    }

    /** Whether the format has entries of their own for people and themes (JSON Lines does, CSV does not). */
    public boolean carriesPeopleAndThemes() {
        return csv == null;
    }

    /** Writes a kind's line (its label, names and what citations take it for); CSV has none, and writes nothing. */
    public void write(KindDraft kind) throws IOException {
        if (csv != null) {
            return;
        }
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("type", "kind");
        putText(node, "label", kind.label());
        putText(node, "name", kind.englishName());
        putText(node, "nameZh", kind.chineseName());
        node.put("citedAs", kind.citedAs().name().toLowerCase(Locale.ROOT));
        line(node);
    }

    /** Writes a theme's line; CSV has none, and writes nothing. */
    public void write(ThemeDraft theme) throws IOException {
        if (csv != null) {
            return;
        }
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("type", "theme");
        putText(node, "slug", theme.slug());
        node.put("name", theme.name());
        putText(node, "nameZh", theme.nameZh());
        putText(node, "description", theme.description());
        putText(node, "parent", theme.parent());
        node.put("position", theme.position());
        line(node);
    }

    /** Writes a person's line; CSV has none, and writes nothing. */
    public void write(PersonDraft person) throws IOException {
        if (csv != null) {
            return;
        }
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("type", "person");
        putText(node, "slug", person.slug());
        node.put("name", person.name());
        putText(node, "nativeName", person.nativeName());
        putText(node, "description", person.description());
        ArrayNode aliases = node.putArray("aliases");
        person.aliases().forEach(aliases::add);
        ArrayNode offices = node.putArray("offices");
        for (PersonDraft.Office office : person.offices()) {
            ObjectNode held = offices.addObject();
            held.put("title", office.title());
            putText(held, "organization", office.organization());
            putText(
                    held,
                    "start",
                    office.startDate() == null ? null : office.startDate().toString());
            putText(
                    held,
                    "end",
                    office.endDate() == null ? null : office.endDate().toString());
        }
        line(node);
    }

    /** Writes a record: a line of JSON Lines, or a row of CSV. */
    public void write(RecordDraft record) throws IOException {
        if (csv != null) {
            csv.printRecord(
                    record.slug(),
                    record.title(),
                    record.date(),
                    kind(record.kind()),
                    record.language(),
                    record.place(),
                    record.organization(),
                    record.summary(),
                    record.people().stream()
                            .map(row -> String.join(
                                    "|",
                                    text(row.name()),
                                    row.role() == null ? "" : row.role().code(),
                                    text(row.office())))
                            .collect(Collectors.joining(CsvFile.LIST_SEPARATOR)),
                    record.themes().stream()
                            .map(ref -> text(ref.name()))
                            .collect(Collectors.joining(CsvFile.LIST_SEPARATOR)),
                    record.body(),
                    record.source(),
                    String.join("\n", record.notes()),
                    status(record),
                    record.translationSlug());
            return;
        }
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        putText(node, "slug", record.slug());
        putText(node, "title", record.title());
        putText(node, "date", record.date());
        putText(node, "kind", kind(record.kind()));
        putText(node, "language", record.language());
        putText(node, "place", record.place());
        putText(node, "organization", record.organization());
        putText(node, "summary", record.summary());
        ArrayNode speakers = node.putArray("speakers");
        for (RecordDraft.PersonRow row : record.people()) {
            ObjectNode speaker = speakers.addObject();
            speaker.put("name", text(row.name()));
            putText(speaker, "role", row.role() == null ? null : row.role().code());
            putText(speaker, "office", row.office());
        }
        ArrayNode themes = node.putArray("themes");
        record.themes().forEach(ref -> themes.add(text(ref.name())));
        putText(node, "body", record.body());
        putText(node, "source", record.source());
        ArrayNode notes = node.putArray("notes");
        record.notes().forEach(notes::add);
        putText(node, "status", status(record));
        putText(node, "translation", record.translationSlug());
        line(node);
    }

    private void line(ObjectNode node) throws IOException {
        // JSON escapes line ends inside texts, so each entry is exactly one line
        out.write(json.writeValueAsString(node));
        out.write('\n');
    }

    private static void putText(ObjectNode node, String field, @Nullable String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private @Nullable String kind(@Nullable RecordKind kind) {
        return kind == null ? null : kinds.label(kind);
    }

    private static @Nullable String status(RecordDraft record) {
        return record.status() == null ? null : record.status().name().toLowerCase(Locale.ROOT);
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    @Override
    public void flush() throws IOException {
        if (csv != null) {
            csv.flush();
        }
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (csv != null) {
            csv.close();
        }
        out.close();
    }
}
