package org.policyarchive.person;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PersonRepository extends JpaRepository<Person, Long> {

    Optional<Person> findBySlug(String slug);

    @Query("select distinct p from Person p left join p.aliases a"
            + " where lower(p.name) = lower(:name) or lower(p.nativeName) = lower(:name) or lower(a) = lower(:name)")
    List<Person> findByAnyName(String name);

    List<Person> findAllByOrderByNameAsc();

    @Query(
            value = "select distinct p from Person p left join p.aliases a where lower(p.name) like :pattern"
                    + " or lower(p.nativeName) like :pattern or lower(a) like :pattern or lower(p.slug) like :pattern",
            countQuery =
                    "select count(distinct p) from Person p left join p.aliases a where lower(p.name) like :pattern"
                            + " or lower(p.nativeName) like :pattern or lower(a) like :pattern or lower(p.slug) like :pattern")
    Page<Person> findByAnyNameContaining(String pattern, Pageable pageable);
}
