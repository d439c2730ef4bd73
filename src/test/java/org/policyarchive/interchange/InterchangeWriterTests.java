package org.policyarchive.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyarchive.person.PersonDraft;
import org.policyarchive.record.RecordDraft;
import org.policyarchive.record.RecordKind;
import org.policyarchive.record.RecordStatus;
import org.policyarchive.record.Role;
import org.policyarchive.testing.SeededKinds;
import org.policyarchive.theme.ThemeDraft;

/**
 * The interchange format's writer, read back by its reader: every field of a record, a person and a theme comes back
 * as it was written, in JSON Lines and (for records) in CSV, texts with line ends, quotes, commas and Chinese
 * included.
 */
class InterchangeWriterTests {

    static final RecordDraft RECORD = new RecordDraft(
            "remarks-2024-03",
            "Remarks, “quoted”, on debt",
            RecordKind.PRESS_CONFERENCE,
            "2024-03",
            null,
            "北京",
            "State Council",
            "zh-Hans",
            "A summary\nover two lines, with \"quotes\".",
            "第一段。\n\nSecond paragraph, with a comma, and \"quotes\".",
            "https://example.org/a?b=c,d",
            RecordStatus.WITHDRAWN,
            "remarks-2024-03-en",
            List.of(
                    new RecordDraft.PersonRow(null, "Li Qiang", Role.PRESIDED, "Premier"),
                    new RecordDraft.PersonRow(null, "王沪宁", Role.MENTIONED, null)),
            List.of(new RecordDraft.ThemeRef(null, "Fiscal policy"), new RecordDraft.ThemeRef(null, "数字经济")),
            List.of("A note.", "Another note."));

    static final PersonDraft PERSON = new PersonDraft(
            "wang-huning",
            "Wang Huning",
            "王沪宁",
            "Chairman.\nSince 2023.",
            List.of("Chairman Wang Huning", "王沪宁主席"),
            List.of(
                    new PersonDraft.Office("Chairman", "CPPCC", LocalDate.of(2023, 3, 10), null),
                    new PersonDraft.Office("Director", null, null, LocalDate.of(2020, 1, 1))));

    static final ThemeDraft THEME = new ThemeDraft("local-debt", "Local debt", "地方债务", "Debt.", "Fiscal policy", 3);

    @TempDir
    Path dir;

    @Test
    void jsonLinesGiveBackEveryRecordPersonAndTheme() throws IOException {
        Path file = dir.resolve("out.jsonl");
        try (InterchangeWriter writer =
                InterchangeWriter.open(InterchangeFormat.JSONL, Files.newOutputStream(file), SeededKinds.LOOKUP)) {
            assertThat(writer.carriesPeopleAndThemes()).isTrue();
            writer.write(THEME);
            writer.write(PERSON);
            writer.write(RECORD);
        }

        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).hasSize(3);
        List<InterchangeFile.Entry> entries = read(InterchangeFormat.JSONL, file);
        assertThat(entries).extracting(InterchangeFile.Entry::rejection).containsOnlyNulls();
        assertThat(entries.get(0).theme()).isEqualTo(THEME);
        assertThat(entries.get(1).person()).isEqualTo(PERSON);
        assertThat(entries.get(2).draft()).isEqualTo(RECORD);
    }

    @Test
    void csvGivesBackEveryRecordFieldAndWritesNoPeopleOrThemes() throws IOException {
        Path file = dir.resolve("out.csv");
        try (InterchangeWriter writer =
                InterchangeWriter.open(InterchangeFormat.CSV, Files.newOutputStream(file), SeededKinds.LOOKUP)) {
            assertThat(writer.carriesPeopleAndThemes()).isFalse();
            writer.write(THEME);
            writer.write(PERSON);
            writer.write(RECORD);
        }

        List<InterchangeFile.Entry> entries = read(InterchangeFormat.CSV, file);
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).rejection()).isNull();
        // the reader strips a cell, as it does any CSV cell an editor typed
        assertThat(entries.get(0).draft()).isEqualTo(RECORD);
    }

    @Test
    void aRecordReaderRefusesThePersonAndThemeLines() throws IOException {
        Path file = dir.resolve("person.jsonl");
        try (InterchangeWriter writer =
                InterchangeWriter.open(InterchangeFormat.JSONL, Files.newOutputStream(file), SeededKinds.LOOKUP)) {
            writer.write(PERSON);
        }
        String line = Files.readString(file, StandardCharsets.UTF_8).strip();

        assertThatThrownBy(() -> new InterchangeReader(SeededKinds.LOOKUP).readLine(line))
                .isInstanceOfSatisfying(
                        RejectedInput.class, e -> assertThat(e.messageKey()).isEqualTo("interchange.type.record"));
    }

    @Test
    void rejectsUnknownTypesAndMalformedPeopleAndThemes() throws IOException {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        "{\"type\": \"place\", \"name\": \"Beijing\"}",
                        "{\"type\": \"person\"}",
                        "{\"type\": \"person\", \"name\": \"A\", \"offices\": [{\"title\": \"B\", \"start\": \"2023\"}]}",
                        "{\"type\": \"person\", \"name\": \"A\\tB\"}",
                        "{\"type\": \"theme\", \"name\": \"T\", \"position\": \"first\"}",
                        "{\"type\": \"theme\", \"name\": \"" + "x".repeat(301) + "\"}"),
                StandardCharsets.UTF_8);

        assertThat(read(InterchangeFormat.JSONL, file))
                .extracting(entry -> entry.rejection().messageKey())
                .containsExactly(
                        "interchange.type.unknown",
                        "interchange.person.name",
                        "interchange.office.date",
                        "interchange.field.control",
                        "interchange.theme.position",
                        "interchange.field.long");
    }

    private static List<InterchangeFile.Entry> read(InterchangeFormat format, Path file) throws IOException {
        List<InterchangeFile.Entry> entries = new ArrayList<>();
        try (InterchangeFile in = InterchangeFile.open(format, file, 1 << 20, SeededKinds.LOOKUP)) {
            InterchangeFile.Entry entry;
            while ((entry = in.next()) != null) {
                entries.add(entry);
            }
        }
        return entries;
    }
}
