package org.policyarchive.record.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface RevisionRepository extends JpaRepository<Revision, Long> {

    List<Revision> findByRecordIdOrderByNumberDesc(long recordId);

    Optional<Revision> findByRecordIdAndNumber(long recordId, int number);

    @Query("select coalesce(max(r.number), 0) from Revision r where r.recordId = :recordId")
    int findLastNumber(long recordId);
}
