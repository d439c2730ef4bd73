package org.policyarchive.record;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.hibernate.Hibernate;
import org.policyarchive.person.Person;
import org.policyarchive.person.PersonDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads what a person's page shows, in one transaction: the person with aliases and offices, and the published
 * records naming the person, grouped by role. It lives in the record module because the person module must not
 * know about records.
 */
@Service
@Transactional(readOnly = true)
class PersonPages {

    private final PersonDirectory people;
    private final RecordCatalog catalog;
    private final RecordBrowsing browsing;

    PersonPages(PersonDirectory people, RecordCatalog catalog, RecordBrowsing browsing) {
        this.people = people;
        this.catalog = catalog;
        this.browsing = browsing;
    }

    Optional<PersonPage> find(String slug) {
        return people.findBySlug(slug).map(person -> {
            Hibernate.initialize(person.getAliases());
            Hibernate.initialize(person.getOffices());
            List<Participation> parts = catalog.findPublishedParticipations(person);
            List<Record> records = browsing.withPeopleAndThemes(
                    parts.stream().map(p -> p.getRecord().getId()).distinct().toList());
            List<RoleRecords> roles = Arrays.stream(Role.values())
                    .map(role -> new RoleRecords(
                            role,
                            records.stream()
                                    .filter(record -> parts.stream()
                                            .anyMatch(p -> p.getRole() == role
                                                    && p.getRecord().getId().equals(record.getId())))
                                    .toList()))
                    .filter(group -> !group.records().isEmpty())
                    .toList();
            return new PersonPage(person, roles);
        });
    }

    /** A person and the published records naming the person, by role, newest first within each role. */
    record PersonPage(Person person, List<RoleRecords> roles) {}

    record RoleRecords(Role role, List<Record> records) {}
}
