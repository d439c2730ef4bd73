package org.policyarchive.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;

/**
 * The person module on its own (its own beans only, no record, search or audit module): what its changes announce.
 * The other modules follow people through these events alone. Hibernate Search is off, as its mapping lives in the
 * search module; so the archive is not cleaned between tests ({@code @CleanArchive} cleans the index too), and each
 * test makes people of its own.
 */
@ApplicationModuleTest
// A module test starts one module's beans: the search index's health indicator, named in the readiness group, is
// not among them.
@TestPropertySource(
        properties = {
            "spring.jpa.properties.hibernate.search.enabled=false",
            "management.endpoint.health.validate-group-membership=false"
        })
class PersonModuleTests {

    @Autowired
    PersonDirectory people;

    @Autowired
    PersonEditor editor;

    @Autowired
    MergeWitness witness;

    /** A person of this test's own. */
    Person person(String name) {
        return people.findOrCreate(name + " " + UUID.randomUUID().toString().substring(0, 8));
    }

    @Test
    void mergePublishesPeopleMergedWhileBothPeopleStillExist(Scenario scenario) {
        Person kept = person("Kept");
        Person merged = person("Merged");
        witness.mergedPersonFound.clear();

        scenario.stimulate(() -> editor.merge(kept.getId(), merged.getId(), "editor"))
                .andWaitForEventOfType(PeopleMerged.class)
                .toArriveAndVerify(event -> assertThat(event)
                        .isEqualTo(new PeopleMerged(
                                kept.getId(),
                                kept.getSlug(),
                                kept.getName(),
                                merged.getId(),
                                merged.getSlug(),
                                merged.getName(),
                                "editor")));

        assertThat(witness.mergedPersonFound).containsExactly(true);
        assertThat(people.findById(merged.getId())).isEmpty();
        assertThat(people.findRedirect(merged.getSlug())).map(Person::getId).contains(kept.getId());
    }

    @Test
    void renamePublishesPersonChangedAsRenamed(Scenario scenario) {
        Person person = person("Before");
        PersonForm form = editor.formFor(person.getId());
        form.setName("After " + UUID.randomUUID().toString().substring(0, 8));

        scenario.stimulate(() -> editor.update(person.getId(), form))
                .andWaitForEventOfType(PersonChanged.class)
                .toArriveAndVerify(event -> assertThat(event)
                        .isEqualTo(new PersonChanged(person.getId(), person.getSlug(), form.getName(), true)));
    }

    @Test
    void aNewAliasIsARenameToo(Scenario scenario) {
        Person person = person("Aliased");
        PersonForm form = editor.formFor(person.getId());
        form.setAliases("Another name");

        scenario.stimulate(() -> editor.update(person.getId(), form))
                .andWaitForEventOfType(PersonChanged.class)
                .toArriveAndVerify(event -> assertThat(event.renamed()).isTrue());
    }

    @Test
    void anOfficeOnlyChangePublishesPersonChangedNotRenamed(Scenario scenario) {
        Person person = person("Office holder");
        PersonForm form = editor.formFor(person.getId());
        PersonForm.OfficeRow office = new PersonForm.OfficeRow();
        office.setTitle("Mayor");
        office.setStartDate("2020-01-01");
        form.getOffices().add(office);

        scenario.stimulate(() -> editor.update(person.getId(), form))
                .andWaitForEventOfType(PersonChanged.class)
                .toArriveAndVerify(event -> assertThat(event)
                        .isEqualTo(new PersonChanged(person.getId(), person.getSlug(), person.getName(), false)));
        assertThat(editor.formFor(person.getId()).getOffices())
                .extracting(PersonForm.OfficeRow::getTitle)
                .containsExactly("Mayor");
    }

    /** Looks, when a merge is announced, whether the merged person can still be found, as listeners must. */
    @TestConfiguration
    static class MergeWitness {

        final List<Boolean> mergedPersonFound = new ArrayList<>();

        @Autowired
        PersonDirectory people;

        @EventListener
        void on(PeopleMerged merged) {
            mergedPersonFound.add(people.findById(merged.mergedId()).isPresent());
        }
    }
}
