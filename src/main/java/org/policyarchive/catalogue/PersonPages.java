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
 * Reads what a person's page shows, in one transaction: the person with aliases and offices, and the newest
 * published records naming the person in each role, with how many there are in all.
 */
@Service
@Transactional(readOnly = true)
class PersonPages {

    /** The records a person's page lists in each role, the newest first. */
    static final int PER_ROLE = 20;

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
            List<RoleRecords> roles = catalog.findPublishedByRole(person.getId(), PER_ROLE).entrySet().stream()
                    .map(entry -> new RoleRecords(
                            entry.getKey(),
                            entry.getValue().total(),
                            ListedRecord.of(entry.getValue().newest())))
                    .toList();
            return new PersonPage(person, roles);
        });
    }

    /** A person and the published records naming the person, by role, newest first within each role. */
    record PersonPage(Person person, List<RoleRecords> roles) {}

    /** A role's records: how many, and the newest of them; the rest are a search by the person in that role away. */
    record RoleRecords(Role role, long total, List<ListedRecord> records) {

        public boolean hasMore() {
            return total > records.size();
        }
    }
}
