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
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.FormElement;
import org.policyarchive.account.AccountRole;
import org.policyarchive.account.UserAccounts;

/**
 * A browser without a browser, over real HTTP, for what MockMvc leaves out: the servlet container's decoding, error
 * pages and logs, the headers a browser reads, requests that really run at the same time. It keeps its cookies,
 * follows no redirect (a test sees where a form sends it), and remembers the CSRF token of the last page it read:
 * {@link #postFieldsWithToken} and {@link #postFile} send it, {@link #postFields} and {@link #post} send only what they
 * are given, so that a test of the CSRF checks chooses its own token or none.
 */
public final class WebClient {

    private static final String FORM = "application/x-www-form-urlencoded";

    private final String base;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
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
        return signedIn(port, username, password);
    }

    /** A client signed in through the login form as {@code username}, whom the caller has created. */
    public static WebClient signedIn(int port, String username, String password) {
        WebClient client = new WebClient(port);
        assertThat(location(client.signIn(username, password)))
                .as("where the sign-in of %s leads", username)
                .isEqualTo("/");
        // signing in changed the session, and with it the CSRF token
        client.get("/");
        return client;
    }

    /** Opens the sign-in page and posts its form, whatever the answer; {@code headers} go with the post. */
    public HttpResponse<String> signIn(String username, String password, String... headers) {
        page("/login");
        return postFields("/login", Map.of("username", username, "password", password, "_csrf", csrfToken()), headers);
    }

    /** Signs out with the form in the header of a signed-in page. */
    public HttpResponse<String> signOut() {
        page("/admin");
        return postFieldsWithToken("/logout", Map.of());
    }

    /**
     * A GET of {@code path}, written as it goes on the wire (percent-encoded by the caller); {@code headers} are name,
     * value, name, value... and replace the default {@code Accept: text/html}.
     */
    public HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    /** The page at {@code path}, after checking that it answered 200. */
    public Document page(String path) {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as("status of %s", path).isEqualTo(200);
        return page(response);
    }

    /**
     * Posts exactly {@code fields}, form-encoded in UTF-8, so the CSRF token is sent only when it is one of them;
     * {@code headers} as for {@link #get}.
     */
    public HttpResponse<String> postFields(String path, Map<String, String> fields, String... headers) {
        String body = fields.entrySet().stream()
                .map(field -> field(field.getKey(), field.getValue()))
                .collect(Collectors.joining("&"));
        return send(
                request(path, headers).setHeader("Content-Type", FORM).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts {@code fields} with the CSRF token of the last page read, as that page's form would. */
    public HttpResponse<String> postFieldsWithToken(String path, Map<String, String> fields) {
        Map<String, String> withToken = new LinkedHashMap<>();
        withToken.put("_csrf", csrfToken());
        withToken.putAll(fields);
        return postFields(path, withToken);
    }

    /** Opens the page at {@code path} and submits its main form with {@code changes}, as a browser would. */
    public HttpResponse<String> submit(String path, Map<String, String> changes) {
        return submit(Pages.mainForm(page(path)), changes);
    }

    /**
     * Posts the form as a browser would: every field as the page shows it (its CSRF token included), except those in
     * {@code changes}, which take the new values.
     */
    public HttpResponse<String> submit(FormElement form, Map<String, String> changes) {
        Stream<String> kept = form.formData().stream()
                .filter(field -> !changes.containsKey(field.key()))
                .map(field -> field(field.key(), field.value()));
        Stream<String> changed = changes.entrySet().stream().map(field -> field(field.getKey(), field.getValue()));
        String body = Stream.concat(kept, changed).collect(Collectors.joining("&"));
        return post(form.attr("action"), FORM, HttpRequest.BodyPublishers.ofString(body));
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
        return post(
                path + "?_csrf=" + encode(csrfToken()),
                "multipart/form-data; boundary=" + boundary,
                HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }

    /** A POST of a body the caller wrote, sent as it is: no CSRF token is added. */
    public HttpResponse<String> post(String path, String contentType, HttpRequest.BodyPublisher body) {
        return send(request(path).setHeader("Content-Type", contentType).POST(body));
    }

    /** The CSRF token of the last page read that held one, for a body or a field written by hand. */
    public String csrfToken() {
        assertThat(csrfToken).as("the CSRF token of a page read").isNotEmpty();
        return csrfToken;
    }

    /** The text of the main part of a response's page, after checking that the response has {@code status}. */
    public static String mainText(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as("status of %s", response.uri()).isEqualTo(status);
        return page(response).select("main").text();
    }

    /** The path and query of the page a response redirects to, after checking that it is a redirect. */
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

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(120))
                .setHeader("Accept", "text/html");
        for (int i = 0; i < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        return request;
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

    private static String field(String name, String value) {
        return encode(name) + "=" + encode(value);
    }

    private static void write(ByteArrayOutputStream body, String text) {
        body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
