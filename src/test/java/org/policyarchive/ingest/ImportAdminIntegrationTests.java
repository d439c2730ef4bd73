package org.policyarchive.ingest;

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
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest
@AutoConfigureMockMvc
class ImportAdminIntegrationTests {

    static final RequestPostProcessor ADMIN = user("admin-importer").roles("ADMIN");
    static final RequestPostProcessor EDITOR = user("editor-importer").roles("EDITOR");

    @Autowired
    MockMvc mvc;

    @Autowired
    ImportJobService imports;

    final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void adminUploadsAFileAndReadsTheFinalReport() throws Exception {
        String content = "{\"slug\": \"" + run + "-web\", \"title\": \"Imported on the web\", \"kind\": \"speech\","
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
                .andExpect(jsonPath("$.recordsImported").value(1))
                .andExpect(jsonPath("$.linesRejected").value(1))
                .andExpect(jsonPath("$.percent").value(100));
        Document page = Jsoup.parse(mvc.perform(get(location).with(ADMIN))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(page.select("h1").text()).isEqualTo("Import of web.jsonl");
        assertThat(page.select("label[for=import-progress]").text()).isEqualTo("Share of the file read");
        assertThat(page.select("progress#import-progress").attr("value")).isEqualTo("100");
        assertThat(page.select("[data-field=status]").text()).isEqualTo("Finished");
        assertThat(page.select("[data-field=recordsImported]").text()).isEqualTo("1");
        assertThat(page.select("table tbody tr").eachText()).containsExactly("2 missing body");
        assertThat(page.select("form[action$=/cancel]")).isEmpty();

        Document list = Jsoup.parse(mvc.perform(get("/admin/imports").with(ADMIN))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(list.select("a[href=" + location + "]").text()).isEqualTo("web.jsonl");
        assertThat(list.select("label[for=import-file]").text()).isEqualTo("File to import");
    }

    @Test
    void rejectsAFileThatIsNotJsonLinesOrCsvWithTheAllowedTypes() throws Exception {
        Document page = Jsoup.parse(mvc.perform(multipart("/admin/imports")
                        .file(new MockMultipartFile("file", "records.xlsx", "application/octet-stream", new byte[] {1}))
                        .with(ADMIN)
                        .with(csrf()))
                .andExpect(status().isUnsupportedMediaType())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(page.select("[role=alert]").text()).contains("records.xlsx", ".jsonl", ".csv");
    }

    @Test
    void rejectsAnEmptyFile() throws Exception {
        Document page = Jsoup.parse(mvc.perform(multipart("/admin/imports")
                        .file(new MockMultipartFile("file", "empty.jsonl", "application/x-ndjson", new byte[0]))
                        .with(ADMIN)
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(page.select("[role=alert]").text()).isEqualTo("“empty.jsonl” is empty: there is nothing to read.");
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
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
        mvc.perform(get("/admin/imports")).andExpect(status().is3xxRedirection());
    }

    @Test
    void answersNotFoundForAnUnknownImport() throws Exception {
        mvc.perform(get("/admin/imports/987654321").with(ADMIN)).andExpect(status().isNotFound());
    }
}
