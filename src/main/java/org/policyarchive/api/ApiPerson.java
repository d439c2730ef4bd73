package org.policyarchive.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A person as the API gives it: in the list of people, and alone with aliases and offices. */
final class ApiPerson {

    private ApiPerson() {}

    @Schema(name = "PersonSummary", description = "A person in the list of people.")
    record Summary(
            @Schema(description = "The archive's id of the person.")
            long id,

            @Schema(description = "The person's permanent address.", example = "li-qiang")
            String slug,

            @Schema(description = "The name the archive shows.", example = "Li Qiang")
            String name,

            @Schema(description = "The name in its original script.", example = "李强") @Nullable
            String nativeName,

            @Schema(description = "How many published records name the person.")
            long records,

            @Schema(description = "Where the person is.") Links links) {}

    @Schema(name = "Person", description = "A person with every name and office the archive knows.")
    record Detail(
            @Schema(description = "The archive's id of the person.")
            long id,

            @Schema(description = "The person's permanent address.", example = "li-qiang")
            String slug,

            @Schema(description = "The name the archive shows.", example = "Li Qiang")
            String name,

            @Schema(description = "The name in its original script.", example = "李强") @Nullable
            String nativeName,

            @Schema(description = "Who the person is.") @Nullable
            String description,

            @Schema(description = "Other names and spellings that find the person.")
            List<String> aliases,

            @Schema(description = "Offices held, in order.") List<Office> offices,

            @Schema(description = "How many published records name the person.")
            long records,

            @Schema(description = "The person's version, which each change raises.")
            long version,

            @Schema(description = "Where the person is.") Links links) {}

    @Schema(name = "Office", description = "An office a person held.")
    record Office(
            @Schema(description = "The office.", example = "Premier")
            String title,

            @Schema(description = "Where.", example = "State Council") @Nullable
            String organization,

            @Schema(description = "From (YYYY-MM-DD).") @Nullable
            LocalDate start,

            @Schema(description = "Until (YYYY-MM-DD).") @Nullable
            LocalDate end) {}

    @Schema(name = "PersonLinks", description = "The person in the API, the person's page, and the person's records.")
    record Links(
            @Schema(description = "This person in the API.") String self,

            @Schema(description = "The person's page for readers.")
            String html,

            @Schema(description = "The person's published records in the API.")
            String records) {}
}
