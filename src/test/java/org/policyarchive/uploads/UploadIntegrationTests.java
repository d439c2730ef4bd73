package org.policyarchive.uploads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.Test;
import org.policyarchive.record.RecordDraft;
import org.policyarchive.record.RecordKind;
import org.policyarchive.record.RecordStatus;
import org.policyarchive.record.Role;
import org.policyarchive.system.DatePrecision;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.Pages;
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
@CleanArchive
class UploadIntegrationTests {

    static final RequestPostProcessor EDITOR = user("editor-uploader").roles("EDITOR");
    static final RequestPostProcessor ADMIN = user("admin-uploader").roles("ADMIN");

    /** The seed's themes whose names the seed's text holds, in the vocabulary's order. */
    static final String[] THEMES_OF_THE_SEED_TEXT = {
        "Digital economy",
        "Integration of digital technology and the real economy",
        "Digital industry clusters",
        "Digital infrastructure",
        "Talent"
    };

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
        RecordDraft draft = uploads.upload("state-council-study-session-2023-08-21.txt", TestFiles.seed(), "editor")
                .draft();

        assertThat(draft.title())
                .isEqualTo("Chinese Premier Li Keqiang Chairs State Council Special Study on Accelerating Digital"
                        + " Economy Development");
        // the archive holds the seed's people alone: each is found, with the part the text gives them
        assertThat(draft.people())
                .extracting(RecordDraft.PersonRow::name, RecordDraft.PersonRow::role)
                .containsExactly(
                        Tuple.tuple("Li Keqiang", Role.PRESIDED),
                        Tuple.tuple("Chen Chun", Role.LECTURED),
                        Tuple.tuple("Ding Xuexiang", Role.PARTICIPATED),
                        Tuple.tuple("Zhang Guoqing", Role.PARTICIPATED),
                        Tuple.tuple("Liu Guozhong", Role.PARTICIPATED),
                        Tuple.tuple("Xi Jinping", Role.MENTIONED));
        assertThat(draft.people())
                .allSatisfy(person -> assertThat(person.personId()).isNotNull());
        assertThat(draft.date()).isEqualTo("2023-08-21");
        assertThat(draft.datePrecision()).isEqualTo(DatePrecision.DAY);
        assertThat(draft.kind()).isEqualTo(RecordKind.STUDY_SESSION);
        assertThat(draft.language()).isEqualTo("en");
        assertThat(draft.place()).isEqualTo("Beijing");
        assertThat(draft.status()).isEqualTo(RecordStatus.DRAFT);
        assertThat(draft.themes()).extracting(RecordDraft.ThemeRef::name).containsExactly(THEMES_OF_THE_SEED_TEXT);
        assertThat(draft.themes())
                .allSatisfy(theme -> assertThat(theme.themeId()).isNotNull());
        assertThat(draft.body().split("\n\n")).hasSize(4);
    }

    @Test
    void readsChineseDatesPeopleAndRoles() {
        String text =
                "国务院举行专题学习\n\n2023年8月21日下午，国务院总理李强主持学习会，中国工程院院士陈纯作讲座。" + "国务院副总理丁薛祥、张国清、刘国中参加学习交流。\n\n会议强调，要大力发展数字经济。";

        RecordDraft draft = uploads.upload("study.txt", text.getBytes(StandardCharsets.UTF_8), "editor")
                .draft();

        assertThat(draft.title()).isEqualTo("国务院举行专题学习");
        assertThat(draft.date()).isEqualTo("2023-08-21");
        assertThat(draft.kind()).isEqualTo(RecordKind.STUDY_SESSION);
        assertThat(draft.language()).isEqualTo("zh-Hans");
        assertThat(draft.people())
                .extracting(RecordDraft.PersonRow::name, RecordDraft.PersonRow::role)
                .containsExactly(
                        Tuple.tuple("李强", Role.PRESIDED),
                        Tuple.tuple("Chen Chun", Role.LECTURED),
                        Tuple.tuple("Ding Xuexiang", Role.PARTICIPATED),
                        Tuple.tuple("Zhang Guoqing", Role.PARTICIPATED),
                        Tuple.tuple("Liu Guozhong", Role.PARTICIPATED));
        assertThat(draft.themes()).extracting(RecordDraft.ThemeRef::name).containsExactly("Digital economy");
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
                .containsExactly(
                        "Li Keqiang: PRESIDED (known)",
                        "Chen Chun: LECTURED (known)",
                        "Ding Xuexiang: PARTICIPATED (known)",
                        "Zhang Guoqing: PARTICIPATED (known)",
                        "Liu Guozhong: PARTICIPATED (known)",
                        "Xi Jinping: MENTIONED (known)");
        assertThat(form.select("input[name=themeIds][checked]"))
                .extracting(
                        input -> form.select("label[for=" + input.id() + "]").text())
                .containsExactly(THEMES_OF_THE_SEED_TEXT);
        assertThat(form.select("main form[method=post]").attr("action")).isEqualTo(location);
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
        MockHttpSession session = new MockHttpSession();
        String location =
                upload("linked.txt", "Linked upload\n\nOne paragraph.".getBytes(StandardCharsets.UTF_8), session);
        long fileId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        FormElement form = Pages.mainForm(open(location, session));
        assertThat(form.attr("action")).isEqualTo(location);
        var request = Pages.submit(form, Map.of("kind", "SPEECH", "action", "save"))
                .with(EDITOR)
                .with(csrf())
                .session(session);

        String saved = mvc.perform(request)
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();

        assertThat(saved).matches("/admin/records/\\d+/edit");
        long recordId = Long.parseLong(saved.replaceAll("\\D+", " ").strip());
        assertThat(jdbc.sql("select id, record_id from original_file")
                        .query((rs, n) -> Tuple.tuple(rs.getLong(1), rs.getLong(2)))
                        .list())
                .containsExactly(Tuple.tuple(fileId, recordId));
        assertThat(jdbc.sql("select title, slug, status from record where id = ?")
                        .param(recordId)
                        .query((rs, n) -> Tuple.tuple(rs.getString(1), rs.getString(2), rs.getString(3)))
                        .single())
                .isEqualTo(Tuple.tuple("Linked upload", "linked-upload", "DRAFT"));
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
        assertThat(json.select("input[name=title]").val()).isEqualTo("One record");
        assertThat(json.select("input[name=date]").val()).isEqualTo("1999");
        // an interchange date is kept as written: its precision follows from it
        assertThat(json.select("select[name=datePrecision] option[selected]").val())
                .isEmpty();
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
        Document page = org.jsoup.Jsoup.parse(html);
        assertThat(page.select("input[name=title]").val()).isEqualTo("<script>alert('title')</script>");
        assertThat(page.select("textarea[name=body]").val()).isEqualTo("<img src=x onerror=alert(1)> said Jane Roe.");
    }

    @Test
    void rejectsBadFilesWithAClearMessageAndStoresNothing() throws Exception {
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
                "“broken.json” is not one interchange record: The line is not valid JSON: ");
        assertRejected(
                "list.json",
                "[1, 2]".getBytes(StandardCharsets.UTF_8),
                HttpStatus.BAD_REQUEST,
                "“list.json” is not one interchange record: The line is not a JSON object: each line must be one"
                        + " record in braces.");
        assertRejected(
                "bomb.docx",
                TestFiles.zipBomb(TestFiles.docx("bomb", List.of("x")), 30 * 1024 * 1024),
                HttpStatus.BAD_REQUEST,
                "zip bomb");
        assertRejected("large.txt", new byte[21 * 1024 * 1024], HttpStatus.CONTENT_TOO_LARGE, "the limit is 20 MB");

        assertThat(storedFiles()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_event")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void fixityCheckReportsATamperedFile() throws Exception {
        long id = uploads.upload("fixity.txt", "Bytes to keep.".getBytes(StandardCharsets.UTF_8), "editor")
                .fileId();
        uploads.upload("untouched.txt", "Other bytes.".getBytes(StandardCharsets.UTF_8), "editor");
        assertThat(fixity.run("test").mismatches()).isEmpty();

        jdbc.sql("update original_file set content = set_byte(content, 0, 88) where id = ?")
                .param(id)
                .update();
        mvc.perform(post("/admin/fixity").with(ADMIN).with(csrf())).andExpect(status().is3xxRedirection());
        Document page = Pages.load(mvc, get("/admin/fixity").with(ADMIN), 200);

        assertThat(page.select("tbody tr").eachAttr("data-file-id")).containsExactly(String.valueOf(id));
        assertThat(page.select("tr[data-file-id=" + id + "]").text())
                .startsWith("fixity.txt")
                .contains(OriginalFiles.sha256("Bytes to keep.".getBytes(StandardCharsets.UTF_8)))
                .contains(OriginalFiles.sha256("Xytes to keep.".getBytes(StandardCharsets.UTF_8)));
        assertThat(page.select("[data-field=summary]").text())
                .isEqualTo("2 files checked, 1 mismatches (run by admin-uploader).");
        assertThat(page.select("[data-field=finished]").text())
                .startsWith("Finished ")
                .endsWith(" UTC");
        assertThat(page.select("[data-field=finished] time").attr("datetime")).endsWith("Z");
    }

    @Test
    void warnsThatTheArchiveHasTheUploadedTextAlreadyAndLinksToIt() throws Exception {
        long seedId = jdbc.sql("select id from record order by id limit 1")
                .query(Long.class)
                .single();
        String seedTitle = jdbc.sql("select title from record where id = ?")
                .param(seedId)
                .query(String.class)
                .single();
        Document form = uploadAndOpen("state-council-study-session-2023-08-21.txt", TestFiles.seed());

        assertThat(form.select("[data-field=duplicate]").text()).startsWith("The archive already has");
        assertThat(form.select("[data-field=duplicate] a").attr("href"))
                .isEqualTo("/admin/records/" + seedId + "/edit");
        assertThat(form.select("[data-field=duplicate] a").text()).isEqualTo(seedTitle);

        Document other = uploadAndOpen(
                "other.txt",
                "Another text\n\nA text the archive has never seen, about the harbours of the northern coast and their tides."
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(other.select("[data-field=duplicate]")).isEmpty();
    }

    @Test
    void answersNotFoundForAnUnknownUpload() throws Exception {
        assertThat(Pages.load(mvc, get("/admin/uploads/987654321").with(EDITOR), 404)
                        .select("main")
                        .text())
                .contains("There is no stored file number 987654321.");
        assertThat(Pages.load(mvc, get("/admin/files/987654321").with(EDITOR), 404)
                        .select("main")
                        .text())
                .contains("There is no stored file number 987654321.");
    }

    @Test
    void onlyAdminsRunTheFixityCheck() throws Exception {
        mvc.perform(post("/admin/fixity").with(EDITOR).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/admin/fixity").with(EDITOR)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/uploads")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/uploads").with(EDITOR)).andExpect(status().isOk());
    }

    private Document rejected(String fileName, byte[] content, HttpStatus expected) throws Exception {
        return Pages.load(
                mvc,
                multipart("/admin/uploads")
                        .file(new MockMultipartFile("file", fileName, "application/octet-stream", content))
                        .with(EDITOR)
                        .with(csrf()),
                expected.value());
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
        return Pages.load(mvc, get(location).with(EDITOR).session(session), 200);
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
