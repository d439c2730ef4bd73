package org.policyarchive.catalogue;

import java.util.List;
import java.util.Optional;
import org.policyarchive.person.Person;
import org.policyarchive.person.PersonDirectory;
import org.policyarchive.record.ListedRecord;
import org.policyarchive.record.RecordCatalog;
import org.policyarchive.record.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads what a person's page shows, in one transaction: the person with aliases and offices, and the published
 * records naming the person, grouped by role.
 */
@Service
@Transactional(readOnly = true)
class PersonPages {

    private final PersonDirectory people;
    private final RecordCatalog catalog;

    PersonPages(PersonDirectory people, RecordCatalog catalog) {
        this.people = people;
        this.catalog = catalog;
    }

    Optional<PersonPage> find(String slug) {
        return people.findBySlug(slug).map(person -> {
            person.getAliases().size();
            person.getOffices().size();
            List<RoleRecords> roles = catalog.findPublishedByRole(person.getId()).entrySet().stream()
                    .map(entry -> new RoleRecords(entry.getKey(), ListedRecord.of(entry.getValue())))
                    .toList();
            return new PersonPage(person, roles);
        });
    }

    /** A person and the published records naming the person, by role, newest first within each role. */
    record PersonPage(Person person, List<RoleRecords> roles) {}

    record RoleRecords(Role role, List<ListedRecord> records) {}
}
