package org.policyarchive.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyarchive.record.Kind;
import org.policyarchive.record.Kinds;
import org.policyarchive.record.RecordKind;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.Pages;
import org.policyarchive.testing.SharedCorpus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A file whose records name kinds the archive does not know, such as a corpus of Chinese Party congress reports:
 * without a word from the admin its lines are rejected with the kinds there are; with a mapping they read as a known
 * kind; with the box ticked the kinds are added. The command line takes the same two choices as options. And the import
 * page's sample file imports cleanly.
 */
@SpringBootTest
@AutoConfigureMockMvc
@CleanArchive
class ImportKindsIntegrationTests {

    static final RequestPostProcessor ADMIN = user("kind-importer").roles("ADMIN");

    @Autowired
    MockMvc mvc;

    @Autowired
    ImportJobService imports;

    @Autowired
    Kinds kinds;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ImportCommand command;

    @TempDir
    Path dir;

    @Test
    void rejectsTheLinesOfAnUnknownKindNamingTheKindsThereAre() throws Exception {
        long id = importFile(SharedCorpus.congressReports(), null, false);

        ImportJobView job = imports.find(id).orElseThrow();
        assertThat(job.recordsImported()).isEqualTo(1);
        assertThat(job.linesRejected()).isEqualTo(3);
        Document page = Pages.load(mvc, get("/admin/imports/" + id).with(ADMIN), 200);
        assertThat(page.select("table tbody tr").eachText())
                .hasSize(3)
                .allSatisfy(row -> assertThat(row)
                        .contains("Unknown kind “party congress report”. The kinds this archive knows: study session,"
                                + " meeting, speech,")
                        .contains("government work report, resolution, NPC resolution on the government work report."));
        assertThat(kinds.all()).hasSize(22);
    }

    @Test
    void readsAnUnknownKindAsTheKnownOneItIsMappedTo() throws Exception {
        long id =
                importFile(SharedCorpus.congressReports(), "party congress report → report\n\nsermon -> speech", false);

        ImportJobView job = imports.find(id).orElseThrow();
        assertThat(job.linesRejected()).isZero();
        assertThat(job.recordsImported()).isEqualTo(4);
        assertThat(kindsOfImported()).isEqualTo("GOVERNMENT_WORK_REPORT REPORT REPORT REPORT");
        assertThat(kinds.all()).hasSize(22);
    }

    @Test
    void addsTheUnknownKindsWhenAskedAndAuditsThem() throws Exception {
        long id = importFile(SharedCorpus.congressReports(), null, true);

        ImportJobView job = imports.find(id).orElseThrow();
        assertThat(job.linesRejected()).isZero();
        assertThat(job.recordsImported()).isEqualTo(4);
        Kind added = kinds.find(RecordKind.valueOf("PARTY_CONGRESS_REPORT")).orElseThrow();
        assertThat(added.label()).isEqualTo("party congress report");
        assertThat(added.englishName()).isEqualTo("Party congress report");
        assertThat(added.citedAs()).isEqualTo(Kind.CitedAs.DOCUMENT);
        assertThat(kindsOfImported())
                .isEqualTo("GOVERNMENT_WORK_REPORT PARTY_CONGRESS_REPORT PARTY_CONGRESS_REPORT PARTY_CONGRESS_REPORT");
        assertThat(kinds.all()).hasSize(23);
        assertThat(jdbc.sql("select action || ' ' || object_id || ' by ' || username from audit_event"
                                + " where action like 'KIND%'")
                        .query(String.class)
                        .list())
                .containsExactly("KIND_CREATED party-congress-report by kind-importer");

        // the import page lists the kinds as they now are
        Document form = Pages.load(mvc, get("/admin/imports").with(ADMIN), 200);
        assertThat(form.select(".import-kind-list code").eachText())
                .hasSize(23)
                .contains("study session", "NPC resolution on the government work report", "party congress report");
    }

    @Test
    void refusesMappingsItCannotReadBeforeStoringTheFile() throws Exception {
        assertRefused("party congress report", "is not a mapping");
        assertRefused("party congress report → sermon", "names “sermon”, which is not a kind of the archive");
        assertRefused("speech → report", "maps “speech”, which is already a kind of the archive");
        assertRefused("bell\u0007 → report", "holds a control character");
        assertThat(jdbc.sql("select count(*) from import_job").query(Long.class).single())
                .isZero();
    }

    @Test
    void theCommandLineReadsAnUnknownKindAsTheKnownOneItIsMappedTo() throws Exception {
        Command run = command("party congress report = report; sermon -> speech", null);

        assertThat(run.exitCode()).as(run.printed()).isZero();
        ImportJobView job = imports.find(lastJob()).orElseThrow();
        assertThat(job.recordsImported()).isEqualTo(4);
        assertThat(job.linesRejected()).isZero();
        assertThat(kindsOfImported()).isEqualTo("GOVERNMENT_WORK_REPORT REPORT REPORT REPORT");
        assertThat(kinds.all()).hasSize(22);
    }

    @Test
    void theCommandLineAddsTheUnknownKindsWhenAsked() throws Exception {
        Command run = command(null, "true");

        assertThat(run.exitCode()).as(run.printed()).isZero();
        assertThat(imports.find(lastJob()).orElseThrow().recordsImported()).isEqualTo(4);
        assertThat(kinds.find(RecordKind.valueOf("PARTY_CONGRESS_REPORT"))
                        .orElseThrow()
                        .label())
                .isEqualTo("party congress report");
        assertThat(kindsOfImported())
                .isEqualTo("GOVERNMENT_WORK_REPORT PARTY_CONGRESS_REPORT PARTY_CONGRESS_REPORT PARTY_CONGRESS_REPORT");
        assertThat(jdbc.sql("select action || ' ' || object_id || ' by ' || username from audit_event"
                                + " where action like 'KIND%'")
                        .query(String.class)
                        .list())
                .containsExactly("KIND_CREATED party-congress-report by command-line");
    }

    @Test
    void theCommandLineRefusesMappingsItCannotReadBeforeReadingALine() throws Exception {
        Command unreadable = command("party congress report", null);
        Command unknownTarget = command("party congress report = report; sermon → homily", null);
        Command notABoolean = command(null, "maybe");

        assertThat(unreadable.exitCode()).isEqualTo(1);
        assertThat(unreadable.printed())
                .contains(", --archive.import-kind-mappings: Kind mapping 1, “party congress report”, is not a mapping:"
                        + " write the kind as the file spells it, an arrow (→, -> or =), and a kind of the archive.")
                .doesNotContain("Importing");
        assertThat(unknownTarget.exitCode()).isEqualTo(1);
        assertThat(unknownTarget.printed())
                .contains("Kind mapping 2 names “homily”, which is not a kind of the archive. The kinds are: study"
                        + " session,");
        assertThat(notABoolean.exitCode()).isEqualTo(1);
        assertThat(notABoolean.printed()).contains(": --archive.import-create-kinds is true or false, not maybe");
        assertThat(jdbc.sql("select count(*) from import_job").query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from record").query(Long.class).single())
                .isEqualTo(1);
        assertThat(kinds.all()).hasSize(22);
    }

    @Test
    void offersASampleFileThatImportsCleanly() throws Exception {
        Document form = Pages.load(mvc, get("/admin/imports").with(ADMIN), 200);
        assertThat(form.select("a[href=/admin/imports/sample.jsonl]").text())
                .isEqualTo("Download a sample file (three records, JSON Lines)");
        assertThat(form.select(".import-fields dt").eachText()).startsWith("title", "kind", "language", "body");
        assertThat(form.select("label[for=import-create-kinds]").text()).startsWith("Add the kinds the file names");

        MvcResult sample =
                mvc.perform(get("/admin/imports/sample.jsonl").with(ADMIN)).andReturn();
        assertThat(sample.getResponse().getStatus()).isEqualTo(200);
        assertThat(sample.getResponse().getHeader("Content-Disposition")).startsWith("attachment");
        String content = sample.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(content.lines()).hasSize(3);

        long id = importFile(content, null, false);
        ImportJobView job = imports.find(id).orElseThrow();
        assertThat(job.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(job.linesRejected()).isZero();
        assertThat(job.recordsImported()).isEqualTo(3);
    }

    record Command(int exitCode, String printed) {}

    /** Runs the command-line import of the congress reports with the kind options given (null: not given). */
    private Command command(String mappings, String createKinds) throws Exception {
        Path file = Files.writeString(dir.resolve("congress.jsonl"), SharedCorpus.congressReports());
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exitCode = command.runImport(
                file, "UTF-8", mappings, createKinds, new PrintStream(printed, true, StandardCharsets.UTF_8));
        return new Command(exitCode, printed.toString(StandardCharsets.UTF_8));
    }

    private long lastJob() {
        return jdbc.sql("select max(id) from import_job").query(Long.class).single();
    }

    private String kindsOfImported() {
        return jdbc
                .sql(
                        "select kind from record where slug <> 'state-council-study-session-digital-economy-2023-08-21' order by kind")
                .query(String.class)
                .list()
                .stream()
                .collect(Collectors.joining(" "));
    }

    private long importFile(String content, String mappings, boolean create) throws Exception {
        MockMultipartHttpServletRequestBuilder request = multipart("/admin/imports")
                .file(new MockMultipartFile(
                        "file", "congress.jsonl", "application/x-ndjson", content.getBytes(StandardCharsets.UTF_8)));
        if (mappings != null) {
            request.param("kindMappings", mappings);
        }
        if (create) {
            request.param("createKinds", "true");
        }
        MvcResult upload = mvc.perform(request.with(ADMIN).with(csrf())).andReturn();
        assertThat(upload.getResponse().getStatus()).isEqualTo(302);
        String location = upload.getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> imports.find(id).orElseThrow().finished());
        return id;
    }

    private void assertRefused(String mappings, String reason) throws Exception {
        MvcResult result = mvc.perform(multipart("/admin/imports")
                        .file(new MockMultipartFile(
                                "file",
                                "congress.jsonl",
                                "application/x-ndjson",
                                SharedCorpus.congressReports().getBytes(StandardCharsets.UTF_8)))
                        .param("kindMappings", mappings)
                        .with(ADMIN)
                        .with(csrf()))
                .andReturn();
        assertThat(result.getResponse().getStatus()).as(mappings).isEqualTo(400);
        assertThat(Pages.of(result).select("main").text()).as(mappings).contains(reason);
    }
}
