package org.policyarchive.account;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.policyarchive.audit.AuditAction;
import org.policyarchive.audit.AuditLog;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account module's facade: creates users, enables and disables them, and sets their passwords, writing each
 * change to the audit log. Tests create the users they sign in with through {@link #createUser}.
 */
@Service
@Transactional(readOnly = true)
public class UserAccounts {

    /** Passwords are at least this many characters long. */
    public static final int MIN_PASSWORD_LENGTH = 12;

    /** BCrypt reads at most 72 bytes; a longer password would be silently cut, so it is refused instead. */
    public static final int MAX_PASSWORD_BYTES = 72;

    public static final int MAX_USERNAME_LENGTH = 100;

    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{2,99}");

    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final TrustedBrowsers browsers;
    private final AuditLog auditLog;

    UserAccounts(
            UserAccountRepository accounts,
            PasswordEncoder passwordEncoder,
            TrustedBrowsers browsers,
            AuditLog auditLog) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.browsers = browsers;
        this.auditLog = auditLog;
    }

    /** Creates an enabled account; refuses a malformed or taken username and a password that breaks the rules. */
    @Transactional
    public UserAccount createUser(String username, String rawPassword, AccountRole role) {
        String name = username.strip();
        if (!USERNAME.matcher(name).matches()) {
            throw new AccountChangeRejectedException("account.username.invalid");
        }
        if (accounts.findByUsernameIgnoringCase(name).isPresent()) {
            throw new AccountChangeRejectedException("account.username.taken");
        }
        checkPassword(name, rawPassword);
        UserAccount account = accounts.save(new UserAccount(name, passwordEncoder.encode(rawPassword), role, now()));
        auditLog.record(AuditAction.USER_CREATED, "user", name, "role=" + role);
        return account;
    }

    public Optional<UserAccount> findByUsername(String username) {
        return accounts.findByUsernameIgnoringCase(username.strip());
    }

    public List<UserAccount> findAll() {
        return accounts.findAllByOrderByUsernameAsc();
    }

    public boolean adminExists() {
        return accounts.existsByRole(AccountRole.ADMIN);
    }

    @Transactional
    public void disable(String username) {
        UserAccount account = require(username);
        if (account.isEnabled()) {
            account.setEnabled(false, now());
            auditLog.record(AuditAction.USER_DISABLED, "user", account.getUsername(), null);
        }
    }

    @Transactional
    public void enable(String username) {
        UserAccount account = require(username);
        if (!account.isEnabled()) {
            account.setEnabled(true, now());
            auditLog.record(AuditAction.USER_ENABLED, "user", account.getUsername(), null);
        }
    }

    /**
     * An admin sets a new password for someone who lost theirs (or whose password someone else may know): every
     * session signed in with the old one ends at its next request, and no browser is trusted any more.
     */
    @Transactional
    public void resetPassword(String username, String newRawPassword) {
        UserAccount account = require(username);
        checkPassword(account.getUsername(), newRawPassword);
        setPassword(account, newRawPassword);
        auditLog.record(AuditAction.PASSWORD_RESET, "user", account.getUsername(), null);
    }

    /**
     * A user changes their own password, proving who they are with the current one. Their other sessions end at
     * their next request; the controller keeps the one they changed it in.
     */
    @Transactional
    public void changeOwnPassword(String username, String currentRawPassword, String newRawPassword) {
        UserAccount account = require(username);
        if (!passwordEncoder.matches(currentRawPassword, account.getPasswordHash())) {
            throw new AccountChangeRejectedException("account.password.currentWrong");
        }
        checkPassword(account.getUsername(), newRawPassword);
        setPassword(account, newRawPassword);
        auditLog.record(AuditAction.PASSWORD_CHANGED, "user", account.getUsername(), null);
    }

    private void setPassword(UserAccount account, String newRawPassword) {
        account.changePasswordHash(passwordEncoder.encode(newRawPassword), now());
        browsers.forgetAll(account.getUsername());
    }

    /** Whether {@code rawPassword} is the account's password (for tests and re-authentication). */
    public boolean passwordMatches(String username, String rawPassword) {
        return findByUsername(username)
                .map(account -> passwordEncoder.matches(rawPassword, account.getPasswordHash()))
                .orElse(false);
    }

    private UserAccount require(String username) {
        return findByUsername(username).orElseThrow(() -> new UnknownAccountException(username));
    }

    /** Refuses a password that is too short, too long for BCrypt, or too easy to guess for {@code username}. */
    static void checkPassword(String username, String rawPassword) {
        if (rawPassword.codePointCount(0, rawPassword.length()) < MIN_PASSWORD_LENGTH) {
            throw new AccountChangeRejectedException("account.password.tooShort");
        }
        if (rawPassword.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new AccountChangeRejectedException("account.password.tooLong");
        }
        if (PasswordStrength.easyToGuess(rawPassword, username)) {
            throw new AccountChangeRejectedException("account.password.weak");
        }
    }

    private static Instant now() {
        return Instant.now();
    }
}
