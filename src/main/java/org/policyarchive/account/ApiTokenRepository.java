package org.policyarchive.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

    @Query("select t from ApiToken t join fetch t.user where t.tokenHash = :hash")
    Optional<ApiToken> findByHash(String hash);

    @Query("select t from ApiToken t join fetch t.user order by t.revokedAt nulls first, t.createdAt desc, t.id desc")
    List<ApiToken> findAllNewestFirst();

    @Query("select t from ApiToken t join fetch t.user u where lower(u.username) = lower(:username)"
            + " order by t.revokedAt nulls first, t.createdAt desc, t.id desc")
    List<ApiToken> findByUsername(String username);

    /** Notes a use, at most once a minute per token, so that a busy reader does not write on every request. */
    @Modifying
    @Query("update ApiToken t set t.lastUsedAt = :now where t.id = :id"
            + " and (t.lastUsedAt is null or t.lastUsedAt < :notBefore)")
    int markUsed(long id, Instant now, Instant notBefore);
}
