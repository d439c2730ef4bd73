package org.policyarchive.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyarchive.record.RecordDraft;
import org.policyarchive.record.RecordKind;
import org.policyarchive.record.RecordStatus;
import org.policyarchive.record.Role;
import org.policyarchive.testing.SeededKinds;

/**
 * The interchange format's reader: what a JSON line gives as a record draft, the format's own rejections (each a
 * message key with its arguments), and the two files that hold lines, JSON Lines and CSV.
 */
class InterchangeReaderTests {

    final InterchangeReader reader = new InterchangeReader(SeededKinds.LOOKUP);

    @Nested
    class ReadingALine {

        @Test
        void readsEveryFieldIntoTheDraft() throws RejectedInput {
            RecordDraft draft = reader.readLine(
                    "{\"slug\": \"study-2023\", \"title\": \"Study session\","
                            + " \"kind\": \"study session\", \"date\": \"2023-08\", \"place\": \"Beijing\","
                            + " \"organization\": \"State Council\", \"language\": \"en\", \"summary\": \"In short.\","
                            + " \"body\": \"One.\\n\\nTwo.\", \"source\": \"https://example.org/a\", \"status\": \"draft\","
                            + " \"speakers\": [{\"name\": \"Li Keqiang\", \"role\": \"presided\", \"office\": \"Premier\"},"
                            + " {\"name\": \"Chen Chun\", \"role\": \"lectured\"}],"
                            + " \"themes\": [\"Digital economy\", \"Talent\"], \"notes\": [\"A note.\", \"  \", \"Another.\"]}");

            assertThat(draft.slug()).isEqualTo("study-2023");
            assertThat(draft.title()).isEqualTo("Study session");
            assertThat(draft.kind()).isEqualTo(RecordKind.STUDY_SESSION);
            assertThat(draft.date()).isEqualTo("2023-08");
            assertThat(draft.datePrecision()).isNull();
            assertThat(draft.place()).isEqualTo("Beijing");
            assertThat(draft.organization()).isEqualTo("State Council");
            assertThat(draft.language()).isEqualTo("en");
            assertThat(draft.summary()).isEqualTo("In short.");
            assertThat(draft.body()).isEqualTo("One.\n\nTwo.");
            assertThat(draft.source()).isEqualTo("https://example.org/a");
            assertThat(draft.status()).isEqualTo(RecordStatus.DRAFT);
            assertThat(draft.translationSlug()).isNull();
            assertThat(draft.people())
                    .containsExactly(
                            new RecordDraft.PersonRow(null, "Li Keqiang", Role.PRESIDED, "Premier"),
                            new RecordDraft.PersonRow(null, "Chen Chun", Role.LECTURED, null));
            assertThat(draft.themes())
                    .containsExactly(
                            new RecordDraft.ThemeRef(null, "Digital economy"),
                            new RecordDraft.ThemeRef(null, "Talent"));
            assertThat(draft.notes()).containsExactly("A note.", "Another.");
        }

        @Test
        void readsAnUnknownOrMissingRoleAsSpoke() throws RejectedInput {
            RecordDraft draft =
                    reader.readLine("{\"title\": \"t\", \"speakers\": [{\"name\": \"A\", \"role\": \"speaker\"},"
                            + " {\"name\": \"B\"}, {\"name\": \"C\", \"role\": \"MENTIONED\"}]}");

            assertThat(draft.people())
                    .extracting(RecordDraft.PersonRow::name, RecordDraft.PersonRow::role)
                    .containsExactly(tuple("A", Role.SPOKE), tuple("B", Role.SPOKE), tuple("C", Role.MENTIONED));
        }

        @Test
        void readsARecordAsPublishedUnlessItSaysOtherwise() throws RejectedInput {
            assertThat(reader.readLine("{\"title\": \"t\"}").status()).isEqualTo(RecordStatus.PUBLISHED);
            assertThat(reader.readLine("{\"title\": \"t\", \"status\": null}").status())
                    .isEqualTo(RecordStatus.PUBLISHED);
            assertThat(reader.readLine("{\"title\": \"t\", \"status\": \"Withdrawn\"}")
                            .status())
                    .isEqualTo(RecordStatus.WITHDRAWN);
        }

        /** What a record needs is the record rules' to say: the reader passes on what is there, blanks as missing. */
        @Test
        void leavesMissingAndBlankFieldsForTheRecordRules() throws RejectedInput {
            RecordDraft draft = reader.readLine(
                    "{\"title\": \"  \", \"kind\": null, \"language\": \"\", \"date\": \"2023-02-30\", \"body\": \"x\"}");

            assertThat(draft.title()).isNull();
            assertThat(draft.kind()).isNull();
            assertThat(draft.language()).isNull();
            assertThat(draft.date()).isEqualTo("2023-02-30");
            assertThat(draft.people()).isEmpty();
            assertThat(draft.themes()).isEmpty();
            assertThat(draft.notes()).isEmpty();
        }

        @Test
        void readsKindsByTheirLabelOrName() throws RejectedInput {
            assertThat(reader.readLine("{\"kind\": \"annual message / State of the Union\"}")
                            .kind())
                    .isEqualTo(RecordKind.ANNUAL_MESSAGE);
            assertThat(reader.readLine("{\"kind\": \"INAUGURAL_ADDRESS\"}").kind())
                    .isEqualTo(RecordKind.INAUGURAL_ADDRESS);
        }

        @Test
        void rejectsWhatIsNotJson() {
            assertRejected("{\"title\": \"broken\", \"body\": ", "interchange.json");
            assertRejected("{\"title\": \"twice\", \"title\": \"again\"}", "interchange.json");
        }

        @Test
        void rejectsJsonThatIsNotAnObject() {
            assertRejected("[1, 2, 3]", "interchange.object");
            assertRejected("\"a text\"", "interchange.object");
            assertRejected("null", "interchange.object");
        }

        @Test
        void rejectsAnUnknownKindOrStatusNamingIt() {
            assertRejected(
                    "{\"title\": \"t\", \"kind\": \"sermon\"}",
                    "interchange.kind.unknown.listed",
                    "sermon",
                    String.join(", ", SeededKinds.LOOKUP.labels()));
            assertRejected("{\"title\": \"t\", \"status\": \"secret\"}", "interchange.status.unknown", "secret");
        }

        @Test
        void rejectsSpeakersThatAreNotAListOfNamedObjects() {
            assertRejected("{\"title\": \"t\", \"speakers\": \"Li Keqiang\"}", "interchange.speakers.list");
            assertRejected("{\"title\": \"t\", \"speakers\": {\"name\": \"A\"}}", "interchange.speakers.list");
            assertRejected(
                    "{\"title\": \"t\", \"speakers\": [{\"name\": \"A\"}, \"B\"]}", "interchange.speaker.object", 2);
            assertRejected(
                    "{\"title\": \"t\", \"speakers\": [{\"name\": \"A\"}, {\"role\": \"spoke\"}]}",
                    "interchange.speaker.name",
                    2);
            assertRejected(
                    "{\"title\": \"t\", \"speakers\": [{\"name\": \" \", \"role\": \"spoke\"}]}",
                    "interchange.speaker.name",
                    1);
        }

        @Test
        void rejectsAFieldOfTheWrongTypeNamingIt() {
            assertRejected("{\"title\": 5}", "interchange.field.text", "title");
            assertRejected("{\"title\": \"t\", \"body\": [\"one\", \"two\"]}", "interchange.field.text", "body");
            assertRejected("{\"title\": \"t\", \"date\": 2023}", "interchange.field.text", "date");
            assertRejected(
                    "{\"title\": \"t\", \"speakers\": [{\"name\": \"A\", \"office\": true}]}",
                    "interchange.field.text",
                    "office");
            assertRejected("{\"title\": \"t\", \"themes\": \"Trade\"}", "interchange.field.list", "themes");
            assertRejected("{\"title\": \"t\", \"themes\": [\"Trade\", 7]}", "interchange.field.list", "themes");
            assertRejected("{\"title\": \"t\", \"notes\": {\"a\": \"b\"}}", "interchange.field.list", "notes");
        }

        /** A decoder puts a mark in place of bytes that are not UTF-8: on the line, or in a field's text. */
        @Test
        void rejectsInvalidUtf8() {
            assertRejected("{\"title\": \"caf" + InterchangeReader.INVALID_UTF8 + "\"}", "interchange.utf8");
        }

        @Test
        void rejectsInvalidUtf8EscapedIntoAField() {
            assertRejected("{\"title\": \"t\", \"place\": \"caf\\uFFFF\"}", "interchange.field.utf8", "place");
            assertRejected("{\"title\": \"t\", \"themes\": [\"caf\\uFFFF\"]}", "interchange.field.utf8", "themes");
        }

        @Test
        void readsAKindLineAsTheKindItDefines() throws RejectedInput {
            assertThat(reader.readItem("{\"type\": \"kind\", \"label\": \"Press Conference\", \"citedAs\": \"speech\"}")
                            .kind())
                    .isEqualTo(RecordKind.PRESS_CONFERENCE);
            assertThatThrownBy(() -> reader.readItem("{\"type\": \"kind\", \"label\": \"party congress report\"}"))
                    .isInstanceOfSatisfying(
                            RejectedInput.class,
                            rejected -> assertThat(rejected.messageKey()).isEqualTo("interchange.kind.undefined"));
            assertThatThrownBy(() -> reader.readItem("{\"type\": \"kind\", \"name\": \"Report\"}"))
                    .isInstanceOfSatisfying(
                            RejectedInput.class,
                            rejected -> assertThat(rejected.messageKey()).isEqualTo("interchange.kind.label"));
            assertThatThrownBy(
                            () -> reader.readItem("{\"type\": \"kind\", \"label\": \"speech\", \"citedAs\": \"poem\"}"))
                    .isInstanceOfSatisfying(
                            RejectedInput.class,
                            rejected -> assertThat(rejected.messageKey()).isEqualTo("interchange.kind.citedAs"));
        }

        @Test
        void readsAKindByItsLabelCodeOrNameInAnyCase() throws RejectedInput {
            for (String spelling :
                    new String[] {"study session", "Study Session", "study-session", "STUDY_SESSION", "专题学习"}) {
                assertThat(reader.readLine("{\"title\": \"t\", \"kind\": \"" + spelling + "\"}")
                                .kind())
                        .as(spelling)
                        .isEqualTo(RecordKind.STUDY_SESSION);
            }
        }

        private void assertRejected(String line, String messageKey, Object... arguments) {
            assertThatThrownBy(() -> reader.readLine(line))
                    .as(line)
                    .isInstanceOfSatisfying(RejectedInput.class, rejected -> {
                        assertThat(rejected.messageKey()).isEqualTo(messageKey);
                        if (arguments.length > 0) {
                            assertThat(rejected.arguments()).containsExactly(arguments);
                        }
                    });
        }
    }

    @Nested
    class JsonLinesFiles {

        @TempDir
        Path dir;

        @Test
        void numbersEveryLineAndSkipsBlankOnes() throws IOException {
            List<InterchangeFile.Entry> entries = read(
                    "{\"title\": \"one\"}\n\n   \n{\"title\": \"four\"}\r\n{\"title\": \"five\"}",
                    InterchangeFormat.JSONL,
                    1000);

            assertThat(entries)
                    .extracting(
                            InterchangeFile.Entry::lineNumber,
                            entry -> entry.draft().title())
                    .containsExactly(tuple(1L, "one"), tuple(4L, "four"), tuple(5L, "five"));
        }

        @Test
        void readsPastARejectedLine() throws IOException {
            List<InterchangeFile.Entry> entries =
                    read("{\"title\": \"one\"}\n[2]\n{\"title\": \"three\"}\n", InterchangeFormat.JSONL, 1000);

            assertThat(entries)
                    .extracting(InterchangeFile.Entry::lineNumber, InterchangeReaderTests::outcome)
                    .containsExactly(tuple(1L, "one"), tuple(2L, "interchange.object"), tuple(3L, "three"));
        }

        @Test
        void dropsAByteOrderMarkAtTheStart() throws IOException {
            List<InterchangeFile.Entry> entries =
                    read("\uFEFF{\"title\": \"marked\"}\n{\"title\": \"plain\"}\n", InterchangeFormat.JSONL, 1000);

            assertThat(entries)
                    .extracting(
                            InterchangeFile.Entry::lineNumber,
                            entry -> entry.draft().title())
                    .containsExactly(tuple(1L, "marked"), tuple(2L, "plain"));
        }

        @Test
        void rejectsALineOverTheCapWithoutKeepingItAndReadsOn() throws IOException {
            String longLine = "{\"title\": \"" + "x".repeat(200_000) + "\"}";
            List<InterchangeFile.Entry> entries = read(
                    "{\"title\": \"short\"}\n" + longLine + "\n{\"title\": \"after\"}\n",
                    InterchangeFormat.JSONL,
                    1024);

            assertThat(entries)
                    .extracting(InterchangeFile.Entry::lineNumber, InterchangeReaderTests::outcome)
                    .containsExactly(tuple(1L, "short"), tuple(2L, "interchange.line.long"), tuple(3L, "after"));
            assertThat(entries.get(1).rejection().arguments()).containsExactly(1024);
        }

        @Test
        void rejectsOnlyTheLineWithBytesThatAreNotUtf8() throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.write("{\"title\": \"good\"}\n{\"title\": \"caf".getBytes(StandardCharsets.UTF_8));
            bytes.write(new byte[] {(byte) 0xC3, (byte) 0x28});
            bytes.write("\"}\n{\"title\": \"also good\"}\n".getBytes(StandardCharsets.UTF_8));
            Path file = Files.write(dir.resolve("bytes.jsonl"), bytes.toByteArray());

            assertThat(readAll(file, InterchangeFormat.JSONL, 1000))
                    .extracting(InterchangeFile.Entry::lineNumber, InterchangeReaderTests::outcome)
                    .containsExactly(tuple(1L, "good"), tuple(2L, "interchange.utf8"), tuple(3L, "also good"));
        }

        private List<InterchangeFile.Entry> read(String content, InterchangeFormat format, int maxLineChars)
                throws IOException {
            return readAll(
                    Files.writeString(dir.resolve("file." + format.name().toLowerCase()), content),
                    format,
                    maxLineChars);
        }
    }

    @Nested
    class CsvFiles {

        @TempDir
        Path dir;

        @Test
        void readsFlattenedSpeakersThemesAndNotes() throws IOException {
            String csv = "Title,Kind,Language,Speakers,Themes,Body,Notes,Date\r\n"
                    + "Study session,study session,en,"
                    + "\"Li Keqiang|presided|Premier; Chen Chun|lectured; Zhang Guoqing\","
                    + "\"Digital economy; Talent\",\"One, with a comma.\r\n\r\nTwo \"\"quoted\"\".\","
                    + "\"A note.\nAnother note.\",2023-08-21\r\n";

            List<InterchangeFile.Entry> entries = read(csv);

            assertThat(entries).singleElement().satisfies(entry -> {
                assertThat(entry.lineNumber()).isEqualTo(2);
                RecordDraft draft = entry.draft();
                assertThat(draft.title()).isEqualTo("Study session");
                assertThat(draft.kind()).isEqualTo(RecordKind.STUDY_SESSION);
                assertThat(draft.date()).isEqualTo("2023-08-21");
                assertThat(draft.status()).isEqualTo(RecordStatus.PUBLISHED);
                assertThat(draft.people())
                        .containsExactly(
                                new RecordDraft.PersonRow(null, "Li Keqiang", Role.PRESIDED, "Premier"),
                                new RecordDraft.PersonRow(null, "Chen Chun", Role.LECTURED, null),
                                new RecordDraft.PersonRow(null, "Zhang Guoqing", Role.SPOKE, null));
                assertThat(draft.themes())
                        .extracting(RecordDraft.ThemeRef::name)
                        .containsExactly("Digital economy", "Talent");
                assertThat(draft.body()).isEqualTo("One, with a comma.\r\n\r\nTwo \"quoted\".");
                assertThat(draft.notes()).containsExactly("A note.", "Another note.");
            });
        }

        @Test
        void numbersARowByTheLineItStartsOn() throws IOException {
            String csv = "title,body\n" + "First,\"one\ntwo\nthree\"\n" + "Second,text\n";

            assertThat(read(csv))
                    .extracting(InterchangeFile.Entry::lineNumber, InterchangeReaderTests::outcome)
                    .containsExactly(tuple(2L, "First"), tuple(5L, "Second"));
        }

        @Test
        void rejectsARowWithTheWrongNumberOfFieldsAndReadsOn() throws IOException {
            String csv = "title,kind,body\n" + "Good,speech,text\n" + "Short,speech\n" + "Long,speech,text,extra\n"
                    + "Also good,speech,text\n";

            List<InterchangeFile.Entry> entries = read(csv);

            assertThat(entries)
                    .extracting(InterchangeFile.Entry::lineNumber, InterchangeReaderTests::outcome)
                    .containsExactly(
                            tuple(2L, "Good"),
                            tuple(3L, "interchange.csv.fields"),
                            tuple(4L, "interchange.csv.fields"),
                            tuple(5L, "Also good"));
            assertThat(entries.get(1).rejection().arguments()).containsExactly(2, 3);
            assertThat(entries.get(2).rejection().arguments()).containsExactly(4, 3);
        }

        /** Excel writes one before the header of a file saved as "CSV UTF-8". */
        @Test
        void dropsAByteOrderMarkBeforeTheHeader() throws IOException {
            assertThat(read("\uFEFFtitle,kind,body\r\nMarked,speech,text\r\n"))
                    .extracting(InterchangeFile.Entry::lineNumber, InterchangeReaderTests::outcome)
                    .containsExactly(tuple(2L, "Marked"));
        }

        @Test
        void rejectsACellOfTheFormatsOwnWrongValues() throws IOException {
            assertThat(read("title,kind,status\nA,sermon,\nB,speech,secret\n"))
                    .extracting(InterchangeFile.Entry::lineNumber, InterchangeReaderTests::outcome)
                    .containsExactly(
                            tuple(2L, "interchange.kind.unknown.listed"), tuple(3L, "interchange.status.unknown"));
        }

        private List<InterchangeFile.Entry> read(String content) throws IOException {
            return readAll(Files.writeString(dir.resolve("file.csv"), content), InterchangeFormat.CSV, 1000);
        }
    }

    /** A file in another encoding, converted to UTF-8 as an import stores it. */
    @Nested
    class FilesInOtherEncodings {

        static final Charset GB18030 = Charset.forName("GB18030");

        @TempDir
        Path dir;

        @Test
        void readsACsvFileInGb18030() throws IOException {
            String csv = "\uFEFFtitle,themes,body\r\n国务院常务会议,数字经济; 人才,会议研究部署加快发展数字经济。\r\n";

            assertThat(read(csv.getBytes(GB18030), InterchangeFormat.CSV))
                    .singleElement()
                    .satisfies(entry -> {
                        assertThat(entry.draft().title()).isEqualTo("国务院常务会议");
                        assertThat(entry.draft().themes())
                                .extracting(RecordDraft.ThemeRef::name)
                                .containsExactly("数字经济", "人才");
                        assertThat(entry.draft().body()).isEqualTo("会议研究部署加快发展数字经济。");
                    });
        }

        @Test
        void rejectsOnlyTheLineWithBytesThatAreNotGb18030() throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.write("{\"title\": \"数字\"}\n{\"title\": \"".getBytes(GB18030));
            bytes.write(new byte[] {(byte) 0x81, (byte) 0x20});
            bytes.write("\"}\n[\"\u0080\"]\n{\"title\": \"经济\"}\n".getBytes(GB18030));
            // a lone lead byte, and one that no GB18030 character starts with
            bytes.write(new byte[] {(byte) 0xFF});

            assertThat(read(bytes.toByteArray(), InterchangeFormat.JSONL))
                    .extracting(InterchangeFile.Entry::lineNumber, InterchangeReaderTests::outcome)
                    .containsExactly(
                            tuple(1L, "数字"),
                            tuple(2L, "interchange.encoding"),
                            tuple(3L, "interchange.object"),
                            tuple(4L, "经济"),
                            tuple(5L, "interchange.encoding"));
        }

        @Test
        void leavesUtf8AsItIs() throws IOException {
            byte[] utf8 = "{\"title\": \"数字经济\"}\n".getBytes(StandardCharsets.UTF_8);

            assertThat(InterchangeFile.inUtf8(new ByteArrayInputStream(utf8), StandardCharsets.UTF_8)
                            .readAllBytes())
                    .isEqualTo(utf8);
        }

        /** A file larger than the converter's buffers, so that characters fall across their edges. */
        @Test
        void convertsAFileOfAnySize() throws IOException {
            StringBuilder jsonl = new StringBuilder();
            for (int i = 0; i < 5_000; i++) {
                jsonl.append("{\"title\": \"第").append(i).append("条 数字经济 𠀀\"}\n");
            }

            List<InterchangeFile.Entry> entries = read(jsonl.toString().getBytes(GB18030), InterchangeFormat.JSONL);

            assertThat(entries).hasSize(5_000);
            assertThat(entries.get(4_999).draft().title()).isEqualTo("第4999条 数字经济 𠀀");
            assertThat(entries).allSatisfy(entry -> assertThat(entry.draft()).isNotNull());
        }

        private List<InterchangeFile.Entry> read(byte[] content, InterchangeFormat format) throws IOException {
            Path file = dir.resolve("converted." + format.name().toLowerCase());
            try (InputStream converted = InterchangeFile.inUtf8(new ByteArrayInputStream(content), GB18030)) {
                Files.copy(converted, file);
            }
            return readAll(file, format, 1000);
        }
    }

    /** An entry's title when it was read, or the message key of its rejection. */
    static String outcome(InterchangeFile.Entry entry) {
        return entry.draft() != null ? entry.draft().title() : entry.rejection().messageKey();
    }

    static List<InterchangeFile.Entry> readAll(Path file, InterchangeFormat format, int maxLineChars)
            throws IOException {
        List<InterchangeFile.Entry> entries = new ArrayList<>();
        try (InterchangeFile reader = InterchangeFile.open(format, file, maxLineChars, SeededKinds.LOOKUP)) {
            InterchangeFile.Entry entry;
            while ((entry = reader.next()) != null) {
                entries.add(entry);
            }
        }
        return entries;
    }
}
