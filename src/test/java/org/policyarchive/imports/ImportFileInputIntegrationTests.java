package org.policyarchive.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.policyarchive.account.AccountRole;
import org.policyarchive.account.UserAccounts;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.ServerLog;
import org.policyarchive.testing.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The file an admin sends to the import page, over real HTTP: no file, a name too long for the archive to keep, a CSV
 * file as Excel saves it (with a byte-order mark, or in GB18030 on a Chinese Windows), and the same encodings on the
 * command line.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@CleanArchive
@ExtendWith(OutputCaptureExtension.class)
class ImportFileInputIntegrationTests {

    static final Charset GB18030 = Charset.forName("GB18030");

    static final String CSV = "title,kind,language,date,themes,body\r\n"
            + "国务院常务会议,statement,zh-Hans,2024-03-01,数字经济,会议研究部署加快发展数字经济。\r\n";

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    ImportJobService imports;

    @Autowired
    ImportCommand command;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @Test
    void anImportWithoutAFileAsksForOne(CapturedOutput output) {
        WebClient web = WebClient.signedIn(port, accounts, AccountRole.ADMIN);
        web.get("/admin/imports");
        ServerLog log = ServerLog.from(output);

        HttpResponse<String> withoutFilePart = web.postFile("/admin/imports", null, null, null, Map.of("x", "y"));
        HttpResponse<String> notMultipart = web.postFieldsWithToken("/admin/imports", Map.of("file", "records.csv"));

        for (HttpResponse<String> response : List.of(withoutFilePart, notMultipart)) {
            assertThat(WebClient.mainText(response, 400)).contains("No file was sent. Choose a file and try again.");
        }
        assertThat(jobs()).isZero();
        log.assertNoErrorsOrStackTraces();
    }

    @Test
    void aFileNameLongerThanTheArchiveKeepsIsRefused(CapturedOutput output) {
        WebClient web = WebClient.signedIn(port, accounts, AccountRole.ADMIN);
        web.get("/admin/imports");
        ServerLog log = ServerLog.from(output);

        HttpResponse<String> response = web.postFile(
                "/admin/imports", "file", "r".repeat(297) + ".csv", CSV.getBytes(StandardCharsets.UTF_8), Map.of());

        assertThat(WebClient.mainText(response, 400))
                .contains("is longer than 300 characters. Rename the file and try again.");
        assertThat(jobs()).isZero();
        log.assertNoErrorsOrStackTraces();
    }

    @Test
    void aFileNameOfThreeHundredCharactersIsKept() {
        WebClient web = WebClient.signedIn(port, accounts, AccountRole.ADMIN);
        web.get("/admin/imports");
        String name = "r".repeat(296) + ".csv";

        long job = startedJob(web.postFile("/admin/imports", "file", name, utf8WithByteOrderMark(CSV), Map.of()));

        assertThat(finished(job).fileName()).isEqualTo(name);
    }

    /** Excel saves "CSV UTF-8" with a byte-order mark before the header, which is not part of the first column's name. */
    @Test
    void importsACsvFileWithAByteOrderMark() {
        WebClient web = WebClient.signedIn(port, accounts, AccountRole.ADMIN);
        web.get("/admin/imports");

        long job =
                startedJob(web.postFile("/admin/imports", "file", "excel.csv", utf8WithByteOrderMark(CSV), Map.of()));

        ImportJobView finished = finished(job);
        assertThat(finished.linesRejected()).isZero();
        assertThat(finished.recordsImported()).isOne();
        assertThat(titles()).contains("国务院常务会议");
    }

    /** A Chinese Windows saves CSV in GB18030; read as UTF-8, its Chinese is not text. */
    @Test
    void importsAGb18030CsvFileWhenTheAdminSaysItIsOne() {
        WebClient web = WebClient.signedIn(port, accounts, AccountRole.ADMIN);
        assertThat(WebClient.page(web.get("/admin/imports"))
                        .select("select[name=encoding] option")
                        .eachText())
                .containsExactly("UTF-8", "GB18030 (Simplified Chinese)");

        ImportJobView asUtf8 = finished(
                startedJob(web.postFile("/admin/imports", "file", "windows.csv", CSV.getBytes(GB18030), Map.of())));
        ImportJobView asGb18030 = finished(startedJob(web.postFile(
                "/admin/imports", "file", "windows.csv", CSV.getBytes(GB18030), Map.of("encoding", "GB18030"))));

        assertThat(asUtf8.recordsImported()).isZero();
        assertThat(asUtf8.linesRejected()).isOne();
        assertThat(asGb18030.linesRejected()).isZero();
        assertThat(asGb18030.recordsImported()).isOne();
        assertThat(titles()).contains("国务院常务会议");
        assertThat(themes()).contains("数字经济");
    }

    @Test
    void theCommandLineReadsTheEncodingItIsTold() throws Exception {
        Path file = Files.write(dir.resolve("windows.csv"), CSV.getBytes(GB18030));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int exitCode = command.runImport(file, "gb18030", new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(exitCode).isZero();
        assertThat(titles()).contains("国务院常务会议");
        assertThat(jdbc.sql("select file_name from import_job")
                        .query(String.class)
                        .single())
                .isEqualTo("windows.csv");
        assertThat(Files.readAllBytes(file)).isEqualTo(CSV.getBytes(GB18030));
    }

    @Test
    void theCommandLineRefusesAnEncodingItDoesNotRead() throws Exception {
        Path file = Files.writeString(dir.resolve("records.csv"), CSV);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int exitCode = command.runImport(file, "EBCDIC", new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(exitCode).isOne();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("unknown encoding EBCDIC (use UTF-8 or GB18030)");
        assertThat(jobs()).isZero();
    }

    private static byte[] utf8WithByteOrderMark(String text) {
        return ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
    }

    private static long startedJob(HttpResponse<String> response) {
        String job = WebClient.location(response);
        return Long.parseLong(job.substring(job.lastIndexOf('/') + 1));
    }

    private ImportJobView finished(long id) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> imports.find(id).orElseThrow().finished());
        return imports.find(id).orElseThrow();
    }

    private long jobs() {
        return jdbc.sql("select count(*) from import_job").query(Long.class).single();
    }

    private List<String> titles() {
        return jdbc.sql("select title from record").query(String.class).list();
    }

    private List<String> themes() {
        return jdbc.sql("select name from theme").query(String.class).list();
    }
}
