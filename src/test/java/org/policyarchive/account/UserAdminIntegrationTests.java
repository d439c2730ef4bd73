package org.policyarchive.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyarchive.account.AccountTestSupport.PASSWORD;
import static org.policyarchive.account.AccountTestSupport.signIn;
import static org.policyarchive.account.AccountTestSupport.uniqueUsername;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.function.BiFunction;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.policyarchive.audit.AuditEvent;
import org.policyarchive.audit.AuditLog;
import org.policyarchive.audit.AuditQuery;
import org.policyarchive.system.Flash;
import org.policyarchive.testing.CleanArchive;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.domain.Pageable;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest
@AutoConfigureMockMvc
@CleanArchive
class UserAdminIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    AuditLog auditLog;

    static final String WEAK_PASSWORD_MESSAGE = "This password is too easy to guess";

    static final String PASSWORD_CHANGED_MESSAGE =
            "Your password was changed, so you were signed out. Sign in with the new password.";

    String admin;

    /** A repeated letter, a common password twice, and the username with one letter added. */
    static List<String> weakPasswordsFor(String username) {
        return List.of("aaaaaaaaaaaa", "passwordpassword", username + "x");
    }

    @BeforeEach
    void createAdmin() {
        admin = uniqueUsername("admin");
        accounts.createUser(admin, PASSWORD, AccountRole.ADMIN);
    }

    RequestPostProcessor asAdmin() {
        return user(admin).roles("ADMIN");
    }

    Document get(String url, RequestPostProcessor who) throws Exception {
        return page(MockMvcRequestBuilders.get(url).with(who));
    }

    /** Creates the editor {@code username} and signs in through the form: the session, where /admin opens. */
    MockHttpSession signedInEditor(String username) throws Exception {
        accounts.createUser(username, PASSWORD, AccountRole.EDITOR);
        MockHttpSession session =
                (MockHttpSession) signIn(mvc, username, PASSWORD).getRequest().getSession();
        mvc.perform(MockMvcRequestBuilders.get("/admin").session(session)).andExpect(status().isOk());
        return session;
    }

    /** The page a request shows, with a 200: a form shown again with what is wrong in it. */
    Document page(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    List<AuditEvent> audit(String action, String objectId) {
        return auditLog.search(new AuditQuery(admin, action, "user", null, null), Pageable.ofSize(50)).stream()
                .filter(event -> objectId.equals(event.getObjectId()))
                .toList();
    }

    @Nested
    class Creating {

        @Test
        void createsAnEditorWhoCanSignIn() throws Exception {
            String username = uniqueUsername("new-editor");

            mvc.perform(post("/admin/users")
                            .with(asAdmin())
                            .with(csrf())
                            .param("username", username)
                            .param("role", "EDITOR")
                            .param("password", PASSWORD))
                    .andExpect(redirectedUrl("/admin/users"))
                    .andExpect(flash().attribute(Flash.ATTRIBUTE, new Flash("users.created.flash", username)));

            Document list = get("/admin/users", asAdmin());
            assertThat(list.select("#user-" + username).text()).contains(username, "Editor", "Enabled");
            assertThat(list.select("tbody tr").eachAttr("id"))
                    .containsExactlyInAnyOrder("user-" + admin, "user-" + username);
            assertThat(signIn(mvc, username, PASSWORD).getResponse().getRedirectedUrl())
                    .isEqualTo("/");
            assertThat(audit("USER_CREATED", username))
                    .singleElement()
                    .extracting(AuditEvent::getDetails)
                    .isEqualTo("role=EDITOR");
        }

        @Test
        void showsTheCreationFormWithLabels() throws Exception {
            Document form = get("/admin/users/new", asAdmin());

            assertThat(form.select("h1").text()).isEqualTo("Create a user");
            assertThat(form.select("label[for=username]").text()).isEqualTo("Username");
            assertThat(form.select("label[for=password]").text()).isEqualTo("Initial password");
            assertThat(form.select("fieldset legend").text()).isEqualTo("Role");
            assertThat(form.select("#password-hint").text())
                    .startsWith("At least 12 characters, not a common password");
        }

        @Test
        void refusesAShortPasswordAndKeepsTheUsername() throws Exception {
            String username = uniqueUsername("short");

            Document form = page(post("/admin/users")
                    .with(asAdmin())
                    .with(csrf())
                    .param("username", username)
                    .param("role", "ADMIN")
                    .param("password", "short"));

            assertThat(form.select("#password-error").text())
                    .isEqualTo("The password must have at least 12 characters.");
            assertThat(form.select("#username").val()).isEqualTo(username);
            assertThat(form.select("#password").val()).isEmpty();
            assertThat(accounts.findByUsername(username)).isEmpty();
        }

        @Test
        void refusesAPasswordThatIsEasyToGuess() throws Exception {
            String username = uniqueUsername("weak");

            for (String weak : weakPasswordsFor(username)) {
                Document form = page(post("/admin/users")
                        .with(asAdmin())
                        .with(csrf())
                        .param("username", username)
                        .param("role", "EDITOR")
                        .param("password", weak));

                assertThat(form.select("#password-error").text()).as(weak).startsWith(WEAK_PASSWORD_MESSAGE);
                assertThat(form.select("#username").val()).isEqualTo(username);
            }
            assertThat(accounts.findByUsername(username)).isEmpty();
        }

        @Test
        void refusesATakenUsernameInAnyCase() throws Exception {
            Document form = Jsoup.parse(mvc.perform(post("/admin/users")
                            .with(asAdmin())
                            .with(csrf())
                            .param("username", admin.toUpperCase())
                            .param("role", "EDITOR")
                            .param("password", PASSWORD))
                    .andReturn()
                    .getResponse()
                    .getContentAsString());

            assertThat(form.select("#username-error").text()).isEqualTo("This username is taken.");
        }

        @Test
        void refusesAMalformedUsernameAndAMissingRole() throws Exception {
            Document form = Jsoup.parse(mvc.perform(post("/admin/users")
                            .with(asAdmin())
                            .with(csrf())
                            .param("username", "<b>x</b>")
                            .param("password", PASSWORD))
                    .andReturn()
                    .getResponse()
                    .getContentAsString());

            assertThat(form.select("#username-error").text()).startsWith("Usernames are 3 to 100 letters");
            // the summary lists what is wrong, as every form's does
            assertThat(form.select("[role=alert]").text())
                    .isEqualTo("Please correct the fields marked below. Usernames are 3 to 100 letters, digits, dots,"
                            + " hyphens, underscores or @, starting with a letter or digit.");
        }
    }

    @Nested
    class Disabling {

        @Test
        void disablesAndEnablesAUser() throws Exception {
            String username = uniqueUsername("leaver");
            accounts.createUser(username, PASSWORD, AccountRole.EDITOR);

            mvc.perform(post("/admin/users/{name}/disable", username)
                            .with(asAdmin())
                            .with(csrf()))
                    .andExpect(redirectedUrl("/admin/users"))
                    .andExpect(flash().attribute(Flash.ATTRIBUTE, new Flash("users.disabled.flash", username)));

            assertThat(get("/admin/users", asAdmin())
                            .select("#user-" + username)
                            .text())
                    .contains("Disabled");
            assertThat(signIn(mvc, username, PASSWORD).getResponse().getRedirectedUrl())
                    .isEqualTo("/login?error");

            mvc.perform(post("/admin/users/{name}/enable", username)
                            .with(asAdmin())
                            .with(csrf()))
                    .andExpect(redirectedUrl("/admin/users"));

            assertThat(signIn(mvc, username, PASSWORD).getResponse().getRedirectedUrl())
                    .isEqualTo("/");
            assertThat(audit("USER_DISABLED", username)).hasSize(1);
            assertThat(audit("USER_ENABLED", username)).hasSize(1);
        }

        @Test
        void signsOutAUserWhoIsDisabledWhileSignedIn() throws Exception {
            String username = uniqueUsername("signedin");
            MockHttpSession session = signedInEditor(username);

            mvc.perform(post("/admin/users/{name}/disable", username)
                            .with(asAdmin())
                            .with(csrf()))
                    .andExpect(redirectedUrl("/admin/users"));

            mvc.perform(MockMvcRequestBuilders.get("/admin").session(session))
                    .andExpect(redirectedUrl("/login?disabled"));
            assertThat(session.isInvalid()).isTrue();
            assertThat(get("/login?disabled", request -> request)
                            .select("#login-error")
                            .text())
                    .isEqualTo("This account is disabled. Ask an admin to enable it.");
        }

        @Test
        void doesNotLetAnAdminDisableThemselves() throws Exception {
            mvc.perform(post("/admin/users/{name}/disable", admin)
                            .with(asAdmin())
                            .with(csrf()))
                    .andExpect(redirectedUrl("/admin/users"))
                    .andExpect(flash().attribute(Flash.ATTRIBUTE, new Flash("users.cannotDisableSelf", admin)));

            assertThat(accounts.findByUsername(admin).orElseThrow().isEnabled()).isTrue();
        }

        @Test
        void answersNotFoundForAnUnknownUser() throws Exception {
            mvc.perform(post("/admin/users/{name}/disable", uniqueUsername("nobody"))
                            .with(asAdmin())
                            .with(csrf()))
                    .andExpect(status().isNotFound());
        }
    }

    @Nested
    class Passwords {

        @Test
        void resetsAPassword() throws Exception {
            String username = uniqueUsername("forgot");
            accounts.createUser(username, PASSWORD, AccountRole.EDITOR);
            Document form = get("/admin/users/" + username + "/password", asAdmin());
            assertThat(form.select("h1").text()).isEqualTo("Reset the password of " + username);

            mvc.perform(post("/admin/users/{name}/password", username)
                            .with(asAdmin())
                            .with(csrf())
                            .param("password", "a brand new secret"))
                    .andExpect(redirectedUrl("/admin/users"))
                    .andExpect(flash().attribute(Flash.ATTRIBUTE, new Flash("users.reset.flash", username)));

            assertThat(signIn(mvc, username, PASSWORD).getResponse().getRedirectedUrl())
                    .isEqualTo("/login?error");
            assertThat(signIn(mvc, username, "a brand new secret").getResponse().getRedirectedUrl())
                    .isEqualTo("/");
            assertThat(audit("PASSWORD_RESET", username)).hasSize(1);
        }

        @Test
        void refusesAShortResetPassword() throws Exception {
            String username = uniqueUsername("forgot");
            accounts.createUser(username, PASSWORD, AccountRole.EDITOR);

            Document form = page(post("/admin/users/{name}/password", username)
                    .with(asAdmin())
                    .with(csrf())
                    .param("password", "tiny"));

            assertThat(form.select("#password-error").text())
                    .isEqualTo("The password must have at least 12 characters.");
            assertThat(accounts.passwordMatches(username, PASSWORD)).isTrue();
        }

        @Test
        void refusesAResetPasswordThatIsEasyToGuess() throws Exception {
            refusesWeakPasswords(
                    "password",
                    (username, weak) -> post("/admin/users/{name}/password", username)
                            .with(asAdmin())
                            .with(csrf())
                            .param("password", weak));
        }

        @Test
        void refusesAnOwnPasswordThatIsEasyToGuess() throws Exception {
            refusesWeakPasswords(
                    "newPassword",
                    (username, weak) -> post("/account/password")
                            .with(user(username).roles("EDITOR"))
                            .with(csrf())
                            .param("currentPassword", PASSWORD)
                            .param("newPassword", weak)
                            .param("confirmation", weak));
        }

        /** Posts each weak password for a new user with {@code form}: refused beside {@code field}, nothing changed. */
        void refusesWeakPasswords(String field, BiFunction<String, String, MockHttpServletRequestBuilder> form)
                throws Exception {
            String username = uniqueUsername("careless");
            accounts.createUser(username, PASSWORD, AccountRole.EDITOR);

            for (String weak : weakPasswordsFor(username)) {
                assertThat(page(form.apply(username, weak))
                                .select("#" + field + "-error")
                                .text())
                        .as(weak)
                        .startsWith(WEAK_PASSWORD_MESSAGE);
            }
            assertThat(accounts.passwordMatches(username, PASSWORD)).isTrue();
        }

        @Test
        void letsAUserChangeTheirOwnPassword() throws Exception {
            String username = uniqueUsername("careful");
            accounts.createUser(username, PASSWORD, AccountRole.EDITOR);
            RequestPostProcessor self = user(username).roles("EDITOR");

            mvc.perform(post("/account/password")
                            .with(self)
                            .with(csrf())
                            .param("currentPassword", PASSWORD)
                            .param("newPassword", "my own new secret")
                            .param("confirmation", "my own new secret"))
                    .andExpect(redirectedUrl("/account/password"))
                    .andExpect(flash().attribute(Flash.ATTRIBUTE, new Flash("password.changed.flash", username)));

            assertThat(accounts.passwordMatches(username, "my own new secret")).isTrue();
            assertThat(auditLog.search(
                            new AuditQuery(username, "PASSWORD_CHANGED", "user", null, null), Pageable.ofSize(5)))
                    .hasSize(1);
        }

        @Test
        void requiresTheCurrentPasswordAndAMatchingConfirmation() throws Exception {
            String username = uniqueUsername("careful");
            accounts.createUser(username, PASSWORD, AccountRole.EDITOR);
            RequestPostProcessor self = user(username).roles("EDITOR");

            Document wrongCurrent = Jsoup.parse(mvc.perform(post("/account/password")
                            .with(self)
                            .with(csrf())
                            .param("currentPassword", "not my password")
                            .param("newPassword", "my own new secret")
                            .param("confirmation", "my own new secret"))
                    .andReturn()
                    .getResponse()
                    .getContentAsString());
            Document mismatch = Jsoup.parse(mvc.perform(post("/account/password")
                            .with(self)
                            .with(csrf())
                            .param("currentPassword", PASSWORD)
                            .param("newPassword", "my own new secret")
                            .param("confirmation", "my own new secreT"))
                    .andReturn()
                    .getResponse()
                    .getContentAsString());

            assertThat(wrongCurrent.select("#currentPassword-error").text())
                    .isEqualTo("The current password is wrong.");
            assertThat(mismatch.select("#confirmation-error").text()).isEqualTo("The two new passwords differ.");
            assertThat(accounts.passwordMatches(username, PASSWORD)).isTrue();
        }

        @Test
        void showsThePasswordFormToSignedInUsers() throws Exception {
            Document form = get("/account/password", user("someone").roles("EDITOR"));

            assertThat(form.select("main label").eachText())
                    .containsExactly("Current password", "New password", "New password again");
        }
    }

    @Nested
    class Sessions {

        @Test
        void endsAUsersOtherSessionsWhenTheyChangeTheirPassword() throws Exception {
            String username = uniqueUsername("careful");
            MockHttpSession here = signedInEditor(username);
            MockHttpSession elsewhere = (MockHttpSession)
                    signIn(mvc, username, PASSWORD).getRequest().getSession();

            mvc.perform(post("/account/password")
                            .session(here)
                            .with(csrf())
                            .param("currentPassword", PASSWORD)
                            .param("newPassword", "my own new secret")
                            .param("confirmation", "my own new secret"))
                    .andExpect(redirectedUrl("/account/password"));

            mvc.perform(MockMvcRequestBuilders.get("/admin").session(here)).andExpect(status().isOk());
            mvc.perform(MockMvcRequestBuilders.get("/admin").session(elsewhere))
                    .andExpect(redirectedUrl("/login?expired"));
            assertThat(elsewhere.isInvalid()).isTrue();
            assertThat(get("/login?expired", request -> request)
                            .select("#login-error")
                            .text())
                    .isEqualTo(PASSWORD_CHANGED_MESSAGE);
        }

        @Test
        void endsEverySessionOfAUserWhosePasswordAnAdminResets() throws Exception {
            String username = uniqueUsername("forgot");
            MockHttpSession session = signedInEditor(username);

            mvc.perform(post("/admin/users/{name}/password", username)
                            .with(asAdmin())
                            .with(csrf())
                            .param("password", "a brand new secret"))
                    .andExpect(redirectedUrl("/admin/users"));

            mvc.perform(MockMvcRequestBuilders.get("/admin").session(session))
                    .andExpect(redirectedUrl("/login?expired"));
            assertThat(signIn(mvc, username, "a brand new secret").getResponse().getRedirectedUrl())
                    .isEqualTo("/");
        }
    }
}
