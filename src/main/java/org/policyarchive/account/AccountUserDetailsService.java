package org.policyarchive.account;

import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Spring Security reads accounts from PostgreSQL through this service, each with its credential stamp. */
@Service
@Transactional(readOnly = true)
class AccountUserDetailsService implements UserDetailsService {

    private final UserAccountRepository accounts;

    AccountUserDetailsService(UserAccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserAccount account = accounts.findByUsernameIgnoringCase(username.strip())
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
        return new SignedInUser(
                account.getUsername(),
                account.getPasswordHash(),
                account.isEnabled(),
                AuthorityUtils.createAuthorityList("ROLE_" + account.getRole().name()),
                account.getCredentialStamp());
    }
}
