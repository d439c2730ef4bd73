package org.policyarchive.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policyarchive.account.AccountRole;
import org.policyarchive.account.ApiTokens;
import org.policyarchive.account.UserAccounts;
import org.policyarchive.record.Kinds;
import org.policyarchive.record.RecordKind;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.SharedCorpus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A bulk import through the API of Chinese reports with a kind the archive does not know: read as a known kind with
 * {@code kindMappings}, added with {@code createKinds}, as on the admin page; mappings it cannot read answered with a
 * problem naming the parameter, before anything is stored.
 */
@SpringBootTest
@AutoConfigureMockMvc
@CleanArchive
class ApiImportKindsIntegrationTests {

    static final String PROBLEM = ApiReadIntegrationTests.PROBLEM;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Kinds kinds;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RateLimits limits;

    String admin;

    @BeforeEach
    void signIn() {
        limits.clear();
        accounts.createUser("api-admin", ApiWriteIntegrationTests.PASSWORD, AccountRole.ADMIN);
        admin = tokens.create("api-admin", "test client").secret();
    }

    @Test
    void readsAnUnknownKindAsTheKnownOneItIsMappedTo() throws Exception {
        String location =
                start(post("/api/imports").param("kindMappings", "party congress report → report; sermon -> speech"));

        finished(location)
                .andExpect(jsonPath("$.status").value("SUCCEEDED"))
                .andExpect(jsonPath("$.recordsImported").value(4))
                .andExpect(jsonPath("$.linesRejected").value(0));
        assertThat(kindsOfRecords()).isEqualTo("GOVERNMENT_WORK_REPORT REPORT REPORT REPORT STUDY_SESSION");
        assertThat(kinds.all()).hasSize(22);
    }

    @Test
    void addsTheUnknownKindsWhenAnAdminAsks() throws Exception {
        // an import, and so the kinds it adds, is for admins only
        accounts.createUser("api-editor", ApiWriteIntegrationTests.PASSWORD, AccountRole.EDITOR);
        String editor = tokens.create("api-editor", "test client").secret();
        mvc.perform(ApiWriteIntegrationTests.withToken(
                        post("/api/imports")
                                .param("createKinds", "true")
                                .contentType("application/x-ndjson")
                                .content(SharedCorpus.congressReports()),
                        editor))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(PROBLEM));
        assertThat(kinds.all()).hasSize(22);

        String location = start(post("/api/imports").param("createKinds", "true"));

        finished(location)
                .andExpect(jsonPath("$.recordsImported").value(4))
                .andExpect(jsonPath("$.linesRejected").value(0));
        assertThat(kinds.find(RecordKind.valueOf("PARTY_CONGRESS_REPORT"))
                        .orElseThrow()
                        .englishName())
                .isEqualTo("Party congress report");
        assertThat(kindsOfRecords())
                .isEqualTo("GOVERNMENT_WORK_REPORT PARTY_CONGRESS_REPORT PARTY_CONGRESS_REPORT PARTY_CONGRESS_REPORT"
                        + " STUDY_SESSION");
        assertThat(jdbc.sql("select action || ' ' || object_id || ' by ' || username from audit_event"
                                + " where action like 'KIND%'")
                        .query(String.class)
                        .list())
                .containsExactly("KIND_CREATED party-congress-report by api-admin");
    }

    @Test
    void answersMappingsItCannotReadWithAProblemAndImportsNothing() throws Exception {
        refused("kindMappings", "party congress report")
                .andExpect(jsonPath("$.detail")
                        .value("Kind mapping 1, “party congress report”, is not a mapping: write the kind as the file"
                                + " spells it, an arrow (→, -> or =), and a kind of the archive."));
        refused("kindMappings", "party congress report → homily")
                .andExpect(jsonPath("$.detail")
                        .value(startsWith(
                                "Kind mapping 1 names “homily”, which is not a kind of the archive. The kinds are:"
                                        + " study session,")));
        refused("createKinds", "maybe");
        assertThat(jdbc.sql("select count(*) from import_job").query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from record").query(Long.class).single())
                .isEqualTo(1);
        assertThat(kinds.all()).hasSize(22);
    }

    private String start(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(ApiWriteIntegrationTests.withToken(
                        request.contentType("application/x-ndjson").content(SharedCorpus.congressReports()), admin))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getHeader("Location");
    }

    private ResultActions finished(String location) throws Exception {
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> mvc.perform(ApiWriteIntegrationTests.withToken(get(location), admin))
                        .andExpect(jsonPath("$.finished").value(true)));
        return mvc.perform(ApiWriteIntegrationTests.withToken(get(location), admin));
    }

    private ResultActions refused(String parameter, String value) throws Exception {
        return mvc.perform(ApiWriteIntegrationTests.withToken(
                        post("/api/imports")
                                .param(parameter, value)
                                .contentType("application/x-ndjson")
                                .content(SharedCorpus.congressReports()),
                        admin))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(PROBLEM))
                .andExpect(jsonPath("$.parameter").value(parameter));
    }

    private String kindsOfRecords() {
        return jdbc.sql("select kind from record order by kind").query(String.class).list().stream()
                .collect(Collectors.joining(" "));
    }
}
