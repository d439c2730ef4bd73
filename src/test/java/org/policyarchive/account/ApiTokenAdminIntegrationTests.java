package org.policyarchive.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyarchive.account.AccountTestSupport.PASSWORD;
import static org.policyarchive.account.AccountTestSupport.signIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.Pages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@SpringBootTest
@AutoConfigureMockMvc
@CleanArchive
class ApiTokenAdminIntegrationTests {

    static final String SEED_STATUS = "/api/records/state-council-study-session-digital-economy-2023-08-21/status";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcClient jdbc;

    MockHttpSession signedIn(String username, AccountRole role) throws Exception {
        accounts.createUser(username, PASSWORD, role);
        MvcResult result = signIn(mvc, username, PASSWORD);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
        return (MockHttpSession) result.getRequest().getSession();
    }

    Document tokensPage(MockHttpSession session) throws Exception {
        return Pages.load(mvc, get("/admin/api-tokens").session(session), 200);
    }

    String makeToken(MockHttpSession session, String name) throws Exception {
        Document created = Pages.load(
                mvc,
                post("/admin/api-tokens").param("name", name).session(session).with(csrf()),
                200);
        assertThat(created.select("#token-created-heading").text()).isEqualTo("Your new token “" + name + "”");
        return created.selectFirst("#token-secret").text();
    }

    int changeSeedStatus(String secret) throws Exception {
        return mvc.perform(put(SEED_STATUS)
                        .header("Authorization", "Bearer " + secret)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\": \"draft\"}"))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    @Test
    void showsANewTokenOnceKeepsOnlyItsHashAndRevokesIt() throws Exception {
        MockHttpSession editor = signedIn("token-editor", AccountRole.EDITOR);
        assertThat(tokensPage(editor).select("main p").eachText()).contains("No tokens yet.");

        String secret = makeToken(editor, "Nightly harvester");

        assertThat(secret).startsWith("pa_").hasSizeGreaterThan(40);
        Map<String, Object> row =
                jdbc.sql("select name, token_hash from api_token").query().singleRow();
        assertThat(row.get("name")).isEqualTo("Nightly harvester");
        assertThat(row.get("token_hash")).isEqualTo(ApiTokens.hash(secret)).isNotEqualTo(secret);
        assertThat(jdbc.sql("select count(*) from api_token where token_hash like ?")
                        .param("%" + secret.substring(3, 20) + "%")
                        .query(Long.class)
                        .single())
                .isZero();
        Document list = tokensPage(editor);
        assertThat(list.outerHtml()).doesNotContain(secret);
        Element token = list.selectFirst("table.tokens tbody tr");
        assertThat(token.select("th").text()).isEqualTo("Nightly harvester");
        assertThat(token.select("td").eachText()).contains("token-editor", "Never", "Active");

        assertThat(changeSeedStatus(secret)).isEqualTo(200);
        assertThat(tokensPage(editor).select("table.tokens tbody tr td").eachText())
                .doesNotContain("Never");

        MvcResult revoked = mvc.perform(post(token.selectFirst("form").attr("action"))
                        .session(editor)
                        .with(csrf()))
                .andReturn();
        assertThat(revoked.getResponse().getRedirectedUrl()).isEqualTo("/admin/api-tokens");
        assertThat(changeSeedStatus(secret)).isEqualTo(401);
        assertThat(tokensPage(editor).select("table.tokens tbody tr td").eachText())
                .anyMatch(text -> text.startsWith("Revoked by token-editor on ") && text.endsWith(" UTC"));
        assertThat(jdbc.sql("select action from audit_event where object_type = 'api-token' order by id")
                        .query(String.class)
                        .list())
                .containsExactly("API_TOKEN_CREATED", "API_TOKEN_USED", "API_TOKEN_REVOKED");
    }

    @Test
    void letsAnAdminSeeAndRevokeEveryonesTokensButAnEditorOnlyHisOwn() throws Exception {
        MockHttpSession editor = signedIn("token-editor", AccountRole.EDITOR);
        MockHttpSession other = signedIn("other-editor", AccountRole.EDITOR);
        MockHttpSession admin = signedIn("token-admin", AccountRole.ADMIN);
        String editorsSecret = makeToken(editor, "Editor's script");
        makeToken(other, "Other's script");
        long editorsToken = tokens.list("token-editor", false).get(0).id();

        assertThat(tokensPage(other).select("table.tokens tbody th").eachText()).containsExactly("Other's script");
        assertThat(tokensPage(admin).select("table.tokens tbody th").eachText())
                .containsExactlyInAnyOrder("Editor's script", "Other's script");

        mvc.perform(post("/admin/api-tokens/" + editorsToken + "/revoke")
                .session(other)
                .with(csrf()));
        assertThat(changeSeedStatus(editorsSecret)).isEqualTo(200);
        mvc.perform(post("/admin/api-tokens/" + editorsToken + "/revoke")
                .session(admin)
                .with(csrf()));
        assertThat(changeSeedStatus(editorsSecret)).isEqualTo(401);
        assertThat(tokens.list("token-editor", false))
                .singleElement()
                .satisfies(view -> assertThat(view.revokedBy()).isEqualTo("token-admin"));
    }

    @Test
    void refusesANamelessTokenAndKeepsTheTokensPageForSignedInUsers() throws Exception {
        MockHttpSession editor = signedIn("token-editor", AccountRole.EDITOR);
        Document refused = Pages.load(
                mvc,
                post("/admin/api-tokens").param("name", " ").session(editor).with(csrf()),
                200);
        assertThat(refused.select(".error-summary li").eachText()).isNotEmpty();
        assertThat(refused.select("#token-secret")).isEmpty();
        assertThat(jdbc.sql("select count(*) from api_token").query(Long.class).single())
                .isZero();

        assertThat(mvc.perform(get("/admin/api-tokens"))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .endsWith("/login");
        mvc.perform(post("/admin/api-tokens").param("name", "x").session(editor))
                .andExpect(status().isForbidden());
        assertThat(List.of(tokens.list("token-editor", false).size())).containsExactly(0);
    }
}
