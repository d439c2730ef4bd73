package org.policyarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.policyarchive.PolicyArchiveApplication;
import org.policyarchive.testing.CleanArchiveExtension;
import org.policyarchive.testing.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two nodes of the archive on one PostgreSQL database, each with its own data directory and search index, on random
 * ports, as behind a load balancer: a user signs in on one and works on the other with the same session cookie, and
 * what is written on one node is found (or no longer found) by search on both within seconds.
 */
@Tag("long")
class TwoNodesIntegrationTests {

    private static final String ADMIN = "node-admin";
    private static final String PASSWORD = "two nodes, one archive";
    private static final String SEED_SLUG = "state-council-study-session-digital-economy-2023-08-21";

    /** A generous bound for the other node to follow (it checks every 300 ms here), on a busy machine. */
    private static final Duration FOLLOWS_WITHIN = Duration.ofSeconds(20);

    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;
    private static JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startTwoNodes() {
        TestDatabase.Database database = TestDatabase.database();
        jdbc = new JdbcTemplate(new DriverManagerDataSource(database.url(), database.username(), database.password()));
        // what other test classes left; a database no context has migrated yet is clean
        if (jdbc.queryForObject("select to_regclass('record') is not null", Boolean.class)) {
            CleanArchiveExtension.cleanDatabase(jdbc);
        }
        first = node();
        second = node();
    }

    /** A node: the test run's database (TestDatabase), a data directory of its own, a random port. */
    private static ConfigurableApplicationContext node() {
        return new SpringApplicationBuilder(PolicyArchiveApplication.class)
                .run(
                        "--server.port=0",
                        "--archive.search.follow-interval=300ms",
                        "--archive.admin.username=" + ADMIN,
                        "--archive.admin.password=" + PASSWORD);
    }

    @AfterAll
    static void stopNodes() {
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {first, second}) {
            if (node != null) {
                node.close();
            }
        }
    }

    @Test
    void aUserSignedInOnOneNodeWorksOnTheOtherAndSearchOnBothFollows() throws Exception {
        String session = signIn(first);
        long record = jdbc.queryForObject("select id from record where slug = ?", Long.class, SEED_SLUG);
        long person = jdbc.queryForObject("select id from person where slug = 'chen-chun'", Long.class);

        HttpResponse<String> edit = get(second, "/admin/records/" + record + "/edit", session);
        assertThat(edit.statusCode())
                .as("the edit form on the other node, in the same session")
                .isEqualTo(200);
        String title = marker("title");
        assertThat(submit(second, edit, Map.of("title", "Edited on the second node " + title), session)
                        .statusCode())
                .isEqualTo(302);
        assertThat(hitsWithin(second, title, 1))
                .as("search on the node that saved")
                .isTrue();
        assertThat(hitsWithin(first, title, 1)).as("search on the other node").isTrue();

        String name = marker("name");
        HttpResponse<String> personForm = get(first, "/admin/people/" + person + "/edit", session);
        assertThat(submit(first, personForm, Map.of("name", "Chen " + name), session)
                        .statusCode())
                .isEqualTo(302);
        assertThat(hitsWithin(second, name, 1))
                .as("the other node finds the record by its person's new name")
                .isTrue();

        HttpResponse<String> deletion = get(first, "/admin/records/" + record + "/delete", session);
        assertThat(submit(first, deletion, Map.of(), session).statusCode()).isEqualTo(302);
        assertThat(hitsWithin(second, title, 0))
                .as("the other node no longer finds the deleted record")
                .isTrue();
        assertThat(hitsWithin(first, title, 0)).isTrue();
    }

    private static String marker(String what) {
        return "zq" + what + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    /** Signs in with the form, as a browser does; returns the session cookie, which signing in renewed. */
    private String signIn(ConfigurableApplicationContext node) throws Exception {
        HttpResponse<String> login = get(node, "/login", null);
        String before = sessionCookie(login);
        assertThat(before).as("the sign-in form's session").isNotNull();
        HttpResponse<String> signedIn =
                submit(node, login, "form[action=/login]", Map.of("username", ADMIN, "password", PASSWORD), before);
        assertThat(signedIn.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).doesNotContain("error"));
        String after = sessionCookie(signedIn);
        assertThat(after).as("a new session id at sign-in").isNotNull().isNotEqualTo(before);
        assertThat(signedIn.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie)
                        .startsWith("JSESSIONID=")
                        .contains("HttpOnly")
                        .containsIgnoringCase("SameSite=Lax"));
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContainIgnoringCase("jsessionid");
        return after;
    }

    /** Whether a search on {@code node} finds {@code hits} published records for {@code query} within the bound. */
    private boolean hitsWithin(ConfigurableApplicationContext node, String query, int hits) throws Exception {
        long deadline = System.nanoTime() + FOLLOWS_WITHIN.toNanos();
        String expected = hits == 0 ? "No records match" : hits + " record matches";
        do {
            HttpResponse<String> response = get(node, "/search?q=" + query, null);
            Document page = Jsoup.parse(response.body());
            if (response.statusCode() == 200
                    && page.select("#search-results-heading").text().equals(expected)) {
                return true;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return false;
    }

    private HttpResponse<String> get(ConfigurableApplicationContext node, String path, String session)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(node, path)).GET();
        if (session != null) {
            request.header("Cookie", "JSESSIONID=" + session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts the page's main form, the one that saves. */
    private HttpResponse<String> submit(
            ConfigurableApplicationContext node, HttpResponse<String> page, Map<String, String> changes, String session)
            throws IOException, InterruptedException {
        return submit(node, page, "main form[method=post]", changes, session);
    }

    /** Posts a page's form as a browser would: every field as shown, but those in {@code changes}. */
    private HttpResponse<String> submit(
            ConfigurableApplicationContext node,
            HttpResponse<String> page,
            String form,
            Map<String, String> changes,
            String session)
            throws IOException, InterruptedException {
        FormElement element = (FormElement) Jsoup.parse(page.body()).selectFirst(form);
        assertThat(element).as("%s in %s", form, page.uri()).isNotNull();
        String body = element.formData().stream()
                        .filter(field -> !changes.containsKey(field.key()))
                        .map(field -> encode(field.key()) + "=" + encode(field.value()))
                        .collect(Collectors.joining("&"))
                + changes.entrySet().stream()
                        .map(field -> "&" + encode(field.getKey()) + "=" + encode(field.getValue()))
                        .collect(Collectors.joining());
        HttpRequest request = HttpRequest.newBuilder(uri(node, element.attr("action")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "JSESSIONID=" + session)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("JSESSIONID="))
                .map(cookie -> cookie.substring("JSESSIONID=".length(), cookie.indexOf(';')))
                .findFirst()
                .orElse(null);
    }

    private static URI uri(ConfigurableApplicationContext node, String path) {
        int port = ((WebServerApplicationContext) node).getWebServer().getPort();
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
