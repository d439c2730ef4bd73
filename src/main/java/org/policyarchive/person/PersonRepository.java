package org.policyarchive.person;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PersonRepository extends JpaRepository<Person, Long> {

    Optional<Person> findBySlug(String slug);

    @Query("select distinct p from Person p left join p.aliases a"
            + " where lower(p.name) = lower(:name) or lower(p.nativeName) = lower(:name) or lower(a) = lower(:name)")
    List<Person> findByAnyName(String name);

    List<Person> findAllByOrderByNameAsc();
}
