package org.policyarchive.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.policyarchive.audit.AuditAction;
import org.policyarchive.audit.AuditLog;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens: made for a user with a name, listed, revoked, and looked up by their secret. A secret is 32 random bytes
 * (256 bits, so guessing one is hopeless and a plain SHA-256 is enough to keep it: no salt or slow hash is needed as it
 * is for passwords); only its hash is stored, and the secret is given back once, when the token is made.
 */
@Service
@Transactional
public class ApiTokens {

    /** What every secret starts with, so that one pasted where it should not be is easy to recognise. */
    static final String PREFIX = "pa_";

    static final int MAX_NAME_LENGTH = 100;

    private static final Duration USE_NOTED_EVERY = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiTokenRepository tokens;
    private final UserAccountRepository accounts;
    private final AuditLog audit;

    ApiTokens(ApiTokenRepository tokens, UserAccountRepository accounts, AuditLog audit) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.audit = audit;
    }

    /** A new token and its secret, which nobody can see again. */
    public record Created(ApiTokenView token, String secret) {}

    public Created create(String username, String name) {
        UserAccount user =
                accounts.findByUsernameIgnoringCase(username).orElseThrow(() -> new UnknownAccountException(username));
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiToken token = tokens.save(new ApiToken(user, name.strip(), hash(secret), Instant.now()));
        audit.recordAs(
                username, AuditAction.API_TOKEN_CREATED, "api-token", String.valueOf(token.getId()), token.getName());
        return new Created(token.view(), secret);
    }

    /** Every token, newest first with revoked ones last, or the tokens of one user. */
    @Transactional(readOnly = true)
    public List<ApiTokenView> list(String username, boolean everyone) {
        return (everyone ? tokens.findAllNewestFirst() : tokens.findByUsername(username))
                .stream().map(ApiToken::view).toList();
    }

    /**
     * Revokes a token: its owner may, and an admin may revoke anyone's. False when there is no such token, it was
     * revoked already, or it is someone else's and {@code admin} is false.
     */
    public boolean revoke(long id, String username, boolean admin) {
        ApiToken token = tokens.findById(id).orElse(null);
        if (token == null
                || token.isRevoked()
                || (!admin && !token.getUser().getUsername().equalsIgnoreCase(username))) {
            return false;
        }
        token.revoke(username, Instant.now());
        audit.recordAs(
                username,
                AuditAction.API_TOKEN_REVOKED,
                "api-token",
                String.valueOf(id),
                token.getName() + " of " + token.getUser().getUsername());
        return true;
    }

    /**
     * The sign-in that a secret gives: none when no token has it, the token was revoked, or its user is disabled. A
     * use is noted on the token at most once a minute.
     */
    Optional<ApiTokenAuthentication> authenticate(String secret) {
        if (!secret.startsWith(PREFIX) || secret.length() > 200) {
            return Optional.empty();
        }
        return tokens.findByHash(hash(secret))
                .filter(token -> !token.isRevoked() && token.getUser().isEnabled())
                .map(token -> {
                    Instant now = Instant.now();
                    tokens.markUsed(token.getId(), now, now.minus(USE_NOTED_EVERY));
                    UserAccount user = token.getUser();
                    return new ApiTokenAuthentication(
                            user.getUsername(),
                            token.getId(),
                            token.getName(),
                            AuthorityUtils.createAuthorityList(
                                    "ROLE_" + user.getRole().name()));
                });
    }

    /** The SHA-256 of a secret in hexadecimal, as the table keeps it. */
    static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
