package org.policyarchive.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The OpenAPI schema of the API's errors: RFC 9457 problem details with the archive's extensions. The answers
 * themselves are written by {@link ApiErrors} and {@code system.Problems}.
 */
@Schema(name = "Problem", description = "An error, as RFC 9457 problem details (application/problem+json).")
record Problem(
        @Schema(description = "Always about:blank: the status and the title say what kind of problem it is.")
        String type,

        @Schema(description = "The status's reason phrase.", example = "Bad Request")
        String title,

        @Schema(description = "The HTTP status.", example = "400")
        int status,

        @Schema(description = "What was wrong, for a person to read.")
        String detail,

        @Schema(description = "The path that was asked for.", example = "/api/records") @Nullable
        String instance,

        @Schema(description = "A bad query or path parameter: its name.", example = "kind") @Nullable
        String parameter,

        @Schema(description = "A record that breaks the record's rules: each field at fault and why.") @Nullable
        List<FieldError> errors,

        @Schema(description = "A stale version (409): the record as it is now.") @Nullable
        ApiRecord current) {

    @Schema(name = "FieldError", description = "A field of the record at fault.")
    record FieldError(
            @Schema(description = "The field, in the interchange format's names.", example = "speakers[0].role")
            String field,

            @Schema(description = "Why.") String message) {}
}
