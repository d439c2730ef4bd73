package org.policyarchive.person;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface PersonRedirectRepository extends JpaRepository<PersonRedirect, String> {

    List<PersonRedirect> findByPerson(Person person);
}
