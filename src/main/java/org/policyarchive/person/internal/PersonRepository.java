package org.policyarchive.person.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.policyarchive.person.Person;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PersonRepository extends JpaRepository<Person, Long> {

    Optional<Person> findBySlug(String slug);

    @Query("select distinct p from Person p left join p.aliases a"
            + " where lower(p.name) = lower(:name) or lower(p.nativeName) = lower(:name) or lower(a) = lower(:name)")
    List<Person> findByAnyName(String name);

    /** The people one of whose names is in {@code names}, which are in lower case. */
    @Query("select distinct p from Person p left join p.aliases a"
            + " where lower(p.name) in :names or lower(p.nativeName) in :names or lower(a) in :names")
    List<Person> findByAnyNameIn(Collection<String> names);

    List<Person> findAllByOrderByNameAsc();

    @Query(
            value = "select distinct p from Person p left join p.aliases a where lower(p.name) like :pattern"
                    + " or lower(p.nativeName) like :pattern or lower(a) like :pattern or lower(p.slug) like :pattern",
            countQuery =
                    "select count(distinct p) from Person p left join p.aliases a where lower(p.name) like :pattern"
                            + " or lower(p.nativeName) like :pattern or lower(a) like :pattern or lower(p.slug) like :pattern")
    Page<Person> findByAnyNameContaining(String pattern, Pageable pageable);
}
