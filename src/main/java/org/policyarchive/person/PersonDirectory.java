package org.policyarchive.person;

import java.util.List;
import java.util.Optional;
import org.policyarchive.system.Slugs;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The person module's facade: finds people by slug or by any of their names. */
@Service
@Transactional(readOnly = true)
public class PersonDirectory {

    private final PersonRepository people;

    PersonDirectory(PersonRepository people) {
        this.people = people;
    }

    public Optional<Person> findBySlug(String slug) {
        return people.findBySlug(slug);
    }

    /** The person whose name, native name or alias is {@code name}, ignoring case. */
    public Optional<Person> findByAnyName(String name) {
        return people.findByAnyName(name.strip()).stream().findFirst();
    }

    public List<Person> findAllByName() {
        return people.findAllByOrderByNameAsc();
    }

    public List<Person> findAllById(Iterable<Long> ids) {
        return people.findAllById(ids);
    }

    /** The person known by {@code name} (name, native name or alias), created with a new slug if there is none. */
    @Transactional
    public Person findOrCreate(String name) {
        return findByAnyName(name).orElseGet(() -> people.save(new Person(uniqueSlug(name), name.strip())));
    }

    @Transactional
    public Person save(Person person) {
        return people.save(person);
    }

    public String uniqueSlug(String name) {
        return Slugs.unique(name, slug -> people.findBySlug(slug).isPresent());
    }
}
