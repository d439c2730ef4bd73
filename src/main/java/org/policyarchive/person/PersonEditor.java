package org.policyarchive.person;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.policyarchive.person.internal.PersonRedirect;
import org.policyarchive.person.internal.PersonRedirectRepository;
import org.policyarchive.person.internal.PersonRepository;
import org.policyarchive.system.DatePrecision;
import org.policyarchive.system.EditConflictException;
import org.policyarchive.system.NotFoundException;
import org.policyarchive.system.PartialDate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * The admin pages' changes to people: names, aliases and offices from the person form, and merging two person
 * records that name one person. Each change is announced ({@link PersonChanged}, {@link PeopleMerged}), so that the
 * records naming the person follow it without this module knowing them.
 */
@Service
@Transactional
class PersonEditor {

    private final PersonRepository people;
    private final PersonRedirectRepository redirects;
    private final ApplicationEventPublisher events;

    PersonEditor(PersonRepository people, PersonRedirectRepository redirects, ApplicationEventPublisher events) {
        this.people = people;
        this.redirects = redirects;
        this.events = events;
    }

    @Transactional(readOnly = true)
    PersonForm formFor(long personId) {
        Person person = person(personId);
        PersonForm form = new PersonForm();
        form.setVersion(person.getVersion());
        form.setName(person.getName());
        form.setNativeName(person.getNativeName());
        form.setDescription(person.getDescription());
        form.setAliases(String.join("\n", person.getAliases().stream().sorted().toList()));
        for (PersonOffice office : person.getOffices()) {
            PersonForm.OfficeRow row = new PersonForm.OfficeRow();
            row.setTitle(office.getTitle());
            row.setOrganization(office.getOrganization());
            row.setStartDate(
                    office.getStartDate() == null ? null : office.getStartDate().toString());
            row.setEndDate(
                    office.getEndDate() == null ? null : office.getEndDate().toString());
            form.getOffices().add(row);
        }
        return form;
    }

    /** The checks Bean Validation cannot make: offices' dates are days (2023-03-11). */
    static void validate(PersonForm form, Errors errors) {
        for (int i = 0; i < form.getOffices().size(); i++) {
            PersonForm.OfficeRow row = form.getOffices().get(i);
            if (row == null || row.isBlank()) {
                continue;
            }
            if (!isDayOrBlank(row.getStartDate())) {
                errors.rejectValue("offices[" + i + "].startDate", "person.office.date");
            }
            if (!isDayOrBlank(row.getEndDate())) {
                errors.rejectValue("offices[" + i + "].endDate", "person.office.date");
            }
        }
    }

    /** Saves a valid form over the stored person, unless the person changed since the form's version. */
    void update(long personId, PersonForm form) {
        // Locked before the version is compared: two editors saving the same version at once would both pass the
        // comparison, and the second one's write would fail on the version column instead of being told.
        Person person = people.findByIdForUpdate(personId).orElseThrow(() -> notFound(personId));
        if (!Objects.equals(form.getVersion(), person.getVersion())) {
            throw new EditConflictException(personId, person.getVersion());
        }
        List<String> namesBefore = person.names();
        person.setName(Objects.requireNonNull(form.getName()).strip());
        person.setNativeName(blankToNull(form.getNativeName()));
        person.setDescription(blankToNull(form.getDescription()));
        person.getAliases().clear();
        if (form.getAliases() != null) {
            Arrays.stream(form.getAliases().split("\\R"))
                    .map(String::strip)
                    .filter(alias -> !alias.isEmpty() && !alias.equalsIgnoreCase(person.getName()))
                    .forEach(person.getAliases()::add);
        }
        person.getOffices().clear();
        for (PersonForm.OfficeRow row : form.getOffices()) {
            if (row != null && !row.isBlank()) {
                PersonOffice office = person.addOffice(
                        Objects.requireNonNull(row.getTitle()).strip(), blankToNull(row.getOrganization()));
                office.setStartDate(day(row.getStartDate()));
                office.setEndDate(day(row.getEndDate()));
            }
        }
        people.save(person);
        boolean renamed = !new LinkedHashSet<>(namesBefore).equals(new LinkedHashSet<>(person.names()));
        events.publishEvent(new PersonChanged(personId, person.getSlug(), person.getName(), renamed));
    }

    /**
     * Folds {@code mergedId} into {@code keptId}: listeners of {@link PeopleMerged} move what refers to the merged
     * person first; then its names become aliases of the kept person, its offices move, its slug (and any slug that
     * led to it) redirects to the kept person, and it is deleted.
     */
    void merge(long keptId, long mergedId, @Nullable String username) {
        if (keptId == mergedId) {
            throw new IllegalArgumentException("cannot merge a person into itself");
        }
        Person kept = person(keptId);
        Person merged = person(mergedId);
        events.publishEvent(new PeopleMerged(
                keptId, kept.getSlug(), kept.getName(), mergedId, merged.getSlug(), merged.getName(), username));
        Set<String> names = new LinkedHashSet<>(merged.names());
        if (kept.getNativeName() == null && merged.getNativeName() != null) {
            kept.setNativeName(merged.getNativeName());
        }
        names.removeIf(name -> kept.names().stream().anyMatch(name::equalsIgnoreCase));
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

    /** A person with the names a merge page shows side by side. */
    record PersonCard(
            long id, String slug, String name, @Nullable String nativeName, String aliases) {}

    @Transactional(readOnly = true)
    PersonCard card(long personId) {
        Person person = person(personId);
        return new PersonCard(
                personId,
                person.getSlug(),
                person.getName(),
                person.getNativeName(),
                String.join(", ", person.getAliases().stream().sorted().toList()));
    }

    private Person person(long id) {
        return people.findById(id).orElseThrow(() -> notFound(id));
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("admin.notFound.person", String.valueOf(id));
    }

    private static boolean isDayOrBlank(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return true;
        }
        try {
            return PartialDate.parse(text).precision() == DatePrecision.DAY;
        } catch (PartialDate.InvalidDateException e) {
            return false;
        }
    }

    private static java.time.@Nullable LocalDate day(@Nullable String text) {
        return text == null || text.isBlank() ? null : PartialDate.parse(text).date();
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
