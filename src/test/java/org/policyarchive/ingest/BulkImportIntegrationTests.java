package org.policyarchive.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyarchive.record.Record;
import org.policyarchive.record.RecordCatalog;
import org.policyarchive.record.RecordKind;
import org.policyarchive.record.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
class BulkImportIntegrationTests {

    static final Path CORPUS = Path.of("../shared/corpus");

    @Autowired
    ImportJobService imports;

    @Autowired
    ImportJobs jobs;

    @Autowired
    RecordCatalog catalog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @TempDir
    Path dir;

    final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void importsThePresidentialSpeechesWithoutRejections() throws IOException {
        ImportJobView job = imports.runNow(
                CORPUS.resolve("us-presidential-speeches.jsonl"),
                ImportFormat.JSONL,
                "test",
                ImportProgressListener.NONE);

        assertThat(job.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(job.linesRejected()).isZero();
        assertThat(job.linesRead()).isEqualTo(1004);
        assertThat(job.recordsImported() + job.recordsSkipped()).isEqualTo(1004);
        assertThat(countBySourcePrefix("github:kfogel/presidential-speeches")).isEqualTo(1004);
        assertThat(imports.errors(job.id(), 0, 10)).isEmpty();
        Record inaugural = transactions.execute(status -> {
            // another test class may have imported the corpus first: find the record, not an assumed slug
            String slug = jdbc.sql("select slug from record where title = 'First Inaugural Address'"
                            + " and date = date '1789-04-30' and source like 'github:kfogel/%'")
                    .query(String.class)
                    .single();
            Record r = catalog.findBySlug(slug).orElseThrow();
            assertThat(r.getParticipations(Role.SPOKE))
                    .extracting(p -> p.getPerson().getName())
                    .containsOnly("George Washington");
            return r;
        });
        assertThat(inaugural.getKind()).isEqualTo(RecordKind.INAUGURAL_ADDRESS);
        assertThat(inaugural.getParagraphs().get(0))
                .isEqualTo("Fellow Citizens of the Senate and the House of Representatives:");
    }

    @Test
    void importsTheChineseGovernmentWorkReports() throws IOException {
        ImportJobView job = imports.runNow(
                CORPUS.resolve("zh-government-work-reports.jsonl"),
                ImportFormat.JSONL,
                "test",
                ImportProgressListener.NONE);

        assertThat(job.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(job.linesRejected()).isZero();
        assertThat(job.recordsImported() + job.recordsSkipped()).isEqualTo(72);
        assertThat(countBySourcePrefix("github:aldohemsn/chinese-political-corpora"))
                .isEqualTo(72);
        assertThat(jdbc.sql("select count(*) from record where title = '2025年中华人民共和国国务院政府工作报告'"
                                + " and language = 'zh-Hans' and date is null"
                                + " and source like 'github:aldohemsn/chinese-political-corpora%'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void rejectsBrokenLinesWithTheirNumbersAndReasonsAndImportsTheRest() throws IOException {
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
        Path path = dir.resolve("broken.jsonl");
        Files.write(path, file.toByteArray());

        ImportJobView job = imports.runNow(path, ImportFormat.JSONL, "test", ImportProgressListener.NONE);

        assertThat(job.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(job.recordsImported()).isEqualTo(2);
        assertThat(job.linesRejected()).isEqualTo(8);
        assertThat(imports.errors(job.id(), 0, 100))
                .extracting(
                        ImportJobs.ImportError::lineNumber,
                        e -> e.reason().replaceAll(":.*|\\(.*", "").strip())
                .containsExactly(
                        tuple(2L, "invalid JSON"),
                        tuple(3L, "missing title"),
                        tuple(4L, "missing body"),
                        tuple(5L, "unknown kind \"sermon\""),
                        tuple(6L, "bad date \"2023-02-30\""),
                        tuple(7L, "invalid UTF-8"),
                        tuple(8L, "title too long"),
                        tuple(9L, "not a JSON object"));
        assertThat(catalog.findBySlug(run + "-good-1")).isPresent();
        Record good2 = catalog.findBySlug(run + "-good-2").orElseThrow();
        assertThat(good2.getDatePrecision()).hasToString("MONTH");
        assertThat(catalog.findBySlug(run + "-bad-kind")).isEmpty();
    }

    @Test
    void skipsRecordsAlreadyImportedWhenTheSameFileComesAgain() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(line("again-1", "Imported twice", "speech", "null"));
        lines.add("{\"title\": \"No slug " + run + "\", \"body\": \"text\", \"kind\": \"statement\","
                + " \"language\": \"en\", \"source\": \"test " + run + "\"}");
        Path path = Files.write(dir.resolve("twice.jsonl"), lines);

        ImportJobView first = imports.runNow(path, ImportFormat.JSONL, "test", ImportProgressListener.NONE);
        ImportJobView second = imports.runNow(path, ImportFormat.JSONL, "test", ImportProgressListener.NONE);

        assertThat(first.recordsImported()).isEqualTo(2);
        assertThat(second.recordsImported()).isZero();
        assertThat(second.recordsSkipped()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from record where title = ?")
                        .param("No slug " + run)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void cancelStopsTheImportBetweenBatches() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            lines.add(line("cancel-" + i, "Cancelled import " + i, "speech", "null"));
        }
        Path path = Files.write(dir.resolve("cancel.jsonl"), lines);

        ImportJobView job = imports.runNow(path, ImportFormat.JSONL, "test", progress -> {
            if (!progress.finished()) {
                imports.cancel(progress.id());
            }
        });

        assertThat(job.status()).isEqualTo(ImportStatus.CANCELLED);
        assertThat(job.recordsImported()).isEqualTo(500);
        assertThat(jdbc.sql("select count(*) from record where slug like ?")
                        .param(run + "-cancel-%")
                        .query(Long.class)
                        .single())
                .isEqualTo(500);
        assertThat(imports.cancel(job.id())).isFalse();
    }

    @Test
    void importsCsvWithFlattenedSpeakersThemesAndNotes() throws IOException {
        String csv = "slug,title,date,kind,language,place,speakers,themes,body,source,notes\r\n"
                + run + "-csv-1,CSV study session,2023-08-21,study session,en,Beijing,"
                + "\"Li Keqiang|presided|Premier; Chen Chun|lectured|Academician; Zhang Guoqing|participated\","
                + "\"Digital economy; Talent\",\"First paragraph, with a comma.\r\n\r\nSecond \"\"quoted\"\" paragraph.\","
                + "CSV test,\"A note.\nAnother note.\"\r\n"
                + run + "-csv-2,,2023-08-21,speech,en,,,,body,,\r\n"
                + run + "-csv-3,<script>alert(1)</script>,,speech,en,,,,<b>bold</b>,,\r\n";
        Path path = Files.writeString(dir.resolve("records.csv"), csv);

        ImportJobView job = imports.runNow(path, ImportFormat.CSV, "test", ImportProgressListener.NONE);

        assertThat(job.recordsImported()).isEqualTo(2);
        assertThat(imports.errors(job.id(), 0, 10))
                .extracting(ImportJobs.ImportError::lineNumber, ImportJobs.ImportError::reason)
                .containsExactly(tuple(6L, "missing title"));
        assertThat(jdbc.sql(
                                "select p.name, pa.role, pa.office from participation pa join person p on p.id = pa.person_id"
                                        + " join record r on r.id = pa.record_id where r.slug = ? order by pa.position")
                        .param(run + "-csv-1")
                        .query((rs, n) -> tuple(rs.getString(1), rs.getString(2), rs.getString(3)))
                        .list())
                .containsExactly(
                        tuple("Li Keqiang", "PRESIDED", "Premier"),
                        tuple("Chen Chun", "LECTURED", "Academician"),
                        tuple("Zhang Guoqing", "PARTICIPATED", null));
        transactions.executeWithoutResult(status -> {
            Record record = catalog.findBySlug(run + "-csv-1").orElseThrow();
            assertThat(record.getKind()).isEqualTo(RecordKind.STUDY_SESSION);
            assertThat(record.getThemes()).extracting(t -> t.getName()).contains("Digital economy", "Talent");
            assertThat(record.getParagraphs()).hasSize(2).last().isEqualTo("Second \"quoted\" paragraph.");
            assertThat(record.getNotes()).extracting(n -> n.getBody()).containsOnly("A note.", "Another note.");
            Record script = catalog.findBySlug(run + "-csv-3").orElseThrow();
            assertThat(script.getTitle()).isEqualTo("<script>alert(1)</script>");
            assertThat(script.getBody()).isEqualTo("<b>bold</b>");
        });
    }

    private long countBySourcePrefix(String prefix) {
        return jdbc.sql("select count(*) from record where source like ?")
                .param(prefix + "%")
                .query(Long.class)
                .single();
    }

    private String line(String slug, String title, String kind, String date) {
        return "{\"slug\": \"" + run + "-" + slug + "\", \"title\": \"" + title + "\", \"date\": " + date
                + ", \"kind\": \"" + kind
                + "\", \"language\": \"en\", \"body\": \"Paragraph one.\\n\\nParagraph two.\","
                + " \"speakers\": [{\"name\": \"Speaker " + run + "\", \"role\": \"speaker\"}],"
                + " \"themes\": [\"Theme " + run + "\"]}";
    }

    private static void write(ByteArrayOutputStream out, String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
