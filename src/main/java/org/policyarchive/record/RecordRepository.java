package org.policyarchive.record;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.policyarchive.system.Slugs;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface RecordRepository extends JpaRepository<Record, Long> {

    // Themes load in a second query (batch fetch): fetched together with the participations (a bag), each
    // participation would appear once per theme.
    @EntityGraph(attributePaths = {"participations", "participations.person"})
    Optional<Record> findBySlug(String slug);

    /** The record, locked until the transaction ends: the other writers of the same record wait for it. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from Record r where r.id = :id")
    Optional<Record> findByIdForUpdate(long id);

    @Query("select r.id from Record r where r.slug = :slug")
    Optional<Long> findIdBySlug(String slug);

    long countByStatus(RecordStatus status);

    boolean existsBySlug(String slug);

    @Query("select r.slug from Record r where r.slug = :slug or r.slug like :numbered")
    List<String> findSlugsLike(String slug, String numbered);

    /** The slugs in use among {@code slug} and its numbered forms (with others that start like them). */
    default List<String> findTakenForms(String slug) {
        return findSlugsLike(slug, Slugs.numberedLike(slug));
    }

    @Query("select r from Record r where r.status in :statuses and (lower(r.title) like :pattern"
            + " or lower(r.slug) like :pattern)")
    Page<Record> findByStatusInAndText(Collection<RecordStatus> statuses, String pattern, Pageable pageable);

    @Query("select p from Participation p join fetch p.record where p.person.id = :personId")
    List<Participation> findParticipationsOf(long personId);

    @Query("select r.slug from Record r where r.slug in :slugs")
    List<String> findSlugsIn(Collection<String> slugs);

    /** Which of {@code slugs} records use. */
    default Set<String> findExistingSlugs(Collection<String> slugs) {
        return slugs.isEmpty() ? new HashSet<>() : new HashSet<>(findSlugsIn(slugs));
    }

    /** A record's title and source, which identify a record of a file without slugs. */
    record TitleAndSource(String title, @Nullable String source) {}

    @Query("select r.title, r.source from Record r where r.title in :titles")
    List<Object[]> findTitleAndSourceIn(Collection<String> titles);

    /** The sources of the records with these titles, for telling which lines of a re-imported file are present. */
    default List<TitleAndSource> findSourcesOfTitles(Collection<String> titles) {
        return titles.isEmpty()
                ? List.of()
                : findTitleAndSourceIn(titles).stream()
                        .map(row -> new TitleAndSource((String) row[0], (String) row[1]))
                        .toList();
    }

    @Modifying
    @Query(
            value = "update record set updated_at = :now"
                    + " where id in (select record_id from participation where person_id = :personId)",
            nativeQuery = true)
    int touchRecordsNaming(long personId, Instant now);

    @Modifying
    @Query(
            value = "update record set updated_at = :now"
                    + " where id in (select record_id from record_theme where theme_id = :themeId)",
            nativeQuery = true)
    int touchRecordsAbout(long themeId, Instant now);
}
