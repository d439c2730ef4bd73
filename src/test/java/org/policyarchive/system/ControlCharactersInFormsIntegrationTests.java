package org.policyarchive.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
 * A NUL (which PostgreSQL refuses) or another control character in any admin form, posted over real HTTP: the form
 * comes back with what was typed and the field's error, or the page says what was wrong, and nothing is saved or
 * logged as an error.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@CleanArchive
@ExtendWith(OutputCaptureExtension.class)
class ControlCharactersInFormsIntegrationTests {

    static final String CONTROL_CHARACTER_ERROR =
            "This field holds an invisible control character (such as NUL), which it cannot keep: remove it.";

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "\u0007", "\t"})
    void aPersonsNameKeepsNoControlCharacter(String control, CapturedOutput output) {
        WebClient web = WebClient.signedIn(port, accounts, AccountRole.EDITOR);
        long id = jdbc.sql("select id from person where name = 'Li Keqiang'")
                .query(Long.class)
                .single();
        long version = personVersion(id);
        ServerLog log = ServerLog.from(output);

        HttpResponse<String> response = web.submit(
                "/admin/people/" + id + "/edit",
                Map.of("name", "Li" + control + "Keqiang", "description", "Premier\n\tof the State Council"));

        Document page = formWithErrors(response);
        assertThat(page.select("#name-error").text()).isEqualTo(CONTROL_CHARACTER_ERROR);
        assertThat(page.select("#description-error")).isEmpty();
        assertThat(page.select("#name").val()).endsWith("Keqiang");
        assertThat(page.select("#description").text()).contains("of the State Council");
        assertThat(personVersion(id)).isEqualTo(version);
        log.assertNoErrorsOrStackTraces();
    }

    @Test
    void aPersonsAliasesMayBeOnSeveralLinesButHoldNoOtherControlCharacter(CapturedOutput output) {
        WebClient web = WebClient.signedIn(port, accounts, AccountRole.EDITOR);
        long id = jdbc.sql("select id from person where name = 'Li Keqiang'")
                .query(Long.class)
                .single();
        ServerLog log = ServerLog.from(output);

        HttpResponse<String> response = web.submit(
                "/admin/people/" + id + "/edit",
                Map.of("aliases", "李克强\r\nPremier Li\u0000", "offices[0].title", "Premier\u001b"));

        Document page = formWithErrors(response);
        assertThat(page.select("#aliases-error").text()).isEqualTo(CONTROL_CHARACTER_ERROR);
        assertThat(page.select("#aliases").text()).contains("李克强");
        log.assertNoErrorsOrStackTraces();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/admin/themes/new", "/admin/themes/{theme}/edit"})
    void aThemesNameKeepsNoControlCharacter(String path, CapturedOutput output) {
        WebClient web = WebClient.signedIn(port, accounts, AccountRole.EDITOR);
        long themes = count("theme");
        long theme = jdbc.sql("select min(id) from theme").query(Long.class).single();
        ServerLog log = ServerLog.from(output);

        HttpResponse<String> response = web.submit(
                path.replace("{theme}", String.valueOf(theme)),
                Map.of("name", "Data\u0000economy", "nameZh", "数据\u0007经济"));

        Document page = formWithErrors(response);
        assertThat(page.select("#name-error").text()).isEqualTo(CONTROL_CHARACTER_ERROR);
        assertThat(page.select("#nameZh-error").text()).isEqualTo(CONTROL_CHARACTER_ERROR);
        assertThat(page.select("#name").val()).endsWith("economy");
        assertThat(count("theme")).isEqualTo(themes);
        assertThat(jdbc.sql("select count(*) from theme where name like 'Data%economy'")
                        .query(Long.class)
                        .single())
                .isZero();
        log.assertNoErrorsOrStackTraces();
    }

    @Test
    void aNewUsersPasswordKeepsNoControlCharacter(CapturedOutput output) {
        WebClient web = WebClient.signedIn(port, accounts, AccountRole.ADMIN);
        String username = "control-" + UUID.randomUUID().toString().substring(0, 8);
        ServerLog log = ServerLog.from(output);

        HttpResponse<String> response = web.submit(
                "/admin/users/new",
                Map.of("username", username, "role", "EDITOR", "password", "correct horse\u0000battery staple"));

        Document page = formWithErrors(response);
        assertThat(page.select("#password-error").text()).isEqualTo(CONTROL_CHARACTER_ERROR);
        assertThat(page.select("#username").val()).isEqualTo(username);
        assertThat(accounts.findByUsername(username)).isEmpty();
        log.assertNoErrorsOrStackTraces();
    }

    @Test
    void aResetPasswordKeepsNoControlCharacter(CapturedOutput output) {
        WebClient web = WebClient.signedIn(port, accounts, AccountRole.ADMIN);
        String username = "reset-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createUser(username, "correct horse battery staple", AccountRole.EDITOR);
        ServerLog log = ServerLog.from(output);

        HttpResponse<String> response = web.submit(
                "/admin/users/" + username + "/password", Map.of("password", "another horse\u0000battery staple"));

        assertThat(formWithErrors(response).select("#password-error").text()).isEqualTo(CONTROL_CHARACTER_ERROR);
        assertThat(accounts.passwordMatches(username, "correct horse battery staple"))
                .isTrue();
        log.assertNoErrorsOrStackTraces();
    }

    @Test
    void onesOwnNewPasswordKeepsNoControlCharacter(CapturedOutput output) {
        String username = "own-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "correct horse battery staple";
        accounts.createUser(username, password, AccountRole.EDITOR);
        WebClient web = WebClient.signedIn(port, username, password);
        ServerLog log = ServerLog.from(output);

        HttpResponse<String> response = web.submit(
                "/account/password",
                Map.of(
                        "currentPassword",
                        password,
                        "newPassword",
                        "new horse\u0000battery staple",
                        "confirmation",
                        "new horse\u0000battery staple"));

        assertThat(formWithErrors(response).select("#newPassword-error").text()).isEqualTo(CONTROL_CHARACTER_ERROR);
        assertThat(accounts.passwordMatches(username, password)).isTrue();
        log.assertNoErrorsOrStackTraces();
    }

    @Test
    void anAuditFilterKeepsNoControlCharacter(CapturedOutput output) {
        WebClient web = WebClient.signedIn(port, accounts, AccountRole.ADMIN);
        ServerLog log = ServerLog.from(output);

        HttpResponse<String> response = web.get("/admin/audit?user=ad%07min&action=x");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(WebClient.page(response).select("#user-error").text()).isEqualTo(CONTROL_CHARACTER_ERROR);
        assertThat(WebClient.page(response).select("#action").val()).isEqualTo("x");
        log.assertNoErrorsOrStackTraces();
    }

    @Test
    void aRecordsTitleAndTheCommentOnItsChangeKeepNoControlCharacter(CapturedOutput output) {
        WebClient web = WebClient.signedIn(port, accounts, AccountRole.EDITOR);
        long records = count("record");
        ServerLog log = ServerLog.from(output);

        HttpResponse<String> response = web.submit(
                "/admin/records/new",
                Map.of(
                        "title", "Bell\u0007 speech",
                        "kind", "SPEECH",
                        "language", "en",
                        "body", "First.\n\n\tSecond.",
                        "comment", "typed\u0000"));

        Document page = formWithErrors(response);
        assertThat(page.select("#title-error").text())
                .isEqualTo("This field holds an invisible control character (such as NUL), which it cannot keep:"
                        + " remove it.");
        assertThat(page.select("#comment-error").text())
                .isEqualTo("This field holds a NUL character, which no text can keep.");
        assertThat(page.select("#body-error")).isEmpty();
        assertThat(page.select("#body").text()).contains("Second.");
        assertThat(count("record")).isEqualTo(records);
        log.assertNoErrorsOrStackTraces();
    }

    @Test
    void theCommentOnARecordSavedFromAnUploadKeepsNoControlCharacter(CapturedOutput output) {
        WebClient web = WebClient.signedIn(port, accounts, AccountRole.EDITOR);
        web.get("/admin/uploads");
        HttpResponse<String> uploaded = web.postFile(
                "/admin/uploads",
                "file",
                "speech.txt",
                "A speech\n\nIts only paragraph.".getBytes(StandardCharsets.UTF_8),
                Map.of());
        String review = WebClient.location(uploaded);
        long records = count("record");
        ServerLog log = ServerLog.from(output);

        HttpResponse<String> response = web.submit(review, Map.of("comment", "from the upload\u0000"));

        Document page = formWithErrors(response);
        assertThat(page.select("#comment-error").text())
                .isEqualTo("This field holds a NUL character, which no text can keep.");
        assertThat(page.select("#title").val()).isEqualTo("A speech");
        assertThat(count("record")).isEqualTo(records);
        log.assertNoErrorsOrStackTraces();
    }

    /** Tomcat itself refuses a file name with a NUL in it; the archive refuses every other control character. */
    @ParameterizedTest
    @ValueSource(strings = {"/admin/uploads", "/admin/imports"})
    void aFileNameKeepsNoControlCharacter(String form, CapturedOutput output) {
        WebClient web = WebClient.signedIn(port, accounts, AccountRole.ADMIN);
        web.get(form);
        String extension = form.endsWith("uploads") ? ".txt" : ".jsonl";
        byte[] content = "{\"title\": \"A speech\"}\n".getBytes(StandardCharsets.UTF_8);
        ServerLog log = ServerLog.from(output);

        HttpResponse<String> nul = web.postFile(form, "file", "speech\u0000" + extension, content, Map.of());
        HttpResponse<String> bell = web.postFile(form, "file", "speech\u0007" + extension, content, Map.of());

        assertThat(WebClient.mainText(nul, 400))
                .contains("The name of the file sent holds a character that no file name can hold (such as NUL).");
        assertThat(WebClient.mainText(bell, 400))
                .contains("The file name “speech␇" + extension + "” holds a control character");
        assertThat(count("original_file") + count("import_job")).isZero();
        log.assertNoErrorsOrStackTraces();
    }

    /** The sign-in form's user name is looked up before any form could check it. */
    @Test
    void aSignInWithANulIsRefused(CapturedOutput output) {
        ServerLog log = ServerLog.from(output);

        HttpResponse<String> response = new WebClient(port).signIn("ad\u0000min", "x");

        assertThat(response.statusCode()).isIn(302, 400);
        if (response.statusCode() == 400) {
            assertThat(WebClient.mainText(response, 400)).contains("holds a NUL character");
        } else {
            assertThat(response.headers().firstValue("Location"))
                    .get()
                    .asString()
                    .contains("/login?error");
        }
        log.assertNoErrorsOrStackTraces();
    }

    /** The form again, with its errors. */
    private static Document formWithErrors(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("status of the form with errors").isEqualTo(200);
        Document page = WebClient.page(response);
        assertThat(page.select("form .error")).as("the form's errors").isNotEmpty();
        return page;
    }

    private long personVersion(long id) {
        return jdbc.sql("select version from person where id = ?")
                .param(id)
                .query(Long.class)
                .single();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
