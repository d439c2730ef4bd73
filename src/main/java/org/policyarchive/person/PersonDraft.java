package org.policyarchive.person;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A person as the interchange format carries one, apart from the records that name him: the authority record's names,
 * description and offices, so that an export read back in gives the same person.
 *
 * @param slug the permanent address; null: made from the name
 */
public record PersonDraft(
        @Nullable String slug,
        String name,
        @Nullable String nativeName,
        @Nullable String description,
        List<String> aliases,
        List<Office> offices)
        implements Serializable {

    public PersonDraft {
        aliases = List.copyOf(aliases);
        offices = List.copyOf(offices);
    }

    /** An office held, with its first and last days when known. */
    public record Office(
            String title,
            @Nullable String organization,
            @Nullable LocalDate startDate,
            @Nullable LocalDate endDate) implements Serializable {}

    /** The draft of a stored person, as an export writes it. */
    public static PersonDraft of(Person person) {
        return new PersonDraft(
                person.getSlug(),
                person.getName(),
                person.getNativeName(),
                person.getDescription(),
                person.getAliases().stream().sorted().toList(),
                person.getOffices().stream()
                        .map(office -> new Office(
                                office.getTitle(),
                                office.getOrganization(),
                                office.getStartDate(),
                                office.getEndDate()))
                        .toList());
    }
}
