package org.policyarchive.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policyarchive.account.AccountRole;
import org.policyarchive.account.ApiTokens;
import org.policyarchive.account.UserAccounts;
import org.policyarchive.record.RecordCatalog;
import org.policyarchive.record.RecordEditor;
import org.policyarchive.record.RecordStatus;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.Drafts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
@AutoConfigureMockMvc
@CleanArchive
class ApiWriteIntegrationTests {

    static final String SEED_SLUG = ApiReadIntegrationTests.SEED_SLUG;
    static final String PROBLEM = ApiReadIntegrationTests.PROBLEM;
    static final String PASSWORD = "correct horse battery";

    static final String NEW_RECORD = """
            {"slug": "granary-speech-2024-05-01", "title": "A speech on granaries", "date": "2024-05-01",
             "kind": "speech", "language": "en", "place": "Zhengzhou", "organization": "State Council",
             "summary": "Grain reserves.", "speakers": [{"name": "Jane Granary", "role": "spoke",
             "office": "Minister"}], "themes": ["Digital economy"], "body": "First paragraph.\\n\\nSecond one.",
             "source": "The archive's test", "notes": ["A note."], "comment": "made through the API"}
            """;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    ApiTokens tokens;

    @Autowired
    RecordCatalog catalog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RateLimits limits;

    @Autowired
    RecordEditor editor;

    @BeforeEach
    void forgetRequestCounts() {
        limits.clear();
    }

    String tokenOf(String username, AccountRole role) {
        accounts.createUser(username, PASSWORD, role);
        return tokens.create(username, "test client").secret();
    }

    static MockHttpServletRequestBuilder withToken(MockHttpServletRequestBuilder request, String token) {
        return request.header("Authorization", "Bearer " + token);
    }

    static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    List<Map<String, Object>> audit(String action) {
        return jdbc.sql(
                        "select username, object_type, object_id, details from audit_event where action = ? order by id")
                .param(action)
                .query()
                .listOfRows();
    }

    @Test
    void exportsTheWholeArchiveToAnEditorsTokenOnly() throws Exception {
        editor.create(
                Drafts.speech("A draft on granaries").status(RecordStatus.DRAFT).build(), "test", null);
        String token = tokenOf("api-exporter", AccountRole.EDITOR);

        MvcResult export = mvc.perform(
                        withToken(get("/api/export"), token).header("Origin", "https://elsewhere.example"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/x-ndjson;charset=UTF-8"))
                .andExpect(header().doesNotExist("Access-Control-Allow-Origin"))
                .andReturn();
        List<JsonNode> lines = export.getResponse()
                .getContentAsString(StandardCharsets.UTF_8)
                .lines()
                .map(line -> JsonMapper.shared().readTree(line))
                .filter(line -> !line.has("type"))
                .toList();
        assertThat(lines)
                .extracting(line -> line.get("title").asString())
                .containsExactlyInAnyOrder(
                        catalog.findBySlug(SEED_SLUG).orElseThrow().getTitle(), "A draft on granaries");
        assertThat(export.getResponse().getHeader("Content-Disposition"))
                .startsWith("attachment; filename=\"policy-archive-everything-");

        mvc.perform(withToken(get("/api/export").param("scope", "published").param("format", "csv"), token))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"));
        mvc.perform(withToken(get("/api/export").param("format", "xml"), token))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.parameter").value("format"));
        mvc.perform(get("/api/export"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(header().string("WWW-Authenticate", startsWith("Bearer")));
    }

    @Test
    void createsARecordWithAnEditorsTokenAndAuditsTheTokensUse() throws Exception {
        String token = tokenOf("api-editor", AccountRole.EDITOR);

        mvc.perform(withToken(json(post("/api/records"), NEW_RECORD), token))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "http://localhost/api/records/granary-speech-2024-05-01"))
                .andExpect(header().doesNotExist("Set-Cookie"))
                .andExpect(request ->
                        assertThat(request.getRequest().getSession(false)).isNull())
                .andExpect(jsonPath("$.title").value("A speech on granaries"))
                .andExpect(jsonPath("$.speakers[0].name").value("Jane Granary"))
                .andExpect(jsonPath("$.speakers[0].office").value("Minister"))
                .andExpect(jsonPath("$.themes", contains("Digital economy")))
                .andExpect(jsonPath("$.body").value("First paragraph.\n\nSecond one."))
                .andExpect(jsonPath("$.notes", contains("A note.")))
                .andExpect(jsonPath("$.status").value("published"))
                .andExpect(jsonPath("$.version").value(0));

        mvc.perform(get("/api/records/granary-speech-2024-05-01")).andExpect(status().isOk());
        assertThat(catalog.findBySlug("granary-speech-2024-05-01").orElseThrow().getUpdatedBy())
                .isEqualTo("api-editor");
        long tokenId = tokens.list("api-editor", false).get(0).id();
        assertThat(audit("API_TOKEN_USED"))
                .containsExactly(Map.of(
                        "username", "api-editor",
                        "object_type", "api-token",
                        "object_id", String.valueOf(tokenId),
                        "details", "POST /api/records"));
        assertThat(audit("RECORD_CREATED"))
                .singleElement()
                .satisfies(entry -> assertThat(entry.get("username")).isEqualTo("api-editor"));
        assertThat(tokens.list("api-editor", false).get(0).lastUsedAt()).isNotNull();
    }

    @Test
    void refusesWritesWithoutAToken() throws Exception {
        mvc.perform(json(post("/api/records"), NEW_RECORD))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", startsWith("Bearer")))
                .andExpect(content().contentType(PROBLEM))
                .andExpect(jsonPath("$.status").value(401));
        mvc.perform(json(post("/api/records"), NEW_RECORD).header("Authorization", "Bearer pa_not-a-real-token"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(PROBLEM));
        mvc.perform(json(post("/api/records"), NEW_RECORD).header("Authorization", "Basic YWRtaW46YWRtaW4="))
                .andExpect(status().isUnauthorized());
        assertThat(catalog.existsBySlug("granary-speech-2024-05-01")).isFalse();
    }

    @Test
    void givesASignedInBrowserNoWritesThroughTheApi() throws Exception {
        accounts.createUser("browser-editor", PASSWORD, AccountRole.EDITOR);
        MockHttpSession session = new MockHttpSession();
        MvcResult signIn = mvc.perform(post("/login")
                        .session(session)
                        .param("username", "browser-editor")
                        .param("password", PASSWORD)
                        .with(csrf()))
                .andReturn();
        assertThat(signIn.getResponse().getRedirectedUrl()).isEqualTo("/");
        mvc.perform(get("/admin").session(session)).andExpect(status().isOk());

        mvc.perform(json(post("/api/records"), NEW_RECORD).session(session)).andExpect(status().isUnauthorized());
        mvc.perform(json(post("/api/records"), NEW_RECORD).session(session).with(csrf()))
                .andExpect(status().isUnauthorized());
        assertThat(catalog.existsBySlug("granary-speech-2024-05-01")).isFalse();
    }

    @Test
    void namesEachFieldThatBreaksTheRecordsRules() throws Exception {
        String token = tokenOf("api-editor", AccountRole.EDITOR);

        mvc.perform(withToken(json(post("/api/records"), """
                                {"kind": "speech", "language": "en", "date": "2024-02-30", "body": "Text.",
                                 "speakers": [{"name": "Jane", "role": "spoke"}, {"name": "Jane", "role": "spoke"}]}
                                """), token))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentType(PROBLEM))
                .andExpect(jsonPath("$.errors[*].field", contains("title", "date", "speakers[1].name")));
        mvc.perform(withToken(json(post("/api/records"), "{\"title\": \"Broken"), token))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(PROBLEM))
                .andExpect(jsonPath("$.detail", startsWith("The line is not valid JSON")));
        mvc.perform(withToken(json(post("/api/records"), "{\"title\": \"x\", \"kind\": \"sonnet\"}"), token))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath(
                        "$.detail",
                        startsWith("Unknown kind “sonnet”. The kinds this archive knows: study session, ")));
        mvc.perform(withToken(
                        post("/api/records").contentType(MediaType.TEXT_PLAIN).content("hello"), token))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentType(PROBLEM));
        mvc.perform(withToken(json(put("/api/records/" + SEED_SLUG), "{\"title\": \"No version\"}"), token))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("version"));
        mvc.perform(withToken(json(put("/api/records/no-such-record/status"), "{\"status\": \"withdrawn\"}"), token))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(PROBLEM));
        mvc.perform(withToken(json(put("/api/records/" + SEED_SLUG + "/status"), "{\"status\": \"gone\"}"), token))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        mvc.perform(withToken(json(put("/api/records/" + SEED_SLUG + "/status"), "[1]"), token))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(PROBLEM));
        byte[] huge = new byte[RecordApiController.MAX_BODY_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) ' ');
        mvc.perform(withToken(
                        post("/api/records")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(huge),
                        token))
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentType(PROBLEM));
        assertThat(audit("API_TOKEN_USED")).hasSize(9);
    }

    @Test
    void changesARecordWithItsVersionAndRefusesAStaleOneWithTheCurrentRecord() throws Exception {
        String token = tokenOf("api-editor", AccountRole.EDITOR);
        String created = mvc.perform(withToken(json(post("/api/records"), NEW_RECORD), token))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(created).contains("\"version\":0");
        String path = "/api/records/granary-speech-2024-05-01";

        String change = NEW_RECORD
                .replace("A speech on granaries", "A speech on grain")
                .replace("\"comment\"", "\"version\": 0, \"comment\"");
        String changed = mvc.perform(withToken(json(put(path), change), token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("A speech on grain"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long version =
                catalog.findBySlug("granary-speech-2024-05-01").orElseThrow().getVersion();
        assertThat(version).isPositive();
        assertThat(changed).contains("\"version\":" + version);

        String stale = NEW_RECORD
                .replace("A speech on granaries", "A stale title")
                .replace("\"comment\"", "\"version\": 0, \"comment\"");
        mvc.perform(withToken(json(put(path), stale), token))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(PROBLEM))
                .andExpect(jsonPath("$.current.title").value("A speech on grain"))
                .andExpect(jsonPath("$.current.version").value(version));
        assertThat(catalog.findBySlug("granary-speech-2024-05-01").orElseThrow().getTitle())
                .isEqualTo("A speech on grain");
        assertThat(audit("RECORD_UPDATED"))
                .singleElement()
                .satisfies(entry -> assertThat(entry.get("username")).isEqualTo("api-editor"));
    }

    @Test
    void withdrawsARecordThroughAStatusChange() throws Exception {
        String token = tokenOf("api-editor", AccountRole.EDITOR);

        mvc.perform(withToken(
                        json(
                                put("/api/records/" + SEED_SLUG + "/status"),
                                "{\"status\": \"withdrawn\", \"version\": 0, \"comment\": \"duplicate\"}"),
                        token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("withdrawn"))
                .andExpect(jsonPath("$.version").value(1));

        mvc.perform(get("/api/records/" + SEED_SLUG)).andExpect(status().isGone());
        mvc.perform(withToken(get("/api/records/" + SEED_SLUG), token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("withdrawn"));
        mvc.perform(withToken(
                        json(
                                put("/api/records/" + SEED_SLUG + "/status"),
                                "{\"status\": \"published\", \"version\": 0}"),
                        token))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.current.status").value("withdrawn"));
        assertThat(audit("RECORD_WITHDRAWN"))
                .singleElement()
                .satisfies(entry -> assertThat(entry.get("username")).isEqualTo("api-editor"));
        assertThat(audit("API_TOKEN_USED"))
                .extracting(entry -> entry.get("details"))
                .containsExactly(
                        "PUT /api/records/" + SEED_SLUG + "/status", "PUT /api/records/" + SEED_SLUG + "/status");
    }

    @Test
    void startsABulkImportWithAnAdminsTokenAndReportsItsProgress() throws Exception {
        String editor = tokenOf("api-editor", AccountRole.EDITOR);
        String admin = tokenOf("api-admin", AccountRole.ADMIN);
        String lines = NEW_RECORD.replace("\n", " ").strip() + "\n"
                + "{\"title\": \"Second imported\", \"kind\": \"statement\", \"language\": \"en\", \"body\": \"Text.\"}\n"
                + "{\"title\": \"No body\", \"kind\": \"statement\", \"language\": \"en\"}\n";

        mvc.perform(withToken(
                        post("/api/imports").contentType("application/x-ndjson").content(lines), editor))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(PROBLEM));
        MvcResult started = mvc.perform(withToken(
                        post("/api/imports")
                                .param("name", "two.jsonl")
                                .contentType("application/x-ndjson")
                                .content(lines),
                        admin))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.fileName").value("two.jsonl"))
                .andExpect(jsonPath("$.createdBy").value("api-admin"))
                .andReturn();
        String location = started.getResponse().getHeader("Location");
        assertThat(location).startsWith("http://localhost/api/imports/");

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> mvc.perform(withToken(get(location), admin))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.finished").value(true)));
        mvc.perform(withToken(get(location), admin))
                .andExpect(jsonPath("$.status").value("SUCCEEDED"))
                .andExpect(jsonPath("$.linesRead").value(3))
                .andExpect(jsonPath("$.recordsImported").value(2))
                .andExpect(jsonPath("$.linesRejected").value(1))
                .andExpect(jsonPath("$.percent").value(100));
        assertThat(catalog.existsBySlug("granary-speech-2024-05-01")).isTrue();
        mvc.perform(get(location)).andExpect(status().isUnauthorized());
        mvc.perform(withToken(get("/api/imports/999999"), admin))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(PROBLEM));
        mvc.perform(withToken(
                        post("/api/imports").contentType("application/x-ndjson").content(""), admin))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(PROBLEM));
        assertThat(audit("IMPORT_STARTED"))
                .singleElement()
                .satisfies(entry -> assertThat(entry.get("username")).isEqualTo("api-admin"));
    }

    @Test
    void refusesARevokedTokenAndTheTokenOfADisabledUser() throws Exception {
        String revoked = tokenOf("api-editor", AccountRole.EDITOR);
        tokens.revoke(tokens.list("api-editor", false).get(0).id(), "api-editor", false);
        String disabled = tokenOf("api-leaver", AccountRole.EDITOR);
        accounts.disable("api-leaver");

        for (String token : List.of(revoked, disabled)) {
            mvc.perform(withToken(json(post("/api/records"), NEW_RECORD), token))
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().contentType(PROBLEM))
                    .andExpect(jsonPath("$.detail")
                            .value("The token in the Authorization header is not valid: it is unknown or revoked, or"
                                    + " its user is disabled."));
            mvc.perform(withToken(get("/api/records"), token)).andExpect(status().isUnauthorized());
        }
        assertThat(audit("API_TOKEN_USED")).isEmpty();
    }
}
