package org.policyarchive.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.policyarchive.account.AccountRole;
import org.policyarchive.account.UserAccounts;
import org.policyarchive.testing.CleanArchive;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A bulk import over the 2 GB request limit, through the real server: Tomcat refuses the body from its announced
 * length, and the admin gets the page that names the limit. The form carries its CSRF token in the action's query
 * string, because the refused body's fields cannot be read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@CleanArchive
class ImportSizeLimitIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    /** A browser's form: the CSRF token is in the action's query string, and Tomcat refuses the body first. */
    @Test
    void anImportOverTwoGigabytesGetsThe413PageAndStartsNoJob() throws Exception {
        assertThat(assertImportRefused(false).select("h1").text()).isEqualTo("Too large");
    }

    /** A client that sends the token in a header gets as far as the dispatcher, and the same page. */
    @Test
    void anImportWithItsTokenInAHeaderGetsTheSamePage() throws Exception {
        assertThat(assertImportRefused(true).select("h1").text()).isEqualTo("Too large");
    }

    /** Returns the page that refused it. */
    private Document assertImportRefused(boolean tokenInHeader) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
        String action = signedInImportFormAction(http);
        String headers = "Cookie: "
                + cookies.getCookieStore().get(URI.create(url("/"))).stream()
                        .map(HttpCookie::toString)
                        .collect(Collectors.joining("; "))
                + "\r\n";
        if (tokenInHeader) {
            headers += "X-CSRF-TOKEN: " + action.substring(action.indexOf('=') + 1) + "\r\n";
            action = action.substring(0, action.indexOf('?'));
        }

        String response =
                postHeadersOnly(action, headers, "multipart/form-data; boundary=limit", 2L * 1024 * 1024 * 1024 + 1);

        assertThat(response).startsWith("HTTP/1.1 413 ");
        Document page = page(response);
        assertThat(page.select("main").text()).contains("The file is too large: the limit is 2 GB.");
        assertThat(jobs()).isZero();
        return page;
    }

    /**
     * The same refusal for a form that is not an upload gets the general page for its status: over Tomcat's limit for
     * a form (16 MB, so that the record form can post a million characters of Chinese).
     */
    @Test
    void aFormPostOverTomcatsLimitGetsThe413Page() throws Exception {
        String response = postHeadersOnly("/login", "", "application/x-www-form-urlencoded", 16L * 1024 * 1024 + 1);

        assertThat(response).startsWith("HTTP/1.1 413 ");
        assertThat(page(response).select("main").text()).contains("Too large", "larger than the archive accepts");
        // the refused request opened a session, and no link carries its id
        assertThat(response).contains("Set-Cookie: JSESSIONID=").doesNotContain(";jsessionid=");
    }

    /**
     * Sends a POST's headers (and {@code headers}, whole lines) and no body, with "Expect: 100-continue" so that the
     * server may refuse the body before it is sent, and returns the final response.
     */
    private String postHeadersOnly(String path, String headers, String contentType, long contentLength)
            throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\n"
                            + "Host: 127.0.0.1:" + port + "\r\n"
                            + headers
                            + "Accept: text/html\r\n"
                            + "Content-Type: " + contentType + "\r\n"
                            + "Content-Length: " + contentLength + "\r\n"
                            + "Expect: 100-continue\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            // Tomcat sends the interim "100 Continue" when a filter starts to read the parameters.
            return response.replaceFirst("^HTTP/1\\.1 100 [^\r\n]*\r\n\r\n", "");
        }
    }

    /** The HTML after the response's headers. */
    private static Document page(String response) {
        return Jsoup.parse(response.substring(response.indexOf("\r\n\r\n")));
    }

    /** Signs a new admin in through the login form and returns the import form's action, with its CSRF token. */
    private String signedInImportFormAction(HttpClient http) throws Exception {
        String username = "import-limit-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "correct horse battery " + UUID.randomUUID();
        accounts.createUser(username, password, AccountRole.ADMIN);
        String loginPage = http.send(
                        HttpRequest.newBuilder(URI.create(url("/login"))).build(), body())
                .body();
        String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf="
                + encode(Jsoup.parse(loginPage).select("input[name=_csrf]").val());
        HttpResponse<String> signedIn = http.send(
                HttpRequest.newBuilder(URI.create(url("/login")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                body());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).get().asString().doesNotContain("error");
        String importPage = http.send(
                        HttpRequest.newBuilder(URI.create(url("/admin/imports")))
                                .build(),
                        body())
                .body();
        String action = Jsoup.parse(importPage)
                .select("form[enctype=multipart/form-data]")
                .attr("action");
        assertThat(action).startsWith("/admin/imports?_csrf=");
        return action;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static HttpResponse.BodyHandler<String> body() {
        return HttpResponse.BodyHandlers.ofString();
    }

    private long jobs() {
        return jdbc.sql("select count(*) from import_job").query(Long.class).single();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
