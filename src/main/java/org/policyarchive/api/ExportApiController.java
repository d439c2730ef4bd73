package org.policyarchive.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.policyarchive.export.ArchiveExport;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The whole archive as one interchange file, for editors with a token: what the admin export page gives, streamed a
 * batch of records at a time. The published records of a search are at {@code /export/records.jsonl} for anyone.
 */
@RestController
@Tag(name = "Export", description = "The archive as a file of the interchange format, for editors.")
class ExportApiController {

    private final ArchiveExport export;

    ExportApiController(ArchiveExport export) {
        this.export = export;
    }

    @GetMapping(
            path = "/api/export",
            produces = {"application/x-ndjson", "text/csv"})
    @Operation(
            summary = "Export the archive",
            description = "Every record with its people and the theme vocabulary (JSON Lines: theme and person lines"
                    + " first, then the records; CSV: one row a record), as the admin export page gives it. The file is"
                    + " written as it is read, so it starts at once whatever the archive's size; importing it into an"
                    + " empty archive gives back the same records, people and themes. The published records of any"
                    + " search, for anyone, are at /export/records.jsonl and /export/records.csv with the search's"
                    + " parameters. Needs an editor's token.",
            security = @SecurityRequirement(name = OpenApiConfiguration.TOKEN))
    @ApiResponse(
            responseCode = "200",
            description = "The file, as an attachment named after the scope and the day.",
            content = {
                @Content(mediaType = "application/x-ndjson", schema = @Schema(type = "string")),
                @Content(mediaType = "text/csv", schema = @Schema(type = "string"))
            })
    void archive(
            @Parameter(
                            description = "Which records: everything (drafts and withdrawn records too, each with its"
                                    + " status) or published.",
                            schema = @Schema(allowableValues = {"everything", "published"}))
                    @RequestParam(defaultValue = "everything")
                    String scope,
            @Parameter(
                            description = "The file's format: jsonl (interchange JSON Lines) or csv.",
                            schema = @Schema(allowableValues = {"jsonl", "csv"}))
                    @RequestParam(defaultValue = "jsonl")
                    String format,
            HttpServletResponse response)
            throws IOException {
        export.download(scope, format, response);
    }
}
