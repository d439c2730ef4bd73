package org.policyarchive.person;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.policyarchive.system.Label;
import org.policyarchive.system.LikePatterns;
import org.policyarchive.system.Slugs;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The person module's facade: finds people by slug or by any of their names. */
@Service
@Transactional(readOnly = true)
public class PersonDirectory {

    private final PersonRepository people;
    private final PersonRedirectRepository redirects;
    private final JdbcClient jdbc;

    PersonDirectory(PersonRepository people, PersonRedirectRepository redirects, JdbcClient jdbc) {
        this.people = people;
        this.redirects = redirects;
        this.jdbc = jdbc;
    }

    public Optional<Person> findById(long id) {
        return people.findById(id);
    }

    /** People any of whose names (name, native name, alias) or slug contains {@code text}, ignoring case. */
    public Page<Person> search(String text, Pageable pageable) {
        return people.findByAnyNameContaining(LikePatterns.containing(text), pageable);
    }

    /** The person a merged person's old slug now leads to. */
    public Optional<Person> findRedirect(String oldSlug) {
        return redirects.findPersonByOldSlug(oldSlug);
    }

    /**
     * Folds {@code merged} into {@code kept}: its names become aliases of the kept person, its offices move, and its
     * slug (and any slug that led to it) redirects to the kept person; then it is deleted. The caller moves the
     * person's participations first.
     */
    @Transactional
    public void absorb(Person kept, Person merged) {
        if (kept.getId() != null && kept.getId().equals(merged.getId())) {
            throw new IllegalArgumentException("cannot merge a person into itself");
        }
        Set<String> names = new LinkedHashSet<>();
        names.add(merged.getName());
        if (merged.getNativeName() != null) {
            names.add(merged.getNativeName());
        }
        names.addAll(merged.getAliases());
        if (kept.getNativeName() == null && merged.getNativeName() != null) {
            kept.setNativeName(merged.getNativeName());
            names.remove(merged.getNativeName());
        }
        names.removeIf(name -> name.equalsIgnoreCase(kept.getName()) || name.equalsIgnoreCase(kept.getNativeName()));
        kept.getAliases().addAll(names);
        for (PersonOffice office : merged.getOffices()) {
            boolean known =
                    kept.getOffices().stream().anyMatch(held -> held.getTitle().equalsIgnoreCase(office.getTitle()));
            if (!known) {
                PersonOffice moved = kept.addOffice(office.getTitle(), office.getOrganization());
                moved.setStartDate(office.getStartDate());
                moved.setEndDate(office.getEndDate());
            }
        }
        for (PersonRedirect redirect : redirects.findByPerson(merged)) {
            redirect.setPerson(kept);
        }
        redirects.save(new PersonRedirect(merged.getSlug(), kept));
        people.save(kept);
        people.delete(merged);
        people.flush();
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

    /** The slug and name of each of these people that exists, by id. */
    public Map<Long, Label> labels(Collection<Long> ids) {
        return Label.byId(jdbc, "person", ids);
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
        return Slugs.unique(name, slug -> people.findBySlug(slug).isPresent() || redirects.existsById(slug));
    }
}
