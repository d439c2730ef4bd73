package org.policyarchive.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A browser without a browser, over real HTTP: its own cookies, the CSRF token read from a page's form, and forms
 * posted as a browser posts them. Redirects are not followed, so that a test sees where a form sends it.
 */
final class FormClient {

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    FormClient(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    CookieManager cookies() {
        return cookies;
    }

    URI uri(String path) {
        return URI.create(base + path);
    }

    /** GETs {@code path}; {@code headers} are name, value, name, value... */
    HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    Document page(String path) throws Exception {
        return Jsoup.parse(get(path).body());
    }

    /** The CSRF token of the form in the main part of {@code path}. */
    String csrfToken(String path) throws Exception {
        Element token = page(path).selectFirst("main form input[name=_csrf]");
        assertThat(token).as("a form with a CSRF token on " + path).isNotNull();
        return token.val();
    }

    /** Posts {@code form} URL-encoded, as a browser posts a form; {@code headers} as for {@link #get}. */
    HttpResponse<String> post(String path, Map<String, String> form, String... headers) throws Exception {
        String body = form.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Fills in and posts the sign-in form; {@code headers} as for {@link #get}. */
    HttpResponse<String> signIn(String username, String password, String... headers) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", username);
        form.put("password", password);
        form.put("_csrf", csrfToken("/login"));
        return post("/login", form, headers);
    }

    /** Signs out with the form in the page's header. */
    HttpResponse<String> signOut() throws Exception {
        String token =
                page("/admin").selectFirst("header form input[name=_csrf]").val();
        return post("/logout", Map.of("_csrf", token));
    }

    /** Where a response redirects to, as a path. */
    static String redirect(HttpResponse<?> response) {
        assertThat(response.statusCode()).as("a redirect").isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        return URI.create(location).getRawPath()
                + (URI.create(location).getRawQuery() == null
                        ? ""
                        : "?" + URI.create(location).getRawQuery());
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
