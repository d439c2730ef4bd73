package org.policyarchive.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a client sends to create or change a record: one record of the interchange format (read by the same
 * {@code interchange.InterchangeReader} as a line of a bulk import), with the version it read and a comment for the
 * revision. Only a schema for the OpenAPI document: the body itself is read by the interchange reader.
 */
@Schema(
        name = "RecordInput",
        description = "A record in the interchange format (the fields of a JSON Lines import line), plus version,"
                + " translation and comment. Unknown fields are ignored.")
record RecordInput(
        @Schema(description = "The permanent address; made from the title and the date when left out.") @Nullable
        String slug,

        @Schema(description = "Required, at most 500 characters.", requiredMode = Schema.RequiredMode.REQUIRED)
        String title,

        @Schema(description = "YYYY-MM-DD, YYYY-MM or YYYY.", example = "2023-08-21") @Nullable
        String date,

        @Schema(
                description = "A kind's interchange label, such as \"study session\" or \"speech\".",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String kind,

        @Schema(description = "A BCP 47 tag.", example = "en", requiredMode = Schema.RequiredMode.REQUIRED)
        String language,

        @Schema(description = "At most 300 characters.") @Nullable
        String place,

        @Schema(description = "At most 300 characters.") @Nullable
        String organization,

        @Schema(description = "At most 20,000 characters.") @Nullable
        String summary,

        @Schema(description = "People by name; a role the archive does not know reads as \"spoke\".") @Nullable
        List<SpeakerInput> speakers,

        @Schema(description = "Theme names; an unknown one becomes a new theme.") @Nullable
        List<String> themes,

        @Schema(
                description = "Required, at most 1,000,000 characters; paragraphs separated by a blank line.",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String body,

        @Schema(description = "At most 5,000 characters.") @Nullable
        String source,

        @Schema(description = "Editors' notes, each at most 5,000 characters.") @Nullable
        List<String> notes,

        @Schema(
                description = "published (the default for a new record), draft or withdrawn; a change that"
                        + " leaves it out keeps the record's status.",
                allowableValues = {"published", "draft", "withdrawn"})
        @Nullable
        String status,

        @Schema(description = "The slug of this record's translation; a change that leaves it out keeps it.") @Nullable
        String translation,

        @Schema(description = "Required for a change: the version last read. Ignored when creating.") @Nullable
        Long version,

        @Schema(description = "Why the change was made, kept with the revision.") @Nullable
        String comment) {

    @Schema(name = "SpeakerInput", description = "A person in a record, found or created by name.")
    record SpeakerInput(
            @Schema(
                    description = "The person's name or one of the names known for them.",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String name,

            @Schema(description = "presided, lectured, spoke, participated or mentioned.") @Nullable
            String role,

            @Schema(description = "The office held at the time.") @Nullable
            String office) {}
}
