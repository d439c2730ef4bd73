package org.policyarchive.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyarchive.interchange.InterchangeFormat;
import org.policyarchive.record.Record;
import org.policyarchive.record.RecordCatalog;
import org.policyarchive.record.RecordKind;
import org.policyarchive.record.Role;
import org.policyarchive.system.DatePrecision;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.Pages;
import org.policyarchive.testing.SeededKinds;
import org.policyarchive.testing.SharedCorpus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk imports into an empty archive (the seed record alone), so every count is the whole count: the real corpus,
 * files with broken lines, re-imports, cancelling, CSV. Rejected lines are reported in the words of the interchange
 * format's and the record rules' messages, on the job page and on the command line.
 */
@SpringBootTest
@AutoConfigureMockMvc
@CleanArchive
class BulkImportIntegrationTests {

    /** The seed record, the only record of a clean archive. */
    static final long SEED_RECORDS = 1;

    @Autowired
    ImportJobService imports;

    @Autowired
    ImportCommand command;

    @Autowired
    RecordCatalog catalog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MockMvc mvc;

    @TempDir
    Path dir;

    @Test
    void importsThePresidentialSpeechesWithoutRejections() throws IOException {
        ImportJobView job = imports.runNow(
                SharedCorpus.file(SharedCorpus.US_SPEECHES),
                InterchangeFormat.JSONL,
                "test",
                ImportProgressListener.NONE);

        assertThat(job.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(job.linesRead()).isEqualTo(1004);
        assertThat(job.recordsImported()).isEqualTo(1004);
        assertThat(job.recordsSkipped()).isZero();
        assertThat(job.linesRejected()).isZero();
        assertThat(imports.errors(job.id(), 0, 10)).isEmpty();
        assertThat(catalog.count()).isEqualTo(SEED_RECORDS + 1004);
        assertThat(countBySourcePrefix("github:kfogel/presidential-speeches")).isEqualTo(1004);
        transactions.executeWithoutResult(status -> {
            // a new record's slug is made from its title and its date as written
            Record inaugural =
                    catalog.findBySlug("first-inaugural-address-1789-04-30").orElseThrow();
            assertThat(inaugural.getTitle()).isEqualTo("First Inaugural Address");
            assertThat(inaugural.getKind()).isEqualTo(RecordKind.INAUGURAL_ADDRESS);
            assertThat(inaugural.getParticipations())
                    .extracting(p -> p.getPerson().getName(), p -> p.getRole())
                    .containsExactly(tuple("George Washington", Role.SPOKE));
            assertThat(inaugural.getParagraphs().get(0))
                    .isEqualTo("Fellow Citizens of the Senate and the House of Representatives:");
        });
    }

    @Test
    void importsTheChineseGovernmentWorkReports() throws IOException {
        ImportJobView job = imports.runNow(
                SharedCorpus.file(SharedCorpus.CHINESE_REPORTS),
                InterchangeFormat.JSONL,
                "test",
                ImportProgressListener.NONE);

        assertThat(job.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(job.linesRejected()).isZero();
        assertThat(job.recordsImported()).isEqualTo(72);
        assertThat(job.recordsSkipped()).isZero();
        assertThat(catalog.count()).isEqualTo(SEED_RECORDS + 72);
        assertThat(countBySourcePrefix("github:aldohemsn/chinese-political-corpora"))
                .isEqualTo(72);
        assertThat(jdbc.sql("select slug from record where title = '2025年中华人民共和国国务院政府工作报告'"
                                + " and language = 'zh-Hans' and date is null"
                                + " and source like 'github:aldohemsn/chinese-political-corpora%'")
                        .query(String.class)
                        .list())
                .hasSize(1);
    }

    @Test
    void rejectsBrokenLinesWithTheirNumbersAndReasonsAndImportsTheRest() throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        write(file, line("good-1", "A good speech", "speech", "\"2001-02-03\""));
        write(file, "{\"title\": \"broken\", \"body\": ");
        write(file, "{\"body\": \"no title\", \"kind\": \"speech\", \"language\": \"en\"}");
        write(file, "{\"title\": \"no body\", \"kind\": \"speech\", \"language\": \"en\"}");
        write(file, line("bad-kind", "Unknown kind", "sermon", "null"));
        write(file, line("bad-date", "Bad date", "speech", "\"2023-02-30\""));
        file.write("{\"title\": \"bad bytes \u00e9".getBytes(StandardCharsets.UTF_8));
        file.write(new byte[] {(byte) 0xC3, (byte) 0x28});
        write(file, "\", \"body\": \"x\", \"kind\": \"speech\", \"language\": \"en\"}");
        write(file, line("long-title", "T".repeat(501), "speech", "null"));
        write(file, "[1, 2, 3]");
        write(file, "");
        write(file, line("good-2", "Another good speech", "remarks", "\"1999-12\""));
        write(
                file,
                "{\"title\": \"Twice\", \"kind\": \"speech\", \"language\": \"en\", \"body\": \"x\", \"speakers\":"
                        + " [{\"name\": \"Jane Doe\", \"role\": \"spoke\"}, {\"name\": \"jane doe\", \"role\": \"speaker\"}]}");
        Path path = dir.resolve("broken.jsonl");
        Files.write(path, file.toByteArray());

        ImportJobView job = imports.runNow(path, InterchangeFormat.JSONL, "test", ImportProgressListener.NONE);

        assertThat(job.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(job.linesRead()).isEqualTo(12);
        assertThat(job.recordsImported()).isEqualTo(2);
        assertThat(job.recordsSkipped()).isZero();
        assertThat(job.linesRejected()).isEqualTo(9);
        assertThat(imports.errors(job.id(), 0, 100))
                .extracting(
                        ImportJobs.ImportError::lineNumber,
                        error -> error.message().key())
                .containsExactly(
                        tuple(2L, "interchange.json"),
                        tuple(3L, "record.title.required"),
                        tuple(4L, "record.body.required"),
                        tuple(5L, "interchange.kind.unknown.listed"),
                        tuple(6L, "date.invalid"),
                        tuple(7L, "interchange.utf8"),
                        tuple(8L, "record.title.size"),
                        tuple(9L, "interchange.object"),
                        tuple(12L, "record.person.duplicate"));
        List<String> report = reportRows(job.id());
        assertThat(report.get(0)).startsWith("2 The line is not valid JSON: ");
        assertThat(report.subList(1, report.size()))
                .containsExactly(
                        "3 Enter a title.",
                        "4 Enter the text of the record.",
                        "5 Unknown kind “sermon”. The kinds this archive knows: "
                                + String.join(", ", SeededKinds.LOOKUP.labels()) + ".",
                        "6 This date does not exist.",
                        "7 The line holds bytes that are not UTF-8 text.",
                        "8 The title must be at most 500 characters long.",
                        "9 The line is not a JSON object: each line must be one record in braces.",
                        "12 This person already has this role in the record.");
        assertThat(catalog.count()).isEqualTo(SEED_RECORDS + 2);
        assertThat(catalog.findBySlug("good-1")).isPresent();
        Record good2 = catalog.findBySlug("good-2").orElseThrow();
        assertThat(good2.getDatePrecision()).isEqualTo(DatePrecision.MONTH);
    }

    @Test
    void commandLinePrintsTheRejectedLinesInEnglish() throws Exception {
        Path path = Files.write(
                dir.resolve("command.jsonl"),
                List.of(
                        line("good", "Imported from the command line", "speech", "null"),
                        "{\"title\": \"no body\", \"kind\": \"speech\", \"language\": \"en\"}",
                        "{\"title\": \"Odd status\", \"kind\": \"speech\", \"language\": \"en\", \"body\": \"x\","
                                + " \"status\": \"secret\"}"));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int exitCode = command.runImport(path, new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(exitCode).isEqualTo(2);
        List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines)
                .filteredOn(line -> line.startsWith("Import "))
                .singleElement()
                .asString()
                .endsWith(": 1 records imported, 0 already present (skipped), 2 lines rejected");
        assertThat(lines)
                .filteredOn(line -> line.startsWith("  line "))
                .containsExactly(
                        "  line 2: Enter the text of the record.",
                        "  line 3: Unknown status “secret” (draft, published or withdrawn).");
        assertThat(catalog.count()).isEqualTo(SEED_RECORDS + 1);
    }

    @Test
    void appliesTheRecordRulesOfTheForm() throws Exception {
        Path path = Files.write(
                dir.resolve("rules.jsonl"),
                List.of(
                        "{\"title\": \"Monthly report\", \"date\": \"2023-08\", \"kind\": \"report\","
                                + " \"language\": \"ZH-hans\", \"body\": \"First.\\r\\n\\r\\n\\r\\n  Second.\\r\\n\"}",
                        "{\"title\": \"Long summary\", \"kind\": \"report\", \"language\": \"en\", \"body\": \"x\","
                                + " \"summary\": \"" + "s".repeat(20_001) + "\"}",
                        "{\"title\": \"Summary at its limit\", \"kind\": \"report\", \"language\": \"en\","
                                + " \"body\": \"x\", \"summary\": \"" + "s".repeat(20_000) + "\"}"));

        ImportJobView job = imports.runNow(path, InterchangeFormat.JSONL, "test", ImportProgressListener.NONE);

        assertThat(job.recordsImported()).isEqualTo(2);
        assertThat(reportRows(job.id())).containsExactly("2 The summary must be at most 20,000 characters long.");
        Record monthly = catalog.findBySlug("monthly-report-2023-08").orElseThrow();
        assertThat(monthly.getLanguage()).isEqualTo("zh-Hans");
        assertThat(monthly.getBody()).isEqualTo("First.\n\nSecond.");
        assertThat(catalog.findBySlug("summary-at-its-limit")).isPresent();
    }

    @Test
    void skipsRecordsAlreadyImportedWhenTheSameFileComesAgain() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(line("again-1", "Imported twice", "speech", "null"));
        lines.add("{\"title\": \"No slug\", \"body\": \"text\", \"kind\": \"statement\","
                + " \"language\": \"en\", \"source\": \"test\"}");
        Path path = Files.write(dir.resolve("twice.jsonl"), lines);

        ImportJobView first = imports.runNow(path, InterchangeFormat.JSONL, "test", ImportProgressListener.NONE);
        ImportJobView second = imports.runNow(path, InterchangeFormat.JSONL, "test", ImportProgressListener.NONE);

        assertThat(first.recordsImported()).isEqualTo(2);
        assertThat(first.recordsSkipped()).isZero();
        assertThat(second.recordsImported()).isZero();
        assertThat(second.recordsSkipped()).isEqualTo(2);
        assertThat(catalog.count()).isEqualTo(SEED_RECORDS + 2);
        assertThat(jdbc.sql("select slug from record where title = 'No slug'")
                        .query(String.class)
                        .list())
                .containsExactly("no-slug");
    }

    @Test
    void cancelStopsTheImportBetweenBatches() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            lines.add(line("cancel-" + i, "Cancelled import " + i, "speech", "null"));
        }
        Path path = Files.write(dir.resolve("cancel.jsonl"), lines);

        ImportJobView job = imports.runNow(path, InterchangeFormat.JSONL, "test", progress -> {
            if (!progress.finished()) {
                imports.cancel(progress.id());
            }
        });

        assertThat(job.status()).isEqualTo(ImportStatus.CANCELLED);
        assertThat(job.recordsImported()).isEqualTo(500);
        assertThat(jobPage(job.id()).select(".import-message").text())
                .isEqualTo("Cancelled after line 500; the records committed before stay in the archive.");
        assertThat(catalog.count()).isEqualTo(SEED_RECORDS + 500);
        assertThat(imports.cancel(job.id())).isFalse();
    }

    @Test
    void importsCsvWithFlattenedSpeakersThemesAndNotes() throws Exception {
        String csv = "slug,title,date,kind,language,place,speakers,themes,body,source,notes\r\n"
                + "csv-1,CSV study session,2023-08-21,study session,en,Beijing,"
                + "\"Li Keqiang|presided|Premier; Chen Chun|lectured|Academician; Zhang Guoqing|participated\","
                + "\"Digital economy; Talent\",\"First paragraph, with a comma.\r\n\r\nSecond \"\"quoted\"\" paragraph.\","
                + "CSV test,\"A note.\nAnother note.\"\r\n"
                + "csv-2,,2023-08-21,speech,en,,,,body,,\r\n"
                + "csv-3,<script>alert(1)</script>,,speech,en,,,,<b>bold</b>,,\r\n";
        Path path = Files.writeString(dir.resolve("records.csv"), csv);

        ImportJobView job = imports.runNow(path, InterchangeFormat.CSV, "test", ImportProgressListener.NONE);

        assertThat(job.recordsImported()).isEqualTo(2);
        assertThat(job.linesRejected()).isEqualTo(1);
        assertThat(reportRows(job.id())).containsExactly("6 Enter a title.");
        assertThat(catalog.count()).isEqualTo(SEED_RECORDS + 2);
        assertThat(jdbc.sql(
                                "select p.name, pa.role, pa.office from participation pa join person p on p.id = pa.person_id"
                                        + " join record r on r.id = pa.record_id where r.slug = ? order by pa.position")
                        .param("csv-1")
                        .query((rs, n) -> tuple(rs.getString(1), rs.getString(2), rs.getString(3)))
                        .list())
                .containsExactly(
                        tuple("Li Keqiang", "PRESIDED", "Premier"),
                        tuple("Chen Chun", "LECTURED", "Academician"),
                        tuple("Zhang Guoqing", "PARTICIPATED", null));
        transactions.executeWithoutResult(status -> {
            Record record = catalog.findBySlug("csv-1").orElseThrow();
            assertThat(record.getKind()).isEqualTo(RecordKind.STUDY_SESSION);
            // the seed's themes are found by name, not made again
            assertThat(record.getThemes())
                    .extracting(t -> t.getSlug())
                    .containsExactlyInAnyOrder("digital-economy", "talent");
            assertThat(record.getParagraphs())
                    .containsExactly("First paragraph, with a comma.", "Second \"quoted\" paragraph.");
            assertThat(record.getNotes()).extracting(n -> n.getBody()).containsExactly("A note.", "Another note.");
            Record script = catalog.findBySlug("csv-3").orElseThrow();
            assertThat(script.getTitle()).isEqualTo("<script>alert(1)</script>");
            assertThat(script.getBody()).isEqualTo("<b>bold</b>");
        });
    }

    /** The job page's report as an admin reads it: each rejected line's number and reason. */
    private List<String> reportRows(long jobId) throws Exception {
        return jobPage(jobId).select("table tbody tr").eachText();
    }

    private Document jobPage(long jobId) throws Exception {
        return Pages.load(
                mvc, get("/admin/imports/" + jobId).with(user("admin-reader").roles("ADMIN")), 200);
    }

    private long countBySourcePrefix(String prefix) {
        return jdbc.sql("select count(*) from record where source like ?")
                .param(prefix + "%")
                .query(Long.class)
                .single();
    }

    private static String line(String slug, String title, String kind, String date) {
        return "{\"slug\": \"" + slug + "\", \"title\": \"" + title + "\", \"date\": " + date
                + ", \"kind\": \"" + kind
                + "\", \"language\": \"en\", \"body\": \"Paragraph one.\\n\\nParagraph two.\","
                + " \"speakers\": [{\"name\": \"Jane Speaker\", \"role\": \"speaker\"}],"
                + " \"themes\": [\"Imported theme\"]}";
    }

    private static void write(ByteArrayOutputStream out, String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
