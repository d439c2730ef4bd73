package org.policyarchive.interchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a CSV file (RFC 4180, first row the header) with the interchange format's columns. Lists are flattened:
 * {@code speakers} as {@code name|role|office} entries separated by semicolons, {@code themes} separated by
 * semicolons, {@code notes} one per line of the cell. Each row becomes the same JSON object a JSON line would
 * be, so both formats pass the same checks.
 */
final class CsvFile extends InterchangeFile {

    static final String LIST_SEPARATOR = ";";
    static final String SPEAKER_FIELD_SEPARATOR = "\\|";

    private final InterchangeReader interchange;
    private final CSVParser parser;
    private final Iterator<CSVRecord> rows;
    private long lastLine;
    private boolean broken;

    CsvFile(Path file, InterchangeReader interchange) throws IOException {
        super(file);
        this.interchange = interchange;
        this.parser = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreHeaderCase(true)
                .setTrim(true)
                .get()
                .parse(reader);
        this.rows = parser.iterator();
        this.lastLine = parser.getCurrentLineNumber();
    }

    @Override
    public @Nullable Entry next() throws IOException {
        if (broken) {
            return null;
        }
        long start = lastLine + 1;
        CSVRecord row;
        try {
            if (!rows.hasNext()) {
                return null;
            }
            row = rows.next();
        } catch (UncheckedIOException | IllegalStateException e) {
            broken = true;
            return Entry.rejected(
                    start, new RejectedInput("interchange.csv.malformed", String.valueOf(e.getMessage())));
        }
        lastLine = parser.getCurrentLineNumber();
        if (!row.isConsistent()) {
            return Entry.rejected(
                    start,
                    new RejectedInput(
                            "interchange.csv.fields",
                            row.size(),
                            parser.getHeaderNames().size()));
        }
        try {
            return Entry.accepted(start, interchange.read(toJson(row.toMap())));
        } catch (RejectedInput e) {
            return Entry.rejected(start, e);
        }
    }

    private static ObjectNode toJson(Map<String, String> row) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, String> cell : row.entrySet()) {
            String column = cell.getKey().strip().toLowerCase(Locale.ROOT);
            String value = cell.getValue();
            if (value == null || value.isBlank()) {
                continue;
            }
            switch (column) {
                case "speakers" -> {
                    ArrayNode speakers = node.putArray("speakers");
                    for (String entry : value.split(LIST_SEPARATOR)) {
                        if (entry.isBlank()) {
                            continue;
                        }
                        String[] parts = entry.split(SPEAKER_FIELD_SEPARATOR, -1);
                        ObjectNode speaker = speakers.addObject();
                        speaker.put("name", parts[0].strip());
                        if (parts.length > 1 && !parts[1].isBlank()) {
                            speaker.put("role", parts[1].strip());
                        }
                        if (parts.length > 2 && !parts[2].isBlank()) {
                            speaker.put("office", parts[2].strip());
                        }
                    }
                }
                case "themes" -> {
                    ArrayNode themes = node.putArray("themes");
                    for (String theme : value.split(LIST_SEPARATOR)) {
                        themes.add(theme.strip());
                    }
                }
                case "notes" -> {
                    ArrayNode notes = node.putArray("notes");
                    for (String note : value.split("\\R")) {
                        notes.add(note.strip());
                    }
                }
                default -> node.put(column, value);
            }
        }
        return node;
    }

    @Override
    public void close() throws IOException {
        parser.close();
        super.close();
    }
}
