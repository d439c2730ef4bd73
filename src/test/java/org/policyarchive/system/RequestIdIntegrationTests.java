package org.policyarchive.system;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.policyarchive.testing.CleanArchive;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Every request has an id, in the {@code X-Request-Id} response header and in the MDC of each line logged while it is
 * served; structured (JSON) logs carry it as a field of its own. A proxy's id is kept only from a trusted proxy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@CleanArchive
class RequestIdIntegrationTests {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void eachRequestGetsAnIdOfItsOwnThatItsLogLinesCarry() throws Exception {
        Logger dispatcher = (Logger) LoggerFactory.getLogger("org.springframework.web.servlet.DispatcherServlet");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        Level before = dispatcher.getLevel();
        dispatcher.setLevel(Level.DEBUG);
        dispatcher.addAppender(lines);
        try {
            HttpResponse<String> first = get("/records", null);
            HttpResponse<String> second = get("/records", null);
            String id = first.headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(id).matches(UUID_PATTERN);
            assertThat(second.headers().firstValue("X-Request-Id"))
                    .hasValueSatisfying(
                            other -> assertThat(other).matches(UUID_PATTERN).isNotEqualTo(id));

            List<ILoggingEvent> logged = lines.list.stream()
                    .filter(line -> id.equals(line.getMDCPropertyMap().get("requestId")))
                    .toList();
            assertThat(logged)
                    .as("lines logged while the first request was served")
                    .isNotEmpty();

            StructuredLogEncoder json = new StructuredLogEncoder();
            json.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
            json.setFormat("ecs");
            json.start();
            assertThat(new String(json.encode(logged.get(0)), StandardCharsets.UTF_8))
                    .startsWith("{")
                    .contains("\"requestId\":\"" + id + "\"");
        } finally {
            dispatcher.detachAppender(lines);
            dispatcher.setLevel(before);
        }
    }

    @Test
    void anErrorPageCarriesItsIdToo() throws Exception {
        HttpResponse<String> missing = get("/records/no-such-record", null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("X-Request-Id"))
                .hasValueSatisfying(id -> assertThat(id).matches(UUID_PATTERN));
    }

    @Test
    void keepsAWellFormedIdFromATrustedProxy() throws Exception {
        // the test connects from 127.0.0.1, one of the internal proxies Tomcat trusts by default
        assertThat(get("/records", "edge-7f3a9c.42").headers().firstValue("X-Request-Id"))
                .hasValue("edge-7f3a9c.42");
    }

    @Test
    void replacesAMalformedId() throws Exception {
        for (String malformed : new String[] {"two words", "<script>", "-leading", "x".repeat(101), "a;b"}) {
            assertThat(get("/records", malformed).headers().firstValue("X-Request-Id"))
                    .as(malformed)
                    .hasValueSatisfying(id -> assertThat(id).matches(UUID_PATTERN));
        }
    }

    /** Where loopback is not a trusted proxy, nobody on it may choose the id written into the log. */
    @Nested
    @TestPropertySource(properties = "server.tomcat.remoteip.internal-proxies=10.0.0.0/8")
    class FromAnAddressThatIsNoTrustedProxy {

        @LocalServerPort
        int port;

        @Test
        void replacesEvenAWellFormedId() throws Exception {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/records"))
                            .header("X-Request-Id", "edge-7f3a9c.42")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.headers().firstValue("X-Request-Id"))
                    .hasValueSatisfying(id -> assertThat(id).matches(UUID_PATTERN));
        }
    }

    private HttpResponse<String> get(String path, String requestId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
