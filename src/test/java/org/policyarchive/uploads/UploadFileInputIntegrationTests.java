package org.policyarchive.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
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
 * The file an editor sends to the upload page, over real HTTP: no file, a name too long for the archive to keep, and a
 * text file in GB18030, as a Chinese Windows saves it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@CleanArchive
@ExtendWith(OutputCaptureExtension.class)
class UploadFileInputIntegrationTests {

    static final Charset GB18030 = Charset.forName("GB18030");

    static final String TEXT = "国务院常务会议\n\n2024年3月1日，国务院总理李强主持召开国务院常务会议，研究加快发展数字经济。";

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anUploadWithoutAFileAsksForOne(CapturedOutput output) {
        WebClient web = WebClient.signedIn(port, accounts, AccountRole.EDITOR);
        web.get("/admin/uploads");
        ServerLog log = ServerLog.from(output);

        HttpResponse<String> withoutFilePart = web.postFile("/admin/uploads", null, null, null, Map.of("x", "y"));
        HttpResponse<String> notMultipart = web.postFieldsWithToken("/admin/uploads", Map.of("file", "speech.txt"));
        HttpResponse<String> noFileChosen = web.postFile("/admin/uploads", "file", "", new byte[0], Map.of());

        for (HttpResponse<String> response : List.of(withoutFilePart, notMultipart, noFileChosen)) {
            assertThat(WebClient.mainText(response, 400)).contains("No file was sent. Choose a file and try again.");
        }
        assertThat(originals()).isZero();
        log.assertNoErrorsOrStackTraces();
    }

    @Test
    void aFileNameLongerThanTheArchiveKeepsIsRefused(CapturedOutput output) {
        WebClient web = WebClient.signedIn(port, accounts, AccountRole.EDITOR);
        web.get("/admin/uploads");
        ServerLog log = ServerLog.from(output);

        HttpResponse<String> response = web.postFile(
                "/admin/uploads", "file", "长".repeat(297) + ".txt", TEXT.getBytes(StandardCharsets.UTF_8), Map.of());

        assertThat(WebClient.mainText(response, 400))
                .contains("is longer than 300 characters. Rename the file and try again.");
        assertThat(originals()).isZero();
        log.assertNoErrorsOrStackTraces();
    }

    @Test
    void readsAGb18030TextFileWhenTheEditorSaysItIsOne() {
        WebClient web = WebClient.signedIn(port, accounts, AccountRole.EDITOR);
        assertThat(WebClient.page(web.get("/admin/uploads"))
                        .select("select[name=encoding] option")
                        .eachText())
                .containsExactly("UTF-8", "GB18030 (Simplified Chinese)");

        HttpResponse<String> asUtf8 =
                web.postFile("/admin/uploads", "file", "会议.txt", TEXT.getBytes(GB18030), Map.of());
        HttpResponse<String> asGb18030 =
                web.postFile("/admin/uploads", "file", "会议.txt", TEXT.getBytes(GB18030), Map.of("encoding", "GB18030"));

        assertThat(WebClient.mainText(asUtf8, 400)).contains("“会议.txt” is not valid UTF-8 text.");
        String review = WebClient.location(asGb18030);
        assertThat(reviewed(web, review)).isEqualTo("国务院常务会议");
        assertThat(jdbc.sql("select media_type from original_file")
                        .query(String.class)
                        .single())
                .isEqualTo("text/plain; charset=GB18030");
        // in a session that did not upload it, the review reads the original again, in its encoding
        WebClient another = WebClient.signedIn(port, accounts, AccountRole.EDITOR);
        assertThat(reviewed(another, review)).isEqualTo("国务院常务会议");
    }

    private static String reviewed(WebClient web, String review) {
        HttpResponse<String> response = web.get(review);
        assertThat(response.statusCode()).isEqualTo(200);
        Document page = WebClient.page(response);
        assertThat(page.select("#body").text()).contains("研究加快发展数字经济");
        return page.select("#title").val();
    }

    private long originals() {
        return jdbc.sql("select count(*) from original_file").query(Long.class).single();
    }
}
