package org.policyarchive.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.WebClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A sign-in form whose CSRF token does not match, over real HTTP, as a browser meets it after its session ended. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@CleanArchive
@ExtendWith(OutputCaptureExtension.class)
class LoginCsrfIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void answersAForgedTokenOfTheRightLengthWithTheSignInAgainPage(CapturedOutput output) throws Exception {
        WebClient browser = new WebClient(port);
        browser.page("/login");
        String token = browser.csrfToken();
        // The token is random bytes followed by the session's token XOR-ed with them. Zeros, then bytes of all ones,
        // decode to bytes of all ones, which are no UTF-8 text.
        byte[] forged = new byte[Base64.getUrlDecoder().decode(token).length];
        Arrays.fill(forged, forged.length / 2, forged.length, (byte) 0xFF);
        String forgedToken = Base64.getUrlEncoder().encodeToString(forged);
        assertThat(forgedToken).hasSameSizeAs(token);
        int logged = output.getAll().length();

        HttpResponse<String> response = browser.postFields(
                "/login", Map.of("username", "someone", "password", "whatever", "_csrf", forgedToken));

        assertThat(response.statusCode()).isEqualTo(403);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("main p").first().text())
                .isEqualTo("Your session expired before you signed in. Sign in again.");
        assertThat(page.select("main a[href=/login]").text()).isEqualTo("Sign in");
        assertThat(output.getAll().substring(logged))
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    @Test
    void answersAMissingSessionWithTheSignInAgainPage() throws Exception {
        WebClient browser = new WebClient(port);
        browser.page("/login");
        String token = browser.csrfToken();
        WebClient sessionEnded = new WebClient(port);

        HttpResponse<String> response = sessionEnded.postFields(
                "/login", Map.of("username", "someone", "password", "whatever", "_csrf", token));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(response.body()).select("main p").first().text())
                .isEqualTo("Your session expired before you signed in. Sign in again.");
    }
}
