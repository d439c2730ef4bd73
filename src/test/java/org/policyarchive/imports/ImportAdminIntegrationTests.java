package org.policyarchive.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.Pages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest
@AutoConfigureMockMvc
@CleanArchive
class ImportAdminIntegrationTests {

    static final RequestPostProcessor ADMIN = user("admin-importer").roles("ADMIN");
    static final RequestPostProcessor EDITOR = user("editor-importer").roles("EDITOR");

    @Autowired
    MockMvc mvc;

    @Autowired
    ImportJobService imports;

    @Autowired
    JdbcClient jdbc;

    @Test
    void adminUploadsAFileAndReadsTheFinalReport() throws Exception {
        String content = "{\"slug\": \"imported-on-the-web\", \"title\": \"Imported on the web\", \"kind\": \"speech\","
                + " \"language\": \"en\", \"body\": \"Text.\"}\n"
                + "{\"title\": \"<script>alert('x')</script>\", \"kind\": \"speech\", \"language\": \"en\"}\n";
        MvcResult upload = mvc.perform(multipart("/admin/imports")
                        .file(new MockMultipartFile(
                                "file", "web.jsonl", "application/x-ndjson", content.getBytes(StandardCharsets.UTF_8)))
                        .with(ADMIN)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        String location = upload.getResponse().getRedirectedUrl();
        assertThat(location).matches("/admin/imports/\\d+");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        await().atMost(Duration.ofSeconds(60))
                .until(() -> imports.find(id).orElseThrow().finished());

        mvc.perform(get(location + "/status").with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUCCEEDED"))
                .andExpect(jsonPath("$.linesRead").value(2))
                .andExpect(jsonPath("$.recordsImported").value(1))
                .andExpect(jsonPath("$.recordsSkipped").value(0))
                .andExpect(jsonPath("$.linesRejected").value(1))
                .andExpect(jsonPath("$.percent").value(100));
        Document page = Pages.load(mvc, get(location).with(ADMIN), 200);
        assertThat(page.select("h1").text()).isEqualTo("Import of web.jsonl");
        assertThat(page.select("label[for=import-progress]").text()).isEqualTo("Share of the file read");
        assertThat(page.select("progress#import-progress").attr("value")).isEqualTo("100");
        assertThat(page.select("[data-field=status]").text()).isEqualTo("Finished");
        assertThat(page.select("[data-field=recordsImported]").text()).isEqualTo("1");
        assertThat(page.select("[data-field=linesRejected]").text()).isEqualTo("1");
        assertThat(page.select("table caption").text())
                .isEqualTo("Rejected lines (1 in all), with the reason for each");
        assertThat(page.select("table tbody tr").eachText()).containsExactly("2 Enter the text of the record.");
        assertThat(page.select(".import-message")).isEmpty();
        assertThat(page.select("form[action$=/cancel]")).isEmpty();

        Document list = Pages.load(mvc, get("/admin/imports").with(ADMIN), 200);
        assertThat(list.select("table tbody tr")).hasSize(1);
        assertThat(list.select("table tbody tr td").eachText().subList(0, 6))
                .containsExactly("web.jsonl", "Finished", "1", "0", "1", "admin-importer");
        assertThat(list.select("a[href=" + location + "]").text()).isEqualTo("web.jsonl");
        assertThat(list.select("label[for=import-file]").text()).isEqualTo("File to import");
    }

    /** Reports are stored as message keys with their arguments (V35), and read in the reader's words. */
    @Test
    void showsTheRejectedLinesOfAJobInTheReadersWordsFromTheirMessageKeys() throws Exception {
        long id = insertJob("keys.jsonl", "SUCCEEDED", null, null);
        jdbc.sql("insert into import_error (job_id, line_number, message_key, arguments) values"
                        + " (?, 4, 'interchange.kind.unknown', '[\"sermon\"]'),"
                        + " (?, 7, 'record.title.size', '[500]'),"
                        + " (?, 9, 'interchange.line.long', '[16777216]'),"
                        + " (?, 11, 'interchange.csv.fields', '[3, 11]')")
                .params(id, id, id, id)
                .update();

        Document page = Pages.load(mvc, get("/admin/imports/" + id).with(ADMIN), 200);

        assertThat(page.select("table tbody tr").eachText())
                .containsExactly(
                        "4 Unknown kind “sermon”.",
                        "7 The title must be at most 500 characters long.",
                        "9 The line is too long (more than 16,777,216 characters).",
                        "11 The row has 3 fields, the header 11.");
    }

    /** A job written before V35 has its reasons and its outcome in English text only, and still shows them. */
    @Test
    void stillShowsTheEnglishReasonsOfAJobWrittenBeforeMessageKeys() throws Exception {
        long id = insertJob("old.jsonl", "CANCELLED", "Cancelled after line 5", null);
        jdbc.sql("insert into import_error (job_id, line_number, reason) values (?, 3, 'missing title'),"
                        + " (?, 5, 'unknown kind \"sermon\"')")
                .params(id, id)
                .update();

        Document page = Pages.load(mvc, get("/admin/imports/" + id).with(ADMIN), 200);

        assertThat(page.select("[data-field=status]").text()).isEqualTo("Cancelled");
        assertThat(page.select(".import-message").text()).isEqualTo("Cancelled after line 5");
        assertThat(page.select("table tbody tr").eachText())
                .containsExactly("3 missing title", "5 unknown kind \"sermon\"");
    }

    @Test
    void showsWhatBecameOfAJobFromItsMessageKey() throws Exception {
        long id = insertJob("failed.jsonl", "FAILED", null, "import.job.failed");
        jdbc.sql("update import_job set message_arguments = '[\"disk full\"]'::jsonb where id = ?")
                .param(id)
                .update();

        Document page = Pages.load(mvc, get("/admin/imports/" + id).with(ADMIN), 200);

        assertThat(page.select("[data-field=status]").text()).isEqualTo("Failed");
        assertThat(page.select(".import-message").text()).isEqualTo("The import stopped: disk full");
        assertThat(page.select("main p").eachText()).contains("No line was rejected.");
    }

    @Test
    void rejectsAFileThatIsNotJsonLinesOrCsvWithTheAllowedTypes() throws Exception {
        Document page = Pages.load(
                mvc,
                multipart("/admin/imports")
                        .file(new MockMultipartFile("file", "records.xlsx", "application/octet-stream", new byte[] {1}))
                        .with(ADMIN)
                        .with(csrf()),
                415);
        assertThat(page.select("[role=alert]").text())
                .isEqualTo("“records.xlsx” cannot be imported: bulk imports read .jsonl (JSON Lines) and .csv files.");
        assertThat(page.select(".error-page__links a").attr("href")).isEqualTo("/admin/imports");
        assertThat(jobs()).isZero();
    }

    @Test
    void rejectsAnEmptyFile() throws Exception {
        Document page = Pages.load(
                mvc,
                multipart("/admin/imports")
                        .file(new MockMultipartFile("file", "empty.jsonl", "application/x-ndjson", new byte[0]))
                        .with(ADMIN)
                        .with(csrf()),
                400);
        assertThat(page.select("[role=alert]").text()).isEqualTo("“empty.jsonl” is empty: there is nothing to read.");
        assertThat(jobs()).isZero();
    }

    @Test
    void editorsCannotReachImports() throws Exception {
        mvc.perform(get("/admin/imports").with(EDITOR)).andExpect(status().isForbidden());
        mvc.perform(multipart("/admin/imports")
                        .file(new MockMultipartFile("file", "x.jsonl", "application/x-ndjson", new byte[] {'{'}))
                        .with(EDITOR)
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/imports/1/cancel").with(EDITOR).with(csrf())).andExpect(status().isForbidden());
        assertThat(jobs()).isZero();
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
        mvc.perform(get("/admin/imports")).andExpect(status().is3xxRedirection());
    }

    @Test
    void answersNotFoundForAnUnknownImport() throws Exception {
        Document page = Pages.load(mvc, get("/admin/imports/987654321").with(ADMIN), 404);
        assertThat(page.select("main").text()).contains("There is no import number 987654321.");
    }

    private long insertJob(String fileName, String status, String message, String messageKey) {
        return jdbc.sql("insert into import_job (file_name, format, size_bytes, stored_path, status, lines_read,"
                        + " records_imported, lines_rejected, message, message_key, created_by, started_at,"
                        + " finished_at) values (?, 'JSONL', 100, '/nowhere', ?, 12, 8, 2, ?, ?, 'admin-importer',"
                        + " now() - interval '1 minute', now()) returning id")
                .params(fileName, status, message, messageKey)
                .query(Long.class)
                .single();
    }

    private long jobs() {
        return jdbc.sql("select count(*) from import_job").query(Long.class).single();
    }
}
