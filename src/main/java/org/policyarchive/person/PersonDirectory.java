package org.policyarchive.person;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.BiConsumer;
import org.policyarchive.person.internal.PersonRedirectRepository;
import org.policyarchive.person.internal.PersonRepository;
import org.policyarchive.system.IdBlocks;
import org.policyarchive.system.Label;
import org.policyarchive.system.LikePatterns;
import org.policyarchive.system.Slugs;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The person module's facade: finds people by slug or by any of their names, and creates them for new names. */
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

    public Optional<Person> findBySlug(String slug) {
        return people.findBySlug(slug);
    }

    /** The person whose name, native name or alias is {@code name}, ignoring case. */
    public Optional<Person> findByAnyName(String name) {
        String wanted = name.strip();
        return people.findByNameOrNativeName(wanted).stream()
                .findFirst()
                .or(() -> people.findByAlias(wanted).stream().findFirst());
    }

    /** People any of whose names (name, native name, alias) or slug contains {@code text}, ignoring case. */
    public Page<Person> search(String text, Pageable pageable) {
        return people.findByAnyNameContaining(LikePatterns.containing(text), pageable);
    }

    /** How many there are. */
    public long count() {
        return people.count();
    }

    public List<Person> findAllByName() {
        return people.findAllByOrderByNameAsc();
    }

    /**
     * Everyone, as an index of names in the reader's language lists them: by family name
     * ({@link PersonName#inFamilyNameOrder}).
     */
    public List<Person> findAllByFamilyName(Locale locale) {
        return PersonName.inFamilyNameOrder(people.findAll(), locale);
    }

    /** The person a merged person's old slug now leads to. */
    public Optional<Person> findRedirect(String oldSlug) {
        return redirects.findPersonByOldSlug(oldSlug);
    }

    /** The slug and name of each of these people that exists, by id, in one statement and without entities. */
    public Map<Long, Label> labels(Collection<Long> ids) {
        return ids.isEmpty()
                ? Map.of()
                : Label.read(jdbc.sql("select id, slug, name from person where id in (:ids)")
                        .param("ids", ids));
    }

    /** The person known by {@code name} (name, native name or alias), created with a new slug if there is none. */
    @Transactional
    public Person findOrCreate(String name) {
        return findByAnyName(name).orElseGet(() -> create(name));
    }

    /**
     * {@link #findOrCreate} for many names at once, with two queries for those already known (by name, by alias):
     * the person for each name, by the name in lower case.
     */
    @Transactional
    public Map<String, Person> findOrCreateAll(Collection<String> names) {
        Map<String, String> wanted = new LinkedHashMap<>();
        names.forEach(name -> wanted.putIfAbsent(key(name), name.strip()));
        Map<String, Person> found = new HashMap<>();
        if (!wanted.isEmpty()) {
            List<Person> known = new ArrayList<>(people.findByNameOrNativeNameIn(wanted.keySet()));
            known.addAll(people.findByAliasIn(wanted.keySet()));
            for (Person person : known) {
                person.names().forEach(name -> {
                    String key = key(name);
                    if (wanted.containsKey(key)) {
                        found.merge(key, person, (a, b) -> a.getId() <= b.getId() ? a : b);
                    }
                });
            }
        }
        wanted.forEach((key, name) -> found.computeIfAbsent(key, k -> create(name)));
        return found;
    }

    /**
     * Creates the people of an import that the archive does not know yet, each with its slug when that is free, and
     * returns how many it created. A person whose slug or name (any of his names) is already known is left as it is,
     * as records already present are: an import never overwrites what editors may have corrected.
     */
    @Transactional
    public int importAll(Collection<PersonDraft> drafts) {
        int created = 0;
        for (PersonDraft draft : drafts) {
            String slug = draft.slug() == null ? null : draft.slug().strip();
            boolean known = (slug != null && people.findBySlug(slug).isPresent())
                    || findByAnyName(draft.name()).isPresent()
                    || (draft.nativeName() != null
                            && findByAnyName(draft.nativeName()).isPresent());
            if (known) {
                continue;
            }
            Person person = new Person(
                    slug != null && Slugs.isSlug(slug) && slug.length() <= Slugs.MAX_LENGTH
                            ? slug
                            : Slugs.unique(draft.name(), base -> people.findSlugsLike(base, Slugs.numberedLike(base))),
                    draft.name().strip());
            person.setNativeName(draft.nativeName());
            person.setDescription(draft.description());
            draft.aliases().stream()
                    .map(String::strip)
                    .filter(alias -> !alias.isEmpty() && !alias.equalsIgnoreCase(person.getName()))
                    .forEach(person.getAliases()::add);
            for (PersonDraft.Office office : draft.offices()) {
                PersonOffice held = person.addOffice(office.title(), office.organization());
                held.setStartDate(office.startDate());
                held.setEndDate(office.endDate());
            }
            people.save(person);
            created++;
        }
        return created;
    }

    private Person create(String name) {
        String slug = Slugs.unique(name, base -> people.findSlugsLike(base, Slugs.numberedLike(base)));
        return people.save(new Person(slug, name.strip()));
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    /** The blocks of {@code size} ids that hold people, by number, with their newest change (sitemaps). */
    public SortedMap<Integer, Instant> blocks(int size) {
        return IdBlocks.blocks(jdbc, "person", "true", size);
    }

    /** Hands the slug and last change of each person of one block to {@code row}, in the order of their ids. */
    public void forEachIn(int block, int size, BiConsumer<String, Instant> row) {
        IdBlocks.forEachIn(jdbc, "person", "true", block, size, row);
    }
}
