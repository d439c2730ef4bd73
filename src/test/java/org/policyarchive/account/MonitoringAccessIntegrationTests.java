package org.policyarchive.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.policyarchive.testing.CleanArchive;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Who reads what of the archive's monitoring: health (status only) and the liveness and readiness probes are open,
 * for load balancers; the metrics in Prometheus's format are for admins, or for whoever reaches a management port of
 * its own.
 */
@SpringBootTest
@AutoConfigureMockMvc
@CleanArchive
class MonitoringAccessIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void healthAndProbesAnswerAnyoneWithTheStatusAlone() throws Exception {
        for (String path : new String[] {
            "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness", "/livez", "/readyz"
        }) {
            MvcResult result = mvc.perform(get(path)).andReturn();
            assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
            assertThat(result.getResponse().getContentAsString())
                    .as(path)
                    .contains("\"status\":\"UP\"")
                    .doesNotContain("components");
        }
    }

    @Test
    void readinessCoversTheDatabaseAndTheSearchIndexAndLivenessTheProcessAlone() throws Exception {
        String readiness = mvc.perform(
                        get("/actuator/health/readiness").with(user("boss").roles("ADMIN")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(readiness).contains("\"db\"", "\"searchIndex\"", "\"readinessState\"", "\"lastFollowed\"");
        String liveness = mvc.perform(
                        get("/actuator/health/liveness").with(user("boss").roles("ADMIN")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(liveness).contains("\"livenessState\"").doesNotContain("\"db\"", "\"searchIndex\"");
    }

    @Test
    void metricsAreForAdminsOnTheMainPort() throws Exception {
        MvcResult admin = mvc.perform(
                        get("/actuator/prometheus").with(user("boss").roles("ADMIN")))
                .andReturn();
        assertThat(admin.getResponse().getStatus()).isEqualTo(200);
        assertThat(admin.getResponse().getContentType()).startsWith("text/plain");
        assertThat(admin.getResponse().getContentAsString())
                .contains("# TYPE jvm_memory_used_bytes gauge", "hikaricp_connections");

        assertThat(mvc.perform(get("/actuator/prometheus").with(user("writer").roles("EDITOR")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        MvcResult anonymous = mvc.perform(get("/actuator/prometheus")).andReturn();
        assertThat(anonymous.getResponse().getStatus()).isEqualTo(302);
        assertThat(anonymous.getResponse().getContentAsString()).doesNotContain("jvm_memory");
    }

    /** With a management port of its own, kept off the public network, the scraper reads metrics without signing in. */
    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
    class OnAManagementPortOfItsOwn {

        @LocalServerPort
        int port;

        @LocalManagementPort
        int managementPort;

        private final HttpClient http = HttpClient.newHttpClient();

        @Test
        void metricsAreReadOnTheManagementPortAndNotOnTheMainOne() throws Exception {
            HttpResponse<String> metrics = get(managementPort, "/actuator/prometheus");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("# TYPE jvm_memory_used_bytes gauge");

            assertThat(get(port, "/actuator/prometheus").statusCode()).isEqualTo(404);
            assertThat(get(port, "/readyz").statusCode()).isEqualTo(200);
            assertThat(get(port, "/livez").statusCode()).isEqualTo(200);
        }

        private HttpResponse<String> get(int port, String path) throws Exception {
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
