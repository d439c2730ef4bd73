package org.policyarchive.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.policyarchive.account.AccountTestSupport.PASSWORD;
import static org.policyarchive.account.AccountTestSupport.uniqueUsername;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.policyarchive.account.AdminBootstrap.Outcome.Kind;
import org.policyarchive.testing.CleanArchive;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Runs the first-admin bootstrap on an archive without accounts: a clean archive has none. */
@SpringBootTest
@CleanArchive
@ExtendWith(OutputCaptureExtension.class)
class AdminBootstrapIntegrationTests {

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void createsTheAdminNamedInTheEnvironment() {
        String username = uniqueUsername("chief");

        AdminBootstrap.Outcome outcome = new AdminBootstrap(accounts, username, PASSWORD, false).bootstrap();

        assertThat(outcome.kind()).isEqualTo(Kind.CREATED_FROM_ENVIRONMENT);
        assertThat(outcome.generatedPassword()).isNull();
        UserAccount admin = accounts.findByUsername(username).orElseThrow();
        assertThat(admin.getRole()).isEqualTo(AccountRole.ADMIN);
        assertThat(admin.isEnabled()).isTrue();
        assertThat(accounts.passwordMatches(username, PASSWORD)).isTrue();
    }

    @Test
    void leavesAnExistingEnvironmentUserAloneAndSaysSo(CapturedOutput log) {
        String username = uniqueUsername("chief");
        accounts.createUser(username, PASSWORD, AccountRole.EDITOR);

        AdminBootstrap.Outcome outcome =
                new AdminBootstrap(accounts, username, "another password entirely", false).bootstrap();

        assertThat(outcome.kind()).isEqualTo(Kind.ENVIRONMENT_USER_EXISTS);
        assertThat(accounts.passwordMatches(username, PASSWORD)).isTrue();
        assertThat(accounts.findByUsername(username).orElseThrow().getRole()).isEqualTo(AccountRole.EDITOR);
        assertThat(log.getOut())
                .containsPattern("WARN .*ARCHIVE_ADMIN_USERNAME and ARCHIVE_ADMIN_PASSWORD are ignored: the account "
                        + username + " exists already");
    }

    @Test
    void createsNoEnvironmentAdminWhenAnAdminExistsAndSaysSo(CapturedOutput log) {
        accounts.createUser(uniqueUsername("boss"), PASSWORD, AccountRole.ADMIN);
        String username = uniqueUsername("chief");

        AdminBootstrap.Outcome outcome = new AdminBootstrap(accounts, username, PASSWORD, true).bootstrap();

        assertThat(outcome.kind()).isEqualTo(Kind.ADMIN_EXISTS);
        assertThat(accounts.findByUsername(username)).isEmpty();
        assertThat(accounts.findAll()).hasSize(1);
        assertThat(log.getOut())
                .containsPattern("WARN .*ARCHIVE_ADMIN_USERNAME and ARCHIVE_ADMIN_PASSWORD are ignored: an admin exists"
                        + " already, and they only create the first admin, so " + username + " was not created");
    }

    @Test
    void refusesAShortEnvironmentPassword() {
        AdminBootstrap bootstrap = new AdminBootstrap(accounts, uniqueUsername("chief"), "short", false);

        assertThatThrownBy(bootstrap::bootstrap)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least 12 characters");
    }

    @Test
    void refusesAnEnvironmentPasswordThatIsEasyToGuess() {
        String username = uniqueUsername("chief");
        for (String weak : UserAdminIntegrationTests.weakPasswordsFor(username)) {
            AdminBootstrap bootstrap = new AdminBootstrap(accounts, username, weak, false);

            assertThatThrownBy(bootstrap::bootstrap)
                    .as(weak)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("not easy to guess");
        }
        assertThat(accounts.findAll()).isEmpty();
    }

    @Test
    void generatesARandomPasswordOnTheEmbeddedDatabase() {
        AdminBootstrap.Outcome outcome = new AdminBootstrap(accounts, null, null, true).bootstrap();

        assertThat(outcome.kind()).isEqualTo(Kind.GENERATED);
        assertThat(outcome.username()).isEqualTo("admin");
        assertThat(outcome.generatedPassword()).hasSizeGreaterThanOrEqualTo(UserAccounts.MIN_PASSWORD_LENGTH);
        assertThat(accounts.passwordMatches("admin", outcome.generatedPassword()))
                .isTrue();
        assertThat(accounts.findByUsername("admin").orElseThrow().getRole()).isEqualTo(AccountRole.ADMIN);
        assertThat(accounts.findAll()).hasSize(1);
    }

    @Test
    void generatesADifferentPasswordEachTime() {
        String first =
                new AdminBootstrap(accounts, null, null, true).bootstrap().generatedPassword();
        jdbc.sql("delete from user_account").update();
        String second =
                new AdminBootstrap(accounts, null, null, true).bootstrap().generatedPassword();

        assertThat(first).isNotNull().isNotEqualTo(second);
    }

    @Test
    void generatesNothingOnceAnAdminExists() {
        new AdminBootstrap(accounts, null, null, true).bootstrap();

        AdminBootstrap.Outcome again = new AdminBootstrap(accounts, null, null, true).bootstrap();

        assertThat(again.kind()).isEqualTo(Kind.ADMIN_EXISTS);
        assertThat(again.generatedPassword()).isNull();
    }

    @Test
    void inventsNoPasswordForAnExternalDatabase() {
        AdminBootstrap.Outcome outcome = new AdminBootstrap(accounts, null, null, false).bootstrap();

        assertThat(outcome.kind()).isEqualTo(Kind.NEEDS_ADMIN);
        assertThat(accounts.findAll()).isEmpty();
    }

    @Test
    void needsBothEnvironmentVariables() {
        AdminBootstrap.Outcome outcome = new AdminBootstrap(accounts, "chief", null, true).bootstrap();

        assertThat(outcome.kind()).isEqualTo(Kind.INCOMPLETE_ENVIRONMENT);
        assertThat(accounts.findAll()).isEmpty();
    }
}
