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
import org.springframework.mock.web.MockHttpSession;
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
    void editorUploadsTheSeedAndGetsTheRecordFormPrefilled() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String location = upload("state-council-study-session-2023-08-21.txt", TestFiles.seed(), session);
        Document form = open(location, session);

        assertThat(form.select("input[name=title]").val()).startsWith("Chinese Premier Li Keqiang Chairs");
        assertThat(form.select("input[name=date]").val()).isEqualTo("2023-08-21");
        assertThat(form.select("select[name=kind] option[selected]").val()).isEqualTo("STUDY_SESSION");
        assertThat(form.select("input[name=place]").val()).isEqualTo("Beijing");
        assertThat(people(form))
                .contains(
                        "Li Keqiang: PRESIDED (known)",
                        "Chen Chun: LECTURED (known)",
                        "Ding Xuexiang: PARTICIPATED (known)",
                        "Zhang Guoqing: PARTICIPATED (known)",
                        "Liu Guozhong: PARTICIPATED (known)");
        assertThat(form.select("input[name=themeIds][checked]")).isNotEmpty();
        assertThat(form.select("textarea[name=body]").val()).startsWith("Beijing, China – On the afternoon");
        assertThat(form.select("[role=status]").text()).contains("filled in from the uploaded file");

        String download = "/admin/files/" + location.substring(location.lastIndexOf('/') + 1);
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
    void linksTheOriginalToTheRecordSavedFromIt() throws Exception {
        String run = java.util.UUID.randomUUID().toString().substring(0, 8);
        MockHttpSession session = new MockHttpSession();
        String location = upload(
                "linked.txt",
                ("Linked upload " + run + "\n\nOne paragraph.").getBytes(StandardCharsets.UTF_8),
                session);
        long fileId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        org.jsoup.nodes.FormElement form = (org.jsoup.nodes.FormElement)
                open(location, session).select("main form[method=post]").first();
        var request = post("/admin/records/new").with(EDITOR).with(csrf()).session(session);
        form.formData().stream()
                .filter(field -> !field.key().equals("_csrf") && !field.key().equals("kind"))
                .forEach(field -> request.param(field.key(), field.value()));
        request.param("kind", "SPEECH").param("action", "save");

        String saved = mvc.perform(request)
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();

        long recordId = Long.parseLong(saved.replaceAll("\\D+", " ").strip());
        assertThat(jdbc.sql("select record_id from original_file where id = ?")
                        .param(fileId)
                        .query(Long.class)
                        .single())
                .isEqualTo(recordId);
        assertThat(jdbc.sql("select title from record where id = ?")
                        .param(recordId)
                        .query(String.class)
                        .single())
                .isEqualTo("Linked upload " + run);
    }

    @Test
    void uploadsDocxPdfHtmlAndJson() throws Exception {
        Document docx = uploadAndOpen(
                "session.docx",
                TestFiles.docx(
                        "Study session on talent", List.of("On 21 August 2023, Premier Li Keqiang presided over it.")));
        assertThat(docx.select("input[name=title]").val()).isEqualTo("Study session on talent");
        assertThat(people(docx)).containsExactly("Li Keqiang: PRESIDED (known)");

        Document pdf = uploadAndOpen(
                "report.pdf",
                TestFiles.pdf("A PDF report", List.of("Chen Chun delivered a lecture on March 3, 2021.")));
        assertThat(pdf.select("input[name=title]").val()).isEqualTo("A PDF report");
        assertThat(pdf.select("input[name=date]").val()).isEqualTo("2021-03-03");
        assertThat(people(pdf)).containsExactly("Chen Chun: LECTURED (known)");

        Document html = uploadAndOpen(
                "page.html",
                "<html><head><title>Web page</title></head><body><p>Jane Roe presided over the meeting.</p></body></html>"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(html.select("input[name=title]").val()).isEqualTo("Web page");
        assertThat(people(html)).containsExactly("Jane Roe: PRESIDED (new)");

        Document json = uploadAndOpen(
                "record.json",
                ("{\"title\": \"One record\", \"kind\": \"speech\", \"language\": \"en\", \"date\": \"1999\","
                                + " \"body\": \"Text.\", \"speakers\": [{\"name\": \"Chen Chun\", \"role\": \"speaker\"}]}")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(json.select("select[name=kind] option[selected]").val()).isEqualTo("SPEECH");
        assertThat(json.select("input[name=date]").val()).isEqualTo("1999");
        assertThat(json.select("select[name=datePrecision] option[selected]").val())
                .isEqualTo("YEAR");
        assertThat(people(json)).containsExactly("Chen Chun: SPOKE (known)");
    }

    @Test
    void showsMarkupInTheTextAsTextNeverAsMarkup() throws Exception {
        String text = "<script>alert('title')</script>\n\n<img src=x onerror=alert(1)> said Jane Roe.";
        MockHttpSession session = new MockHttpSession();
        String location = upload("markup.txt", text.getBytes(StandardCharsets.UTF_8), session);
        String html = mvc.perform(get(location).with(EDITOR).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(html).doesNotContain("<script>alert").doesNotContain("<img src=x");
        Document page = Jsoup.parse(html);
        assertThat(page.select("input[name=title]").val()).isEqualTo("<script>alert('title')</script>");
        assertThat(page.select("textarea[name=body]").val()).isEqualTo("<img src=x onerror=alert(1)> said Jane Roe.");
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
        assertRejected("large.txt", new byte[21 * 1024 * 1024], HttpStatus.CONTENT_TOO_LARGE, "the limit is 20 MB");

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

    private Document rejected(String fileName, byte[] content, HttpStatus expected) throws Exception {
        return Jsoup.parse(mvc.perform(multipart("/admin/uploads")
                        .file(new MockMultipartFile("file", fileName, "application/octet-stream", content))
                        .with(EDITOR)
                        .with(csrf()))
                .andExpect(status().is(expected.value()))
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    /** Uploads a file and returns where the upload redirects: its prefilled record form. */
    private String upload(String fileName, byte[] content, MockHttpSession session) throws Exception {
        String location = mvc.perform(multipart("/admin/uploads")
                        .file(new MockMultipartFile("file", fileName, "application/octet-stream", content))
                        .with(EDITOR)
                        .with(csrf())
                        .session(session))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).matches("/admin/uploads/\\d+");
        return location;
    }

    private Document open(String location, MockHttpSession session) throws Exception {
        return Jsoup.parse(mvc.perform(get(location).with(EDITOR).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    private Document uploadAndOpen(String fileName, byte[] content) throws Exception {
        MockHttpSession session = new MockHttpSession();
        return open(upload(fileName, content, session), session);
    }

    /** The people rows of a record form: "name: ROLE (known)" or "(new)". */
    private static List<String> people(Document form) {
        List<String> rows = new java.util.ArrayList<>();
        for (int i = 0; !form.select("input[name=\"people[" + i + "].name\"]").isEmpty(); i++) {
            String name = form.select("input[name=\"people[" + i + "].name\"]").val();
            String role = form.select("select[name=\"people[" + i + "].role\"] option[selected]")
                    .val();
            boolean known = !form.select("input[name=\"people[" + i + "].personId\"]")
                    .val()
                    .isEmpty();
            rows.add(name + ": " + role + (known ? " (known)" : " (new)"));
        }
        return rows;
    }

    private void assertRejected(String fileName, byte[] content, HttpStatus status, String message) throws Exception {
        Document page = rejected(fileName, content, status);
        assertThat(page.select("[role=alert]").text()).contains(message);
    }

    private long storedFiles() {
        return jdbc.sql("select count(*) from original_file").query(Long.class).single();
    }
}
