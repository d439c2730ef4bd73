package org.policyarchive.record;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface RecordRepository extends JpaRepository<Record, Long> {

    @EntityGraph(attributePaths = {"participations", "participations.person", "themes"})
    Optional<Record> findBySlug(String slug);

    @Query("select r from Record r where r.id in :ids")
    @EntityGraph(attributePaths = {"participations", "participations.person"})
    List<Record> findAllWithPeopleByIdIn(Collection<Long> ids);

    @Query("select r from Record r where r.status = 'PUBLISHED' order by r.date desc nulls last, r.id desc")
    List<Record> findLatestPublished(Pageable pageable);

    long countByStatus(RecordStatus status);

    boolean existsBySlug(String slug);
}
