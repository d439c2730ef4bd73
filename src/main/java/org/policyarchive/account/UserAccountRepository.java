package org.policyarchive.account;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    @Query("select u from UserAccount u where lower(u.username) = lower(:username)")
    Optional<UserAccount> findByUsernameIgnoringCase(String username);

    boolean existsByRole(AccountRole role);

    /** What a signed-in session is checked against on each request; one row of the small account table. */
    @Query("select u.enabled as enabled, u.credentialStamp as credentialStamp from UserAccount u"
            + " where lower(u.username) = lower(:username)")
    Optional<SessionState> findSessionState(String username);

    interface SessionState {

        boolean isEnabled();

        String getCredentialStamp();
    }

    List<UserAccount> findAllByOrderByUsernameAsc();
}
