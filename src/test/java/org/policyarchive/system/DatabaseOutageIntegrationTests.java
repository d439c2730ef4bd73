package org.policyarchive.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.policyarchive.account.AccountRole;
import org.policyarchive.account.UserAccounts;
import org.policyarchive.testing.BehindProxy;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.Pages;
import org.policyarchive.testing.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The database goes away while the archive runs (a proxy between them is cut) and comes back: readers get a 503 page
 * that says the archive is briefly unavailable, an editor's save that could not be committed comes back with the form
 * as typed, health says DOWN, no request waits for long, and all is well again within seconds of the return.
 */
@Tag("long")
@CleanArchive
class DatabaseOutageIntegrationTests extends BehindProxy {

    /** Far below the 30 s that requests used to wait for a connection, far above the pool's few seconds. */
    static final Duration LONGEST_WAIT = Duration.ofSeconds(15);

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void readersGetTheUnavailablePageAndAnEditorKeepsTheTypedTextUntilTheDatabaseIsBack() throws Exception {
        assertThat(dataSource.unwrap(HikariDataSource.class).getJdbcUrl()).isEqualTo(proxy.jdbcUrl());
        String slug = jdbc.sql("select slug from record").query(String.class).single();
        long recordId = jdbc.sql("select id from record").query(Long.class).single();
        String username = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createUser(username, "correct horse battery staple", AccountRole.EDITOR);
        WebClient editor = WebClient.signedIn(port, username, "correct horse battery staple");
        WebClient reader = new WebClient(port);
        FormElement form = Pages.mainForm(editor.page("/admin/records/" + recordId + "/edit"));
        String typed = form.select("textarea[name=body]").val() + "\n\nTyped while the database was away.";
        assertThat(health(reader).statusCode()).isEqualTo(200);

        proxy.cut();
        HttpResponse<String> unsaved;
        try {
            for (String path : new String[] {"/", "/records/" + slug, "/records", "/people"}) {
                HttpResponse<String> page = timed(() -> reader.get(path));
                assertThat(page.statusCode()).as("status of %s", path).isEqualTo(503);
                assertThat(page.headers().firstValue("Retry-After"))
                        .get()
                        .asString()
                        .matches("\\d+");
                Document document = Jsoup.parse(page.body());
                assertThat(document.select("h1").text()).isEqualTo("Briefly unavailable");
                assertThat(document.select("main .lead").text())
                        .isEqualTo("The archive cannot reach its database just now. Please try again in a minute.");
            }
            HttpResponse<String> down = timed(() -> health(reader));
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).contains("\"status\":\"DOWN\"");

            unsaved = timed(() -> editor.submit(form, Map.of("body", typed, "action", "save")));
            assertThat(unsaved.statusCode()).isEqualTo(503);
            assertThat(unsaved.headers().firstValue("Retry-After")).isPresent();
        } finally {
            proxy.restore();
        }
        Document kept = Jsoup.parse(unsaved.body());
        assertThat(kept.select("main [role=alert]").text())
                .isEqualTo("Not saved: the archive cannot reach its database just now. What you typed is kept below:"
                        + " save again in a minute.");
        assertThat(kept.select("textarea[name=body]").val()).isEqualTo(typed);
        assertThat(kept.select("input[name=title]").val())
                .isEqualTo(form.select("input[name=title]").val());

        long back = System.nanoTime();
        while (health(reader).statusCode() != 200) {
            assertThat(Duration.ofNanos(System.nanoTime() - back))
                    .as("time until health is UP again")
                    .isLessThan(Duration.ofSeconds(5));
            Thread.sleep(100);
        }
        HttpResponse<String> saved = editor.submit(Pages.mainForm(kept), Map.of("action", "save"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select body from record where id = ?")
                        .param(recordId)
                        .query(String.class)
                        .single())
                .endsWith("Typed while the database was away.");
    }

    private static HttpResponse<String> health(WebClient client) {
        return client.get("/actuator/health", "Accept", "application/json");
    }

    /** The response, after checking that it did not keep the reader waiting for long. */
    private static HttpResponse<String> timed(java.util.function.Supplier<HttpResponse<String>> request) {
        long start = System.nanoTime();
        HttpResponse<String> response = request.get();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(LONGEST_WAIT);
        return response;
    }
}
