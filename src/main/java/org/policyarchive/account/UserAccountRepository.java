package org.policyarchive.account;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    @Query("select u from UserAccount u where lower(u.username) = lower(:username)")
    Optional<UserAccount> findByUsernameIgnoringCase(String username);

    boolean existsByRole(AccountRole role);

    boolean existsByUsernameIgnoreCaseAndEnabledFalse(String username);

    List<UserAccount> findAllByOrderByUsernameAsc();
}
