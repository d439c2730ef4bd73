package org.policyarchive.record;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.policyarchive.person.Person;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface RecordRepository extends JpaRepository<Record, Long> {

    // Themes load in a second query (batch fetch): fetched together with the participations (a bag), each
    // participation would appear once per theme.
    @EntityGraph(attributePaths = {"participations", "participations.person"})
    Optional<Record> findBySlug(String slug);

    @Query("select r from Record r where r.status = 'PUBLISHED' order by r.date desc nulls last, r.id desc")
    List<Record> findLatestPublished(Pageable pageable);

    @Query("select p from Participation p join fetch p.record r where p.person = :person and r.status = :status"
            + " order by r.date desc nulls last, r.id desc, p.position")
    List<Participation> findParticipations(Person person, RecordStatus status);

    long countByStatus(RecordStatus status);

    boolean existsBySlug(String slug);

    @Query("select r from Record r where r.status in :statuses and (lower(r.title) like :pattern"
            + " or lower(r.slug) like :pattern)")
    Page<Record> findByStatusInAndText(Collection<RecordStatus> statuses, String pattern, Pageable pageable);

    @Query("select p from Participation p join fetch p.record where p.person = :person")
    List<Participation> findParticipationsOf(Person person);
}
