package org.policyarchive.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.policyarchive.record.DatePrecision;
import org.policyarchive.record.RecordKind;
import org.policyarchive.record.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest
@AutoConfigureMockMvc
class UploadIntegrationTests {

    static final RequestPostProcessor EDITOR = user("editor-uploader").roles("EDITOR");
    static final RequestPostProcessor ADMIN = user("admin-uploader").roles("ADMIN");

    @Autowired
    MockMvc mvc;

    @Autowired
    UploadService uploads;

    @Autowired
    FixityCheck fixity;

    @Autowired
    JdbcClient jdbc;

    @Test
    void prefillsTheSeedsPeopleWithTheirRoles() {
        UploadDraft draft = uploads.upload("state-council-study-session-2023-08-21.txt", TestFiles.seed(), "editor")
                .draft();

        assertThat(draft.title())
                .isEqualTo("Chinese Premier Li Keqiang Chairs State Council Special Study on Accelerating Digital"
                        + " Economy Development");
        assertThat(draft.people())
                .extracting(UploadDraft.ProposedPerson::name, UploadDraft.ProposedPerson::role)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("Li Keqiang", Role.PRESIDED),
                        org.assertj.core.groups.Tuple.tuple("Chen Chun", Role.LECTURED),
                        org.assertj.core.groups.Tuple.tuple("Ding Xuexiang", Role.PARTICIPATED),
                        org.assertj.core.groups.Tuple.tuple("Zhang Guoqing", Role.PARTICIPATED),
                        org.assertj.core.groups.Tuple.tuple("Liu Guozhong", Role.PARTICIPATED),
                        org.assertj.core.groups.Tuple.tuple("Xi Jinping", Role.MENTIONED));
        assertThat(draft.people())
                .allSatisfy(person -> assertThat(person.personId()).isNotNull());
        assertThat(draft.date()).isEqualTo(LocalDate.of(2023, 8, 21));
        assertThat(draft.datePrecision()).isEqualTo(DatePrecision.DAY);
        assertThat(draft.kind()).isEqualTo(RecordKind.STUDY_SESSION);
        assertThat(draft.language()).isEqualTo("en");
        assertThat(draft.place()).isEqualTo("Beijing");
        assertThat(draft.themes())
                .extracting(UploadDraft.ProposedTheme::name)
                .contains("Digital economy", "Digital infrastructure", "Talent");
        assertThat(draft.body().split("\n\n")).hasSize(4);
    }

    @Test
    void readsChineseDatesPeopleAndRoles() {
        String text =
                "国务院举行专题学习\n\n2023年8月21日下午，国务院总理李强主持学习会，中国工程院院士陈纯作讲座。" + "国务院副总理丁薛祥、张国清、刘国中参加学习交流。\n\n会议强调，要大力发展数字经济。";

        UploadDraft draft = uploads.upload("study.txt", text.getBytes(StandardCharsets.UTF_8), "editor")
                .draft();

        assertThat(draft.title()).isEqualTo("国务院举行专题学习");
        assertThat(draft.date()).isEqualTo(LocalDate.of(2023, 8, 21));
        assertThat(draft.language()).isEqualTo("zh-Hans");
        assertThat(draft.people())
                .extracting(UploadDraft.ProposedPerson::name, UploadDraft.ProposedPerson::role)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("李强", Role.PRESIDED),
                        org.assertj.core.groups.Tuple.tuple("Chen Chun", Role.LECTURED),
                        org.assertj.core.groups.Tuple.tuple("Ding Xuexiang", Role.PARTICIPATED),
                        org.assertj.core.groups.Tuple.tuple("Zhang Guoqing", Role.PARTICIPATED),
                        org.assertj.core.groups.Tuple.tuple("Liu Guozhong", Role.PARTICIPATED));
        assertThat(draft.themes()).extracting(UploadDraft.ProposedTheme::name).contains("Digital economy");
    }

    @Test
    void editorUploadsTheSeedAndReviewsWhatItProposes() throws Exception {
        Document page = upload("state-council-study-session-2023-08-21.txt", TestFiles.seed(), HttpStatus.OK);

        assertThat(page.select("[data-field=title]").text()).startsWith("Chinese Premier Li Keqiang Chairs");
        assertThat(page.select("[data-field=date]").text()).isEqualTo("2023-08-21 (day)");
        assertThat(page.select("tr[data-person]").eachText())
                .contains(
                        "Li Keqiang Presided Known person",
                        "Chen Chun Lectured Known person",
                        "Ding Xuexiang Participated Known person");
        String download = page.select("a[href^=/admin/files/]").attr("href");

        mvc.perform(get(download).with(EDITOR))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/plain;charset=UTF-8"))
                .andExpect(header().string(
                                "Content-Disposition",
                                "attachment; filename=\"state-council-study-session-2023-08-21.txt\""))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(result ->
                        assertThat(result.getResponse().getContentAsByteArray()).isEqualTo(TestFiles.seed()));
    }

    @Test
    void uploadsDocxPdfHtmlAndJson() throws Exception {
        Document docx = upload(
                "session.docx",
                TestFiles.docx(
                        "Study session on talent", List.of("On 21 August 2023, Premier Li Keqiang presided over it.")),
                HttpStatus.OK);
        assertThat(docx.select("[data-field=title]").text()).isEqualTo("Study session on talent");
        assertThat(docx.select("tr[data-person]").eachText()).containsExactly("Li Keqiang Presided Known person");

        Document pdf = upload(
                "report.pdf",
                TestFiles.pdf("A PDF report", List.of("Chen Chun delivered a lecture on March 3, 2021.")),
                HttpStatus.OK);
        assertThat(pdf.select("[data-field=title]").text()).isEqualTo("A PDF report");
        assertThat(pdf.select("[data-field=date]").text()).isEqualTo("2021-03-03 (day)");
        assertThat(pdf.select("tr[data-person]").eachText()).containsExactly("Chen Chun Lectured Known person");

        Document html = upload(
                "page.html",
                "<html><head><title>Web page</title></head><body><p>Jane Roe presided over the meeting.</p></body></html>"
                        .getBytes(StandardCharsets.UTF_8),
                HttpStatus.OK);
        assertThat(html.select("tr[data-person]").eachText()).containsExactly("Jane Roe Presided New: will be created");

        Document json = upload(
                "record.json",
                ("{\"title\": \"One record\", \"kind\": \"speech\", \"language\": \"en\", \"date\": \"1999\","
                                + " \"body\": \"Text.\", \"speakers\": [{\"name\": \"Chen Chun\", \"role\": \"speaker\"}]}")
                        .getBytes(StandardCharsets.UTF_8),
                HttpStatus.OK);
        assertThat(json.select("[data-field=kind]").text()).isEqualTo("speech");
        assertThat(json.select("[data-field=date]").text()).isEqualTo("1999-01-01 (year only)");
        assertThat(json.select("tr[data-person]").eachText()).containsExactly("Chen Chun Spoke Known person");
    }

    @Test
    void showsMarkupInTheTextAsTextNeverAsMarkup() throws Exception {
        String text = "<script>alert('title')</script>\n\n<img src=x onerror=alert(1)> said Jane Roe.";
        String html = mvc.perform(multipart("/admin/uploads")
                        .file(new MockMultipartFile(
                                "file", "markup.txt", "text/plain", text.getBytes(StandardCharsets.UTF_8)))
                        .with(EDITOR)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(html).doesNotContain("<script>alert").doesNotContain("<img src=x");
        Document page = Jsoup.parse(html);
        assertThat(page.select("[data-field=title]").text()).isEqualTo("<script>alert('title')</script>");
        assertThat(page.select(".upload-body p").text()).isEqualTo("<img src=x onerror=alert(1)> said Jane Roe.");
    }

    @Test
    void rejectsBadFilesWithAClearMessageAndStoresNothing() throws Exception {
        long before = storedFiles();

        assertRejected(
                "sheet.xlsx",
                new byte[] {1, 2, 3},
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                ".txt, .md, .html, .docx, .pdf, .json");
        assertRejected("empty.txt", new byte[0], HttpStatus.BAD_REQUEST, "is empty");
        assertRejected(
                "disguised.pdf",
                "plain text".getBytes(StandardCharsets.UTF_8),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "does not contain what its extension says");
        assertRejected(
                "latin1.txt",
                "Caf\u00e9".getBytes(StandardCharsets.ISO_8859_1),
                HttpStatus.BAD_REQUEST,
                "not valid UTF-8");
        assertRejected(
                "broken.json",
                "{\"title\":".getBytes(StandardCharsets.UTF_8),
                HttpStatus.BAD_REQUEST,
                "is not one interchange record: invalid JSON");
        assertRejected(
                "bomb.docx",
                TestFiles.zipBomb(TestFiles.docx("bomb", List.of("x")), 30 * 1024 * 1024),
                HttpStatus.BAD_REQUEST,
                "zip bomb");
        assertRejected("large.txt", new byte[21 * 1024 * 1024], HttpStatus.PAYLOAD_TOO_LARGE, "the limit is 20 MB");

        assertThat(storedFiles()).isEqualTo(before);
    }

    @Test
    void fixityCheckReportsATamperedFile() throws Exception {
        long id = uploads.upload("fixity.txt", "Bytes to keep.".getBytes(StandardCharsets.UTF_8), "editor")
                .fileId();
        assertThat(fixity.run("test").mismatches()).noneMatch(m -> m.id() == id);

        jdbc.sql("update original_file set content = set_byte(content, 0, 88) where id = ?")
                .param(id)
                .update();
        try {
            mvc.perform(post("/admin/fixity").with(ADMIN).with(csrf())).andExpect(status().is3xxRedirection());
            Document page = Jsoup.parse(mvc.perform(get("/admin/fixity").with(ADMIN))
                    .andReturn()
                    .getResponse()
                    .getContentAsString());
            assertThat(page.select("tr[data-file-id=" + id + "]").text())
                    .startsWith("fixity.txt")
                    .contains(OriginalFiles.sha256("Bytes to keep.".getBytes(StandardCharsets.UTF_8)));
            assertThat(page.select("[data-field=summary]").text()).contains("mismatches");
        } finally {
            jdbc.sql("update original_file set content = ? where id = ?")
                    .params("Bytes to keep.".getBytes(StandardCharsets.UTF_8), id)
                    .update();
        }
        assertThat(fixity.run("test").mismatches()).noneMatch(m -> m.id() == id);
    }

    @Test
    void onlyAdminsRunTheFixityCheck() throws Exception {
        mvc.perform(post("/admin/fixity").with(EDITOR).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/admin/fixity").with(EDITOR)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/uploads")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/uploads").with(EDITOR)).andExpect(status().isOk());
    }

    private Document upload(String fileName, byte[] content, HttpStatus expected) throws Exception {
        return Jsoup.parse(mvc.perform(multipart("/admin/uploads")
                        .file(new MockMultipartFile("file", fileName, "application/octet-stream", content))
                        .with(EDITOR)
                        .with(csrf()))
                .andExpect(status().is(expected.value()))
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    private void assertRejected(String fileName, byte[] content, HttpStatus status, String message) throws Exception {
        Document page = upload(fileName, content, status);
        assertThat(page.select("[role=alert]").text()).contains(message);
    }

    private long storedFiles() {
        return jdbc.sql("select count(*) from original_file").query(Long.class).single();
    }
}
