package org.policyarchive.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyarchive.account.AccountTestSupport.PASSWORD;
import static org.policyarchive.account.AccountTestSupport.forbiddenPage;
import static org.policyarchive.account.AccountTestSupport.page;
import static org.policyarchive.account.AccountTestSupport.signIn;
import static org.policyarchive.account.AccountTestSupport.uniqueAddress;
import static org.policyarchive.account.AccountTestSupport.uniqueUsername;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.policyarchive.audit.AuditEvent;
import org.policyarchive.audit.AuditLog;
import org.policyarchive.audit.AuditQuery;
import org.policyarchive.testing.CleanArchive;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.domain.Pageable;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@SpringBootTest
@AutoConfigureMockMvc
@CleanArchive
class LoginIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    AuditLog auditLog;

    @Test
    void sendsAnonymousUsersFromAdminPagesToTheLoginPage() throws Exception {
        for (String url : new String[] {"/admin", "/admin/users", "/admin/audit", "/admin/records/anything"}) {
            mvc.perform(get(url))
                    .andExpect(status().isFound())
                    .andExpect(result ->
                            assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login"));
        }
        mvc.perform(get("/account/password")).andExpect(status().isFound());
    }

    @Test
    void showsTheLoginPageWithLabelledFields() throws Exception {
        Document login =
                Jsoup.parse(mvc.perform(get("/login")).andReturn().getResponse().getContentAsString());

        assertThat(login.select("h1").text()).isEqualTo("Sign in");
        assertThat(login.select("label[for=username]").text()).isEqualTo("Username");
        assertThat(login.select("label[for=password]").text()).isEqualTo("Password");
        assertThat(login.select("main form input[name=_csrf]")).hasSize(1);
    }

    @Test
    void refusesFormsWithoutCsrfToken() throws Exception {
        MvcResult denied = mvc.perform(
                        post("/login").param("username", "someone").param("password", "whatever"))
                .andReturn();
        assertThat(forbiddenPage(mvc, denied).select("main p").first().text())
                .isEqualTo("Your session expired before you signed in. Sign in again.");

        mvc.perform(post("/logout").with(user("editor").roles("EDITOR"))).andExpect(status().isForbidden());
    }

    @Test
    void signsInWithTheRightPasswordAndRecordsIt() throws Exception {
        String username = uniqueUsername("editor");
        accounts.createUser(username, PASSWORD, AccountRole.EDITOR);

        MvcResult result = signIn(mvc, username, PASSWORD);

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(page(mvc, "/admin", (MockHttpSession) result.getRequest().getSession())
                        .select("main p")
                        .first()
                        .text())
                .isEqualTo("Signed in as " + username + " (Editor).");
        assertThat(events(username, "LOGIN")).hasSize(1);
    }

    @Test
    void acceptsTheUsernameInAnyCase() throws Exception {
        String username = uniqueUsername("Mixed");
        accounts.createUser(username, PASSWORD, AccountRole.EDITOR);

        assertThat(signIn(mvc, username.toLowerCase(), PASSWORD).getResponse().getRedirectedUrl())
                .isEqualTo("/");
    }

    @Test
    void refusesAWrongPasswordWithAMessage() throws Exception {
        String username = uniqueUsername("editor");
        accounts.createUser(username, PASSWORD, AccountRole.EDITOR);
        MockHttpSession session = new MockHttpSession();

        MvcResult result = signIn(mvc, session, username, "not the password", uniqueAddress());

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(page(mvc, "/login?error", session).select("#login-error").text())
                .isEqualTo("Wrong username or password.");
        assertThat(events(username, "LOGIN_FAILED"))
                .singleElement()
                .extracting(AuditEvent::getDetails)
                .isEqualTo("wrong username or password");
    }

    @Test
    void refusesADisabledUser() throws Exception {
        String username = uniqueUsername("gone");
        accounts.createUser(username, PASSWORD, AccountRole.EDITOR);
        accounts.disable(username);
        MockHttpSession session = new MockHttpSession();

        MvcResult result = signIn(mvc, session, username, PASSWORD, uniqueAddress());

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(page(mvc, "/login?error", session).select("#login-error").text())
                .isEqualTo("This account is disabled. Ask an admin to enable it.");
        mvc.perform(get("/admin").session(session)).andExpect(status().isFound());
    }

    @Test
    void doesNotRevealThatAnAccountIsDisabledWithoutItsPassword() throws Exception {
        String username = uniqueUsername("gone");
        accounts.createUser(username, PASSWORD, AccountRole.EDITOR);
        accounts.disable(username);
        MockHttpSession session = new MockHttpSession();

        signIn(mvc, session, username, "not the password", uniqueAddress());

        assertThat(page(mvc, "/login?error", session).select("#login-error").text())
                .isEqualTo("Wrong username or password.");
    }

    @Test
    void keepsTheUsernameButNeverThePasswordAfterAFailedSignIn() throws Exception {
        String username = uniqueUsername("forgetful") + "\"><b>";
        MockHttpSession session = new MockHttpSession();

        signIn(mvc, session, username, "the wrong password", uniqueAddress());

        Document again = page(mvc, "/login?error", session);
        assertThat(again.selectFirst("#username").val()).isEqualTo(username);
        assertThat(again.select("main b"))
                .as("the username is text, not markup")
                .isEmpty();
        assertThat(again.selectFirst("#password").val()).isEmpty();
        assertThat(again.select("#password[value]")).isEmpty();
        assertThat(again.select("[autofocus]"))
                .extracting(element -> element.id())
                .containsExactly("password");
        assertThat(again.html()).doesNotContain("the wrong password");

        Document later = page(mvc, "/login", session);
        assertThat(later.selectFirst("#username").val())
                .as("kept for the next form only")
                .isEmpty();
        assertThat(later.select("[autofocus]"))
                .extracting(element -> element.id())
                .containsExactly("username");
    }

    @Test
    void throttlesAnAccountAfterFiveFailuresFromAnyAddresses() throws Exception {
        String username = uniqueUsername("target");
        accounts.createUser(username, PASSWORD, AccountRole.EDITOR);
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            signIn(mvc, username, "guess " + i);
        }
        MockHttpSession session = new MockHttpSession();

        MvcResult result = signIn(mvc, session, username, PASSWORD, uniqueAddress());

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(page(mvc, "/login?error", session).select("#login-error").text())
                .isEqualTo("Too many failed attempts; try again in 15 minutes.");
        assertThat(events(username, "LOGIN_THROTTLED")).hasSize(1);
        assertThat(events(username, "LOGIN")).isEmpty();
    }

    @Test
    void throttlesAnAddressAfterFiveFailuresForAnyAccounts() throws Exception {
        String address = uniqueAddress();
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            signIn(mvc, new MockHttpSession(), uniqueUsername("nobody"), "guess", address);
        }
        String username = uniqueUsername("bystander");
        accounts.createUser(username, PASSWORD, AccountRole.EDITOR);
        MockHttpSession session = new MockHttpSession();

        signIn(mvc, session, username, PASSWORD, address);

        assertThat(page(mvc, "/login?error", session).select("#login-error").text())
                .isEqualTo("Too many failed attempts; try again in 15 minutes.");
        assertThat(signIn(mvc, new MockHttpSession(), username, PASSWORD, uniqueAddress())
                        .getResponse()
                        .getRedirectedUrl())
                .as("the same account from another address")
                .isEqualTo("/");
    }

    @Test
    void successfulSignInResetsTheAccountCounter() throws Exception {
        String username = uniqueUsername("forgetful");
        accounts.createUser(username, PASSWORD, AccountRole.EDITOR);
        for (int i = 0; i < LoginThrottle.MAX_FAILURES - 1; i++) {
            signIn(mvc, username, "guess " + i);
        }
        assertThat(signIn(mvc, username, PASSWORD).getResponse().getRedirectedUrl())
                .isEqualTo("/");
        for (int i = 0; i < LoginThrottle.MAX_FAILURES - 1; i++) {
            signIn(mvc, username, "guess again " + i);
        }

        assertThat(signIn(mvc, username, PASSWORD).getResponse().getRedirectedUrl())
                .isEqualTo("/");
    }

    @Test
    void renewsTheSessionAtSignIn() throws Exception {
        String username = uniqueUsername("editor");
        accounts.createUser(username, PASSWORD, AccountRole.EDITOR);
        MockHttpSession session = new MockHttpSession();
        String before = session.getId();

        MvcResult result = signIn(mvc, session, username, PASSWORD, uniqueAddress());

        assertThat(result.getRequest().getSession().getId()).isNotEqualTo(before);
    }

    @Test
    void signsOutAndSaysSo() throws Exception {
        String username = uniqueUsername("editor");
        accounts.createUser(username, PASSWORD, AccountRole.EDITOR);
        MockHttpSession session =
                (MockHttpSession) signIn(mvc, username, PASSWORD).getRequest().getSession();
        mvc.perform(get("/admin").session(session)).andExpect(status().isOk());

        MvcResult result = mvc.perform(post("/logout").session(session).with(csrf()))
                .andExpect(status().isFound())
                .andReturn();

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/login?logout");
        assertThat(Jsoup.parse(mvc.perform(get("/login?logout"))
                                .andReturn()
                                .getResponse()
                                .getContentAsString())
                        .select("[role=status]")
                        .text())
                .isEqualTo("You have signed out.");
        mvc.perform(get("/admin").session(session)).andExpect(status().isFound());
        assertThat(events(username, "LOGOUT")).hasSize(1);
    }

    @Test
    void letsAnEditorOpenTheAdminHomeButNotAdminOnlyPages() throws Exception {
        String username = uniqueUsername("editor");
        accounts.createUser(username, PASSWORD, AccountRole.EDITOR);
        MockHttpSession session =
                (MockHttpSession) signIn(mvc, username, PASSWORD).getRequest().getSession();

        Document home = page(mvc, "/admin", session);
        assertThat(home.select("h1").text()).isEqualTo("Admin");
        assertThat(home.select("main a").eachText())
                .contains("Records", "People", "Themes", "Upload a file")
                .doesNotContain("Users", "Audit log", "Bulk imports", "Fixity check", "Search index");

        for (String url : new String[] {"/admin/users", "/admin/audit", "/admin/imports", "/admin/users/new"}) {
            MvcResult denied = mvc.perform(get(url).session(session)).andReturn();
            assertThat(forbiddenPage(mvc, denied).select("main p").first().text())
                    .isEqualTo("Your account does not have the role this page needs. Ask an admin if you need it.");
        }
    }

    @Test
    void showsAdminsTheirSections() throws Exception {
        Document home = Jsoup.parse(mvc.perform(get("/admin").with(user("boss").roles("ADMIN")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());

        assertThat(home.select("main a").eachText())
                .contains(
                        "Records",
                        "People",
                        "Themes",
                        "Upload a file",
                        "Bulk imports",
                        "Fixity check",
                        "Search index",
                        "Users",
                        "Audit log",
                        "Change your password");
        assertThat(home.select("header form[action$=/logout] button").text()).isEqualTo("Sign out");
    }

    private java.util.List<AuditEvent> events(String username, String action) {
        return auditLog.search(new AuditQuery(username, action, "user", null, null), Pageable.ofSize(50))
                .getContent();
    }
}
