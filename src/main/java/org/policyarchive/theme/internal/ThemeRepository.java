package org.policyarchive.theme.internal;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.policyarchive.theme.Theme;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface ThemeRepository extends JpaRepository<Theme, Long> {

    Optional<Theme> findBySlug(String slug);

    /** The theme, locked until the transaction ends: the other editors saving it wait, then see the new version. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from Theme t where t.id = :id")
    Optional<Theme> findByIdForUpdate(long id);

    /** The slugs in use that are {@code slug} or match {@code numbered} (a LIKE pattern of its numbered forms). */
    @Query("select t.slug from Theme t where t.slug = :slug or t.slug like :numbered")
    List<String> findSlugsLike(String slug, String numbered);

    Optional<Theme> findByNameIgnoreCase(String name);

    List<Theme> findAllByOrderByPositionAsc();

    /** The themes whose English name, in lower case, is in {@code names}. */
    @Query("select t from Theme t where lower(t.name) in :names")
    List<Theme> findByLowerNameIn(Collection<String> names);
}
