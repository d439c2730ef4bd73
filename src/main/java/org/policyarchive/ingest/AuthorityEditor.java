package org.policyarchive.ingest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.policyarchive.audit.AuditLog;
import org.policyarchive.person.Person;
import org.policyarchive.person.PersonDirectory;
import org.policyarchive.person.PersonOffice;
import org.policyarchive.record.Record;
import org.policyarchive.record.RecordCatalog;
import org.policyarchive.system.NotFoundException;
import org.policyarchive.theme.Theme;
import org.policyarchive.theme.ThemeVocabulary;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/** Edits the people and themes that records refer to, and merges two person records that name the same person. */
@Service
@Transactional
class AuthorityEditor {

    private final PersonDirectory people;
    private final ThemeVocabulary themes;
    private final RecordCatalog catalog;
    private final RecordEditor records;
    private final AuditLog audit;

    AuthorityEditor(
            PersonDirectory people,
            ThemeVocabulary themes,
            RecordCatalog catalog,
            RecordEditor records,
            AuditLog audit) {
        this.people = people;
        this.themes = themes;
        this.catalog = catalog;
        this.records = records;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    PersonForm personForm(long personId) {
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

    static void validate(PersonForm form, Errors errors) {
        for (int i = 0; i < form.getOffices().size(); i++) {
            PersonForm.OfficeRow row = form.getOffices().get(i);
            if (row == null || row.isBlank()) {
                continue;
            }
            if (date(row.getStartDate()) == null && !blank(row.getStartDate())) {
                errors.rejectValue("offices[" + i + "].startDate", "person.office.date");
            }
            if (date(row.getEndDate()) == null && !blank(row.getEndDate())) {
                errors.rejectValue("offices[" + i + "].endDate", "person.office.date");
            }
        }
    }

    void updatePerson(long personId, PersonForm form) {
        Person person = person(personId);
        if (!Objects.equals(form.getVersion(), person.getVersion())) {
            throw new EditConflictException(personId, person.getVersion());
        }
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
                office.setStartDate(date(row.getStartDate()));
                office.setEndDate(date(row.getEndDate()));
            }
        }
        people.save(person);
        audit.record("PERSON_UPDATED", "person", person.getSlug(), person.getName());
    }

    /**
     * Merges {@code mergedId} into {@code keptId}: participations move (a duplicate of the same record and role is
     * dropped), names become aliases, the old slug redirects, and every changed record gets a revision.
     */
    void mergePeople(long keptId, long mergedId, @Nullable String username) {
        Person kept = person(keptId);
        Person merged = person(mergedId);
        if (keptId == mergedId) {
            throw new IllegalArgumentException("cannot merge a person into itself");
        }
        List<Record> changed = catalog.moveParticipations(merged, kept);
        String mergedName = merged.getName();
        String mergedSlug = merged.getSlug();
        people.absorb(kept, merged);
        audit.record(
                "PERSON_MERGED",
                "person",
                kept.getSlug(),
                "merged " + mergedSlug + " (" + mergedName + "), " + changed.size() + " records");
        for (Record record : changed) {
            records.recordRevision(record, username, "merged " + mergedName + " into " + kept.getName());
        }
    }

    /** A person with the names a merge page shows side by side. */
    record PersonCard(
            long id, String slug, String name, @Nullable String nativeName, String aliases) {}

    @Transactional(readOnly = true)
    PersonCard card(Person person) {
        Person loaded = person(Objects.requireNonNull(person.getId()));
        return new PersonCard(
                loaded.getId(),
                loaded.getSlug(),
                loaded.getName(),
                loaded.getNativeName(),
                String.join(", ", loaded.getAliases().stream().sorted().toList()));
    }

    @Transactional(readOnly = true)
    ThemeForm themeForm(long themeId) {
        Theme theme = theme(themeId);
        ThemeForm form = new ThemeForm();
        form.setVersion(theme.getVersion());
        form.setName(theme.getName());
        form.setNameZh(theme.getNameZh());
        form.setDescription(theme.getDescription());
        form.setParentId(theme.getParent() == null ? null : theme.getParent().getId());
        return form;
    }

    /** Checks that the broader theme exists, is itself a broader theme, and is not the theme or one of its own. */
    @Transactional(readOnly = true)
    void validate(ThemeForm form, @Nullable Long themeId, Errors errors) {
        if (form.getName() != null && !form.getName().isBlank()) {
            themes.findByName(form.getName())
                    .filter(other -> !Objects.equals(other.getId(), themeId))
                    .ifPresent(other -> errors.rejectValue("name", "theme.name.taken"));
        }
        if (form.getParentId() == null) {
            return;
        }
        Theme parent = themes.findById(form.getParentId()).orElse(null);
        boolean hasChildren = themeId != null
                && themes.tree().stream()
                        .anyMatch(node -> Objects.equals(node.theme().getId(), themeId)
                                && !node.children().isEmpty());
        if (parent == null || parent.getParent() != null || Objects.equals(parent.getId(), themeId) || hasChildren) {
            errors.rejectValue("parentId", "theme.parent.invalid");
        }
    }

    long saveTheme(@Nullable Long themeId, ThemeForm form) {
        String name = Objects.requireNonNull(form.getName()).strip();
        Theme theme;
        if (themeId == null) {
            theme = new Theme(themes.uniqueSlug(name), name);
        } else {
            theme = theme(themeId);
            if (!Objects.equals(form.getVersion(), theme.getVersion())) {
                throw new EditConflictException(themeId, theme.getVersion());
            }
            theme.setName(name);
        }
        theme.setNameZh(blankToNull(form.getNameZh()));
        theme.setDescription(blankToNull(form.getDescription()));
        theme.setParent(form.getParentId() == null ? null : theme(form.getParentId()));
        Theme saved = themes.save(theme);
        audit.record(themeId == null ? "THEME_CREATED" : "THEME_UPDATED", "theme", saved.getSlug(), name);
        return Objects.requireNonNull(saved.getId());
    }

    private Person person(long id) {
        return people.findById(id)
                .orElseThrow(() -> new NotFoundException("admin.notFound.person", String.valueOf(id)));
    }

    private Theme theme(long id) {
        return themes.findById(id).orElseThrow(() -> new NotFoundException("admin.notFound.theme", String.valueOf(id)));
    }

    private static @Nullable LocalDate date(@Nullable String text) {
        if (blank(text)) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return blank(value) ? null : value.strip();
    }
}
