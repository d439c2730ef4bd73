package org.policyarchive.account;

import java.util.Collection;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/**
 * A request signed in with an API token: the token's user, with the user's role, for this request only (the API keeps
 * no session). The API's rate limits count per token.
 */
public class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final String username;
    private final long tokenId;
    private final String tokenName;

    ApiTokenAuthentication(
            String username, long tokenId, String tokenName, Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.username = username;
        this.tokenId = tokenId;
        this.tokenName = tokenName;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return username;
    }

    @Override
    public String getName() {
        return username;
    }

    public long tokenId() {
        return tokenId;
    }

    public String tokenName() {
        return tokenName;
    }
}
