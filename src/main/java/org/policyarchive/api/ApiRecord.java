package org.policyarchive.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A record as the API gives it: the interchange format's fields (DESIGN.md §5), then what the archive adds. */
@Schema(
        name = "Record",
        description = "A record in the interchange format's fields (slug to notes, as in the JSON Lines files of bulk"
                + " imports), with its id, status, translation, version and links.")
record ApiRecord(
        @Schema(description = "The archive's id of the record.", example = "1")
        long id,

        @Schema(
                description = "The record's permanent address.",
                example = "state-council-study-session-digital-economy-2023-08-21")
        String slug,

        @Schema(description = "The title as the source gives it.")
        String title,

        @Schema(
                description = "The date, as precise as it is known: YYYY-MM-DD, YYYY-MM or YYYY.",
                example = "2023-08-21")
        @Nullable
        String date,

        @Schema(description = "The kind's interchange label.", example = "study session")
        String kind,

        @Schema(description = "The BCP 47 tag of the record's language.", example = "en")
        String language,

        @Schema(description = "Where it took place.", example = "Beijing") @Nullable
        String place,

        @Schema(description = "The issuing body.", example = "State Council") @Nullable
        String organization,

        @Schema(description = "The archive's summary.") @Nullable
        String summary,

        @Schema(description = "The people in the record, in its order.")
        List<Speaker> speakers,

        @Schema(description = "The names of the record's themes.")
        List<String> themes,

        @Schema(description = "The text, verbatim, its paragraphs separated by one blank line.")
        String body,

        @Schema(description = "The source: a citation or a URL.") @Nullable
        String source,

        @Schema(description = "The archive editors' notes, kept apart from the source text.")
        List<String> notes,

        @Schema(
                description = "Where the record stands; the public sees published records only.",
                allowableValues = {"published", "draft", "withdrawn"})
        String status,

        @Schema(description = "The slug of the record that is this one's translation.") @Nullable
        String translation,

        @Schema(description = "The version to send back with a change (a stale one gets 409).", example = "0")
        long version,

        @Schema(description = "When the record last changed.")
        Instant updatedAt,

        @Schema(description = "Where the record is.") Links links) {

    /** A person's part in a record. */
    @Schema(name = "Speaker", description = "A person's part in a record.")
    record Speaker(
            @Schema(description = "The person's name.", example = "Li Qiang")
            String name,

            @Schema(
                    description = "The part the person took.",
                    allowableValues = {"presided", "lectured", "spoke", "participated", "mentioned"})
            String role,

            @Schema(description = "The office the person held at the time.") @Nullable
            String office,

            @Schema(description = "The person's slug: /api/people/{slug}.")
            String person) {}

    @Schema(name = "RecordLinks", description = "The record in the API and its page for readers.")
    record Links(
            @Schema(description = "This record in the API.") String self,

            @Schema(description = "The record's page for readers.")
            String html) {}
}
