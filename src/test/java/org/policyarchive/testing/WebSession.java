package org.policyarchive.testing;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.FormElement;

/**
 * One browser's session with a running archive over real HTTP: it keeps its cookies, follows no redirect, and reads
 * pages with jsoup. For tests that need what MockMvc leaves out: the servlet container's error pages, and requests that
 * really run at the same time.
 */
public final class WebSession {

    private final String base;
    private final HttpClient http;

    public WebSession(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** A session signed in through the login form as {@code username}. */
    public static WebSession signedIn(int port, String username, String password) {
        WebSession session = new WebSession(port);
        Document login = session.page("/login");
        HttpResponse<String> signedIn = session.post(
                "/login",
                Map.of(
                        "username", username,
                        "password", password,
                        "_csrf", login.select("input[name=_csrf]").val()));
        assertThat(signedIn.statusCode()).as("sign-in of %s", username).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).get().asString().doesNotContain("error");
        return session;
    }

    public HttpResponse<String> get(String path) {
        return get(path, "text/html");
    }

    public HttpResponse<String> get(String path, String accept) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", accept)
                .GET());
    }

    /** The page at {@code path}, after checking that it answered 200. */
    public Document page(String path) {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as("status of %s", path).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    /** Posts {@code fields} form-encoded. */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        return postEncoded(
                path,
                fields.entrySet().stream()
                        .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                        .collect(Collectors.joining("&")));
    }

    /**
     * Posts the form as a browser would: every field as the page shows it (its CSRF token included), except those in
     * {@code changes}, which take the new values.
     */
    public HttpResponse<String> submit(FormElement form, Map<String, String> changes) {
        String fields = form.formData().stream()
                .filter(field -> !changes.containsKey(field.key()))
                .map(field -> encode(field.key()) + "=" + encode(field.value()))
                .collect(Collectors.joining("&"));
        String changed = changes.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return postEncoded(form.attr("action"), fields.isEmpty() ? changed : fields + "&" + changed);
    }

    private HttpResponse<String> postEncoded(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(
                    request.timeout(Duration.ofSeconds(120))
                            .header("Accept", "text/html")
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
