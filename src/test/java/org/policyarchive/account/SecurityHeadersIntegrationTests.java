package org.policyarchive.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyarchive.account.AccountTestSupport.PASSWORD;
import static org.policyarchive.account.AccountTestSupport.uniqueUsername;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What the archive's responses tell browsers, over real HTTP as a browser reads them. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@CleanArchive
class SecurityHeadersIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Test
    void letsBrowsersTellOtherSitesOnlyWhichSiteALinkCameFrom() throws Exception {
        WebClient reader = new WebClient(port);

        for (String path : new String[] {"/", "/records", "/login", "/search?q=digital"}) {
            assertThat(reader.get(path).headers().firstValue("Referrer-Policy"))
                    .as(path)
                    .contains("strict-origin-when-cross-origin");
        }
    }

    @Test
    void keepsTheSessionCookieOutOfOtherSitesRequests() throws Exception {
        // the sign-in page keeps its form's CSRF token in a new session
        List<String> cookies = new WebClient(port).get("/login").headers().allValues("Set-Cookie");

        assertThat(cookies)
                .isNotEmpty()
                .allSatisfy(cookie ->
                        assertThat(cookie).containsIgnoringCase("; HttpOnly").containsIgnoringCase("; SameSite=Lax"));
    }

    @Test
    void tellsOnlySignedInEditorsHowLongASearchTook() throws Exception {
        WebClient reader = new WebClient(port);
        HttpResponse<String> anonymous = reader.get("/search?q=digital");
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(anonymous.headers().firstValue("Server-Timing")).isEmpty();

        String username = uniqueUsername("editor");
        accounts.createUser(username, PASSWORD, AccountRole.EDITOR);
        WebClient editor = WebClient.signedIn(port, username, PASSWORD);

        assertThat(editor.get("/search?q=digital").headers().firstValue("Server-Timing"))
                .hasValueSatisfying(timing -> assertThat(timing).startsWith("search;dur="));
    }

    @Test
    void neverAnswersASignedInEditorWithThePageKeptForReaders() throws Exception {
        WebClient reader = new WebClient(port);
        String etag = reader.get("/").headers().firstValue("ETag").orElseThrow();
        assertThat(reader.get("/").headers().firstValue("ETag")).as("kept").contains(etag);

        String username = uniqueUsername("editor");
        accounts.createUser(username, PASSWORD, AccountRole.EDITOR);
        WebClient editor = WebClient.signedIn(port, username, PASSWORD);

        HttpResponse<String> own = editor.get("/", "If-None-Match", etag);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains(username);
        assertThat(own.headers().firstValue("ETag")).isEmpty();
        assertThat(own.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        assertThat(reader.get("/").body()).doesNotContain(username);
    }
}
