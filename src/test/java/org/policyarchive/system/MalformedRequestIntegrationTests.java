package org.policyarchive.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Requests that no page of the archive sends, over real HTTP, where the servlet container decodes them and logs what
 * escapes: each gets a 4xx page that says what was wrong, and the log gets no error and no stack trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@CleanArchive
@ExtendWith(OutputCaptureExtension.class)
class MalformedRequestIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest
    @ValueSource(strings = {"/records?q=%FF", "/search?q=caf%E9", "/admin/people?q=%C3%28"})
    void aQueryStringThatIsNotUtf8IsABadRequest(String pathAndQuery, CapturedOutput output) {
        WebClient web = WebClient.signedIn(port, accounts, AccountRole.ADMIN);
        ServerLog log = ServerLog.from(output);

        HttpResponse<String> response = web.get(pathAndQuery);

        assertThat(WebClient.mainText(response, 400))
                .contains("The address or the form sent holds characters that are not UTF-8");
        log.assertNoErrorsOrStackTraces();
    }

    @Test
    void aFormBodyThatIsNotUtf8IsABadRequest(CapturedOutput output) {
        WebClient web = WebClient.signedIn(port, accounts, AccountRole.ADMIN);
        web.get("/admin/themes/new");
        ServerLog log = ServerLog.from(output);

        HttpResponse<String> response = web.post(
                "/admin/themes/new",
                MediaType.APPLICATION_FORM_URLENCODED_VALUE,
                HttpRequest.BodyPublishers.ofString("_csrf=" + web.csrfToken() + "&name=Caf%E9"));

        assertThat(WebClient.mainText(response, 400))
                .contains("The address or the form sent holds characters that are not UTF-8");
        assertThat(jdbc.sql("select count(*) from theme where name like 'Caf%'")
                        .query(Long.class)
                        .single())
                .isZero();
        log.assertNoErrorsOrStackTraces();
    }

    /** The error path has no page of its own, in JSON as in HTML. */
    @Test
    void theErrorPathAskedForDirectlyIsNotFoundInJson(CapturedOutput output) {
        ServerLog log = ServerLog.from(output);

        HttpResponse<String> response = new WebClient(port).get("/error", "Accept", "application/json");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type"))
                .get()
                .asString()
                .startsWith("application/json");
        assertThat(response.body()).contains("\"status\":404").doesNotContain("Exception");
        log.assertNoErrorsOrStackTraces();
    }

    /** A list in a form grows to the row a field names, up to 256 rows; a row past them is a bad request. */
    @ParameterizedTest
    @CsvSource({
        "/admin/records/new, people[100000].name",
        "/admin/records/new, notes[300]",
        "/admin/records/new, themeIds[300]",
        "/admin/records/new, people[x].name",
        "/admin/people/{person}/edit, offices[100000].title"
    })
    void aFormRowPastTheLastOneAListCanHoldIsABadRequest(String path, String field, CapturedOutput output) {
        WebClient web = WebClient.signedIn(port, accounts, AccountRole.ADMIN);
        long records = count("record");
        String form = path.replace("{person}", String.valueOf(seedPerson()));
        ServerLog log = ServerLog.from(output);

        HttpResponse<String> response = web.submit(form, Map.of("title", "Rows", field, "1"));

        assertThat(WebClient.mainText(response, 400))
                .contains("The form sent a field this page does not have (“" + field.replaceFirst("\\].*", "]"));
        assertThat(count("record")).isEqualTo(records);
        log.assertNoErrorsOrStackTraces();
    }

    /** A page whose first row lies past what a query can skip (an int's worth) is a bad request, not a 500. */
    @ParameterizedTest
    @ValueSource(strings = {"/admin/records", "/admin/people", "/admin/records?q=x&status=DRAFT"})
    void aPageNumberPastEveryListIsABadRequest(String list, CapturedOutput output) {
        WebClient web = WebClient.signedIn(port, accounts, AccountRole.ADMIN);
        ServerLog log = ServerLog.from(output);

        HttpResponse<String> response = web.get(list + (list.contains("?") ? "&" : "?") + "page=2147483647");

        assertThat(WebClient.mainText(response, 400))
                .contains("The parameter “page” cannot be “2147483647”: there are not that many pages.");
        assertThat(web.get(list + (list.contains("?") ? "&" : "?") + "page=99999999999")
                        .statusCode())
                .isEqualTo(400);
        log.assertNoErrorsOrStackTraces();
    }

    @Test
    void anAuditPageNumberPastEveryListIsAnErrorOfTheFilter(CapturedOutput output) {
        WebClient web = WebClient.signedIn(port, accounts, AccountRole.ADMIN);
        ServerLog log = ServerLog.from(output);

        HttpResponse<String> response = web.get("/admin/audit?user=x&page=2147483647");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(WebClient.page(response).select("main .error").text()).contains("There are not that many pages.");
        assertThat(WebClient.page(response).select("input[name=user]").val()).isEqualTo("x");
        log.assertNoErrorsOrStackTraces();
    }

    @Test
    void anImportReportPageNumberPastEveryListIsABadRequest(CapturedOutput output) {
        WebClient web = WebClient.signedIn(port, accounts, AccountRole.ADMIN);
        web.get("/admin/imports");
        HttpResponse<String> started = web.postFile(
                "/admin/imports",
                "file",
                "report.jsonl",
                "{\"title\": \"x\"}\n".getBytes(StandardCharsets.UTF_8),
                Map.of());
        String job = WebClient.location(started);
        ServerLog log = ServerLog.from(output);

        HttpResponse<String> response = web.get(job + "?page=2147483647");

        assertThat(WebClient.mainText(response, 400))
                .contains("The parameter “page” cannot be “2147483647”: there are not that many pages.");
        log.assertNoErrorsOrStackTraces();
    }

    private long seedPerson() {
        return jdbc.sql("select min(id) from person").query(Long.class).single();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
