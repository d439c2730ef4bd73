package org.policyarchive.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyarchive.export.ArchiveExport;
import org.policyarchive.interchange.InterchangeFormat;
import org.policyarchive.person.PersonDirectory;
import org.policyarchive.person.PersonDraft;
import org.policyarchive.record.Kind;
import org.policyarchive.record.KindDraft;
import org.policyarchive.record.KindEditor;
import org.policyarchive.record.Kinds;
import org.policyarchive.record.RecordDraft;
import org.policyarchive.record.RecordEditor;
import org.policyarchive.record.RecordKind;
import org.policyarchive.record.RecordStatus;
import org.policyarchive.record.Role;
import org.policyarchive.testing.ArchiveContents;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.Drafts;
import org.policyarchive.testing.SharedCorpus;
import org.policyarchive.theme.ThemeDraft;
import org.policyarchive.theme.ThemeVocabulary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An export read back into an empty archive (not even the seed) gives back the same archive: every record field by
 * field (people, roles, offices at the time, themes, notes, statuses, partial dates, translation links both ways),
 * every person (names, aliases, offices) and every theme (names, broader theme, description, position). The fixture
 * is the seed, slices of the real corpus in English and Chinese, and records made to hold what the corpus lacks.
 */
@SpringBootTest
@CleanArchive
class ExportRoundTripIntegrationTests {

    @Autowired
    ArchiveExport export;

    @Autowired
    ImportJobService imports;

    @Autowired
    RecordEditor editor;

    @Autowired
    PersonDirectory people;

    @Autowired
    ThemeVocabulary themes;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KindEditor kindEditor;

    @Autowired
    Kinds kinds;

    @TempDir
    Path dir;

    @BeforeEach
    void loadFixture() throws IOException {
        importFile(slice(SharedCorpus.US_SPEECHES, 40));
        importFile(slice(SharedCorpus.CHINESE_REPORTS, 12));
        themes.importAll(List.of(
                new ThemeDraft("fiscal-policy", "Fiscal policy", "财政政策", "Budgets, taxes and debt.", null, 7),
                new ThemeDraft("local-government-debt", "Local government debt", "地方政府债务", null, "Fiscal policy", 1)));
        people.importAll(List.of(new PersonDraft(
                "wang-huning",
                "Wang Huning",
                "王沪宁",
                "Chairman of the National Committee of the CPPCC from March 2023.",
                List.of("Chairman Wang Huning", "王沪宁主席"),
                List.of(
                        new PersonDraft.Office(
                                "Chairman", "National Committee of the CPPCC", LocalDate.of(2023, 3, 10), null),
                        new PersonDraft.Office("Director", "Central Policy Research Office", null, null)))));

        RecordDraft english = Drafts.speech("Remarks on local government debt")
                .slug("remarks-on-local-government-debt-2024-03")
                .date("2024-03")
                .place("Beijing")
                .organization("National Committee of the CPPCC")
                .summary("Local debt, and what the budget can carry.")
                .body("The first paragraph.\n\nThe second paragraph, with “quotes” and an en dash – here.")
                .source("https://example.org/remarks")
                .by("Chairman Wang Huning", Role.SPOKE, "Chairman of the CPPCC National Committee")
                .by("Li Keqiang", Role.MENTIONED)
                .theme("Local government debt")
                .theme("Digital economy")
                .note("The month is the month the remarks were reported; the day is not known.")
                .note("A note\non two lines.")
                .build();
        long englishId = editor.create(english, "test", null);
        editor.create(
                Drafts.speech("关于地方政府债务的讲话")
                        .slug("remarks-on-local-government-debt-zh")
                        .language("zh-Hans")
                        .date("2024")
                        .place("北京")
                        .body("第一段。\n\n第二段，有“引号”。")
                        .translationOf("remarks-on-local-government-debt-2024-03")
                        .by("王沪宁", Role.SPOKE, "全国政协主席")
                        .theme("Local government debt")
                        .note("中文的编者注。")
                        .build(),
                "test",
                null);
        // each is the other's translation: whichever comes first in the file names one that comes later
        editor.update(
                englishId,
                editor.currentVersion(englishId),
                english.withTranslationSlug("remarks-on-local-government-debt-zh"),
                "test",
                null);
        editor.create(
                Drafts.speech("A draft without a date")
                        .slug("a-draft-without-a-date")
                        .kind(RecordKind.STATEMENT)
                        .status(RecordStatus.DRAFT)
                        .by("Wang Huning", Role.PRESIDED)
                        .by("Chen Chun", Role.LECTURED, "Academician")
                        .by("A Participant", Role.PARTICIPATED)
                        .build(),
                "test",
                null);
        RecordKind congressReport = kindEditor
                .define(
                        new KindDraft("party congress report", "Party congress report", "党代会报告", Kind.CitedAs.REPORT),
                        "test")
                .orElseThrow();
        editor.create(
                Drafts.speech("Report to the Twentieth National Congress")
                        .kind(congressReport)
                        .date("2022-10-16")
                        .build(),
                "test",
                null);
        editor.create(
                Drafts.speech("A withdrawn report")
                        .kind(RecordKind.REPORT)
                        .date("1999-12-31")
                        .status(RecordStatus.WITHDRAWN)
                        .theme("Fiscal policy")
                        .build(),
                "test",
                null);
    }

    @Test
    void jsonLinesGiveBackTheSameRecordsPeopleThemesAndKinds() throws IOException {
        ArchiveContents before = ArchiveContents.of(jdbc);
        List<String> kindsBefore = kindRows();
        Path file = dir.resolve("archive.jsonl");
        try (OutputStream out = Files.newOutputStream(file)) {
            ArchiveExport.Written written = export.export(ArchiveExport.Scope.EVERYTHING, InterchangeFormat.JSONL, out);
            assertThat(written.records()).isEqualTo(before.records().size());
            assertThat(written.people()).isEqualTo(before.people().size());
            assertThat(written.themes()).isEqualTo(before.themes().size());
        }

        ArchiveContents.empty(jdbc);
        // an empty archive has the kinds every archive starts with, and no other
        jdbc.sql("delete from kind where position > 22").update();
        kinds.readAgain();
        assertThat(ArchiveContents.of(jdbc).records()).isEmpty();
        assertThat(kindRows()).hasSize(22);
        ImportJobView job = importFile(file);

        assertThat(imports.errors(job.id(), 0, 10)).isEmpty();
        assertThat(job.recordsImported()).isEqualTo(before.records().size());
        ArchiveContents after = ArchiveContents.of(jdbc);
        assertThat(kindRows()).isEqualTo(kindsBefore).hasSize(23);
        assertThat(after.themes()).isEqualTo(before.themes());
        assertThat(after.people()).isEqualTo(before.people());
        assertThat(after.records()).hasSameSizeAs(before.records());
        for (int i = 0; i < before.records().size(); i++) {
            assertThat(after.records().get(i)).isEqualTo(before.records().get(i));
        }
        assertThat(before.records())
                .extracting(ArchiveContents.RecordRow::status)
                .contains("DRAFT", "WITHDRAWN", "PUBLISHED");
        assertThat(before.records())
                .filteredOn(row -> row.slug().startsWith("remarks-on-local-government-debt"))
                .extracting(ArchiveContents.RecordRow::translation)
                .containsExactlyInAnyOrder(
                        "remarks-on-local-government-debt-zh", "remarks-on-local-government-debt-2024-03");
    }

    @Test
    void csvGivesBackTheSameRecords() throws IOException {
        ArchiveContents before = ArchiveContents.of(jdbc);
        Path file = dir.resolve("archive.csv");
        try (OutputStream out = Files.newOutputStream(file)) {
            export.export(ArchiveExport.Scope.EVERYTHING, InterchangeFormat.CSV, out);
        }
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .startsWith("\uFEFFslug,title,date,kind,language,place,organization,summary,speakers,themes,body,"
                        + "source,notes,status,translation\r\n");

        ArchiveContents.empty(jdbc);
        ImportJobView job = importFile(file);

        assertThat(imports.errors(job.id(), 0, 10)).isEmpty();
        // CSV names people and themes only by name, and a note's line ends part it from the next note
        List<ArchiveContents.RecordRow> after = ArchiveContents.of(jdbc).records().stream()
                .map(ExportRoundTripIntegrationTests::notesAsLines)
                .toList();
        List<ArchiveContents.RecordRow> expected = before.records().stream()
                .map(ExportRoundTripIntegrationTests::notesAsLines)
                .toList();
        assertThat(after).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(after.get(i)).isEqualTo(expected.get(i));
        }
    }

    private List<String> kindRows() {
        return jdbc.sql("select concat_ws(' / ', id, label, name_en, name_zh, cited_as) from kind order by id")
                .query(String.class)
                .list();
    }

    private static ArchiveContents.RecordRow notesAsLines(ArchiveContents.RecordRow row) {
        return new ArchiveContents.RecordRow(
                row.slug(),
                row.title(),
                row.kind(),
                row.date(),
                row.datePrecision(),
                row.place(),
                row.organization(),
                row.language(),
                row.summary(),
                row.body(),
                row.source(),
                row.status(),
                row.translation(),
                row.people(),
                row.themes(),
                row.notes().replace(" || ", "\n"));
    }

    private ImportJobView importFile(Path file) throws IOException {
        ImportJobView job = imports.runNow(
                file, InterchangeFormat.ofFileName(file.toString()).orElseThrow(), "test", ImportProgressListener.NONE);
        assertThat(job.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(job.linesRejected()).isZero();
        return job;
    }

    /** The first {@code lines} lines of a corpus file. */
    private Path slice(String corpusFile, int lines) throws IOException {
        Path slice = dir.resolve("slice-" + corpusFile);
        try (Stream<String> all = Files.lines(SharedCorpus.file(corpusFile), StandardCharsets.UTF_8)) {
            Files.write(slice, all.limit(lines).toList(), StandardCharsets.UTF_8);
        }
        return slice;
    }
}
