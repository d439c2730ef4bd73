package org.policyarchive.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.FormElement;
import org.policyarchive.account.AccountRole;
import org.policyarchive.account.UserAccounts;

/**
 * A browser's requests over real HTTP, for what only the servlet container shows: its error dispatch, its decoding of
 * the query string and the body, what it logs. It keeps its cookies, signs in through the login form, and adds the
 * CSRF token of the last page it read to each post.
 */
public final class WebClient {

    private final HttpClient http =
            HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final String base;
    private String csrfToken = "";

    public WebClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** A client signed in as a new user with {@code role}. */
    public static WebClient signedIn(int port, UserAccounts accounts, AccountRole role) {
        String username = "web-" + role.name().toLowerCase(Locale.ROOT) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        String password = "correct horse battery " + UUID.randomUUID();
        accounts.createUser(username, password, role);
        return new WebClient(port).signIn(username, password);
    }

    /** Signs in as {@code username} with {@code password}, which the caller has created. */
    public WebClient signIn(String username, String password) {
        get("/login");
        HttpResponse<String> signedIn = postForm("/login", Map.of("username", username, "password", password));
        assertThat(signedIn.statusCode()).as("sign-in").isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).get().asString().doesNotContain("error");
        get("/");
        return this;
    }

    /** A GET of {@code pathAndQuery}, written as it goes on the wire (percent-encoded by the caller). */
    public HttpResponse<String> get(String pathAndQuery) {
        return get(pathAndQuery, "text/html");
    }

    /** A GET that accepts {@code mediaType}. */
    public HttpResponse<String> get(String pathAndQuery, String mediaType) {
        return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .header("Accept", mediaType)
                .GET());
    }

    /**
     * Opens the page at {@code path} and posts its main form as a browser would: every field as the page shows it,
     * except those in {@code changes}, which take the new values.
     */
    public HttpResponse<String> submit(String path, Map<String, String> changes) {
        FormElement form = Pages.mainForm(page(get(path)));
        Map<String, String> fields = new LinkedHashMap<>();
        form.formData().stream()
                .filter(field -> !field.key().equals("_csrf"))
                .forEach(field -> fields.putIfAbsent(field.key(), field.value()));
        fields.putAll(changes);
        return postForm(form.attr("action"), fields);
    }

    /** A form post of these fields, encoded as UTF-8, with the CSRF token. */
    public HttpResponse<String> postForm(String path, Map<String, String> fields) {
        StringBuilder body = new StringBuilder("_csrf=").append(encode(csrfToken));
        fields.forEach((name, value) ->
                body.append('&').append(encode(name)).append('=').append(encode(value)));
        return postForm(path, body.toString().getBytes(StandardCharsets.US_ASCII));
    }

    /** A form post of a body written by the caller, who adds the CSRF token when it is wanted. */
    public HttpResponse<String> postForm(String path, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /**
     * A multipart post with a file part named {@code part} (none when null) holding {@code content} under
     * {@code fileName}, and these further fields; the CSRF token goes in the query string, as the upload forms put it.
     */
    public HttpResponse<String> postFile(
            String path, String part, String fileName, byte[] content, Map<String, String> fields) {
        String boundary = "boundary" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> write(
                body,
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                        + "\r\n"));
        if (part != null) {
            write(
                    body,
                    "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
                            + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            body.writeBytes(content);
            write(body, "\r\n");
        }
        write(body, "--" + boundary + "--\r\n");
        return send(HttpRequest.newBuilder(URI.create(base + path + "?_csrf=" + encode(csrfToken)))
                .header("Accept", "text/html")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** The CSRF token of the last page read, for a body written by hand. */
    public String csrfToken() {
        return csrfToken;
    }

    /** The text of the main part of a response's page, after checking that the response has {@code status}. */
    public static String mainText(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as("status of %s", response.uri()).isEqualTo(status);
        return page(response).select("main").text();
    }

    /** The path of the page a response redirects to. */
    public static String location(HttpResponse<String> response) {
        assertThat(response.statusCode())
                .as("status of a redirect from %s", response.uri())
                .isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
    }

    /** The page of a response. */
    public static Document page(HttpResponse<String> response) {
        return Jsoup.parse(response.body());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String token =
                    Jsoup.parse(response.body()).select("input[name=_csrf]").val();
            if (!token.isEmpty()) {
                csrfToken = token;
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void write(ByteArrayOutputStream body, String text) {
        body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
