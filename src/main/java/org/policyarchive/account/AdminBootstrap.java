package org.policyarchive.account;

import java.security.SecureRandom;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.policyarchive.system.ArchiveProperties;
import org.policyarchive.system.EmbeddedPostgresServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Makes sure someone can sign in to a new archive. With {@code ARCHIVE_ADMIN_USERNAME} and
 * {@code ARCHIVE_ADMIN_PASSWORD} set, that admin is created when no admin exists yet (an existing account of that
 * name is left alone). Without them, the embedded default creates {@code admin} with a random password and prints
 * it once; an external database gets no invented password, only instructions.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    static final String GENERATED_ADMIN = "admin";

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserAccounts accounts;
    private final @Nullable String username;
    private final @Nullable String password;
    private final boolean embeddedDatabase;

    @Autowired
    AdminBootstrap(UserAccounts accounts, ArchiveProperties archive, ObjectProvider<EmbeddedPostgresServer> embedded) {
        this(accounts, archive.admin().username(), archive.admin().password(), embedded.getIfAvailable() != null);
    }

    AdminBootstrap(
            UserAccounts accounts, @Nullable String username, @Nullable String password, boolean embeddedDatabase) {
        this.accounts = accounts;
        this.username = username == null || username.isBlank() ? null : username.strip();
        this.password = password == null || password.isEmpty() ? null : password;
        this.embeddedDatabase = embeddedDatabase;
    }

    /** What the bootstrap did; {@code generatedPassword} is set only when it invented one. */
    record Outcome(
            Kind kind, @Nullable String username, @Nullable String generatedPassword) {
        enum Kind {
            CREATED_FROM_ENVIRONMENT,
            ENVIRONMENT_USER_EXISTS,
            GENERATED,
            ADMIN_EXISTS,
            NEEDS_ADMIN,
            INCOMPLETE_ENVIRONMENT
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        bootstrap();
    }

    Outcome bootstrap() {
        if ((username == null) != (password == null)) {
            log.error(
                    "Set both ARCHIVE_ADMIN_USERNAME and ARCHIVE_ADMIN_PASSWORD to create the first admin; only {} is set.",
                    username == null ? "ARCHIVE_ADMIN_PASSWORD" : "ARCHIVE_ADMIN_USERNAME");
            return new Outcome(Outcome.Kind.INCOMPLETE_ENVIRONMENT, username, null);
        }
        if (username != null && password != null) {
            return fromEnvironment(username, password);
        }
        if (accounts.adminExists()) {
            return new Outcome(Outcome.Kind.ADMIN_EXISTS, null, null);
        }
        if (!embeddedDatabase || accounts.findByUsername(GENERATED_ADMIN).isPresent()) {
            log.warn(
                    "No admin account exists, so nobody can manage users. Restart with ARCHIVE_ADMIN_USERNAME and"
                            + " ARCHIVE_ADMIN_PASSWORD (at least {} characters, not easy to guess) set to create one.",
                    UserAccounts.MIN_PASSWORD_LENGTH);
            return new Outcome(Outcome.Kind.NEEDS_ADMIN, null, null);
        }
        String generated = randomPassword();
        accounts.createUser(GENERATED_ADMIN, generated, AccountRole.ADMIN);
        log.warn("""

                ================================================================================
                  First start: created the admin account "{}" with the password

                      {}

                  This password is shown only this once. Sign in at /login and change it at
                  /account/password.
                ================================================================================""", GENERATED_ADMIN, generated);
        return new Outcome(Outcome.Kind.GENERATED, GENERATED_ADMIN, generated);
    }

    private Outcome fromEnvironment(String username, String password) {
        // Said at WARN: an operator who sets the variables to get back in must learn that they did nothing.
        if (accounts.findByUsername(username).isPresent()) {
            log.warn(
                    "ARCHIVE_ADMIN_USERNAME and ARCHIVE_ADMIN_PASSWORD are ignored: the account {} exists already, and"
                            + " they only create the first admin; they change neither its password nor its role. An"
                            + " admin can reset the password at /admin/users.",
                    username);
            return new Outcome(Outcome.Kind.ENVIRONMENT_USER_EXISTS, username, null);
        }
        if (accounts.adminExists()) {
            log.warn(
                    "ARCHIVE_ADMIN_USERNAME and ARCHIVE_ADMIN_PASSWORD are ignored: an admin exists already, and they"
                            + " only create the first admin, so {} was not created. An admin can add accounts at"
                            + " /admin/users.",
                    username);
            return new Outcome(Outcome.Kind.ADMIN_EXISTS, username, null);
        }
        try {
            accounts.createUser(username, password, AccountRole.ADMIN);
        } catch (AccountChangeRejectedException e) {
            throw new IllegalStateException(
                    "ARCHIVE_ADMIN_USERNAME/ARCHIVE_ADMIN_PASSWORD cannot be used (" + e.getMessageKey()
                            + "): usernames are 3 to 100 letters, digits or ._@-, passwords at least "
                            + UserAccounts.MIN_PASSWORD_LENGTH + " characters, at most "
                            + UserAccounts.MAX_PASSWORD_BYTES + " bytes, and not easy to guess (no common password,"
                            + " repeated pattern or variant of the username).",
                    e);
        }
        log.info("Created the admin account {} from ARCHIVE_ADMIN_USERNAME.", username);
        return new Outcome(Outcome.Kind.CREATED_FROM_ENVIRONMENT, username, null);
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
