package org.policyarchive.person.internal;

import java.util.List;
import java.util.Optional;
import org.policyarchive.person.Person;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PersonRedirectRepository extends JpaRepository<PersonRedirect, String> {

    List<PersonRedirect> findByPerson(Person person);

    @Query("select r.person from PersonRedirect r where r.oldSlug = :oldSlug")
    Optional<Person> findPersonByOldSlug(String oldSlug);
}
