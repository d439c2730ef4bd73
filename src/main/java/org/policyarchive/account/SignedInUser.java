package org.policyarchive.account;

import java.io.Serial;
import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A user as a sign-in keeps them in the session: with the account's credential stamp of that moment, which
 * {@link StaleSessionSignOut} compares with the account's on each request.
 */
final class SignedInUser extends User {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String credentialStamp;

    SignedInUser(
            String username,
            String passwordHash,
            boolean enabled,
            Collection<? extends GrantedAuthority> authorities,
            String credentialStamp) {
        super(username, passwordHash, enabled, true, true, true, authorities);
        this.credentialStamp = credentialStamp;
    }

    String getCredentialStamp() {
        return credentialStamp;
    }
}
