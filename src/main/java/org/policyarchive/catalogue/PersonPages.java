package org.policyarchive.catalogue;

import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.policyarchive.person.Person;
import org.policyarchive.person.PersonDirectory;
import org.policyarchive.record.Role;
import org.policyarchive.search.BrowsePage;
import org.policyarchive.search.RecordBrowser;
import org.policyarchive.search.SearchSort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads what a person's page shows, in one transaction: the person with aliases and offices, how many published
 * records name the person in each role, and one page of the records in one role: the role asked for, else the first
 * role (in {@link Role}'s order) that has any.
 */
@Service
@Transactional(readOnly = true)
class PersonPages {

    private final PersonDirectory people;
    private final RecordBrowser browser;

    PersonPages(PersonDirectory people, RecordBrowser browser) {
        this.people = people;
        this.browser = browser;
    }

    Optional<PersonPage> find(String slug, @Nullable Role role, SearchSort sort, int page) {
        return people.findBySlug(slug).map(person -> {
            person.getAliases().size();
            person.getOffices().size();
            Map<Role, Long> counts = browser.countRoles(person);
            Role shown =
                    role != null ? role : counts.keySet().stream().findFirst().orElse(null);
            BrowsePage records = shown == null ? null : browser.browse(person, shown, sort, page);
            return new PersonPage(person, counts, shown, records);
        });
    }

    /**
     * A person, how many published records name the person in each role that has any (in {@link Role}'s order), and
     * a page of the records of one role; no role and no page when no published record names the person.
     */
    record PersonPage(
            Person person,
            Map<Role, Long> roleCounts,
            @Nullable Role role,
            @Nullable BrowsePage records) {}
}
