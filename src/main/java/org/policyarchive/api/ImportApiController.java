package org.policyarchive.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.policyarchive.imports.ImportJobService;
import org.policyarchive.imports.ImportJobView;
import org.policyarchive.imports.ImportKinds;
import org.policyarchive.interchange.InterchangeFile;
import org.policyarchive.interchange.InterchangeFormat;
import org.policyarchive.record.Kinds;
import org.policyarchive.system.ControlCharacters;
import org.policyarchive.system.InputRejectedException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Bulk imports for admins with a token: the body is a JSON Lines file, handed to the imports module's job service
 * (stored, queued, run one at a time, like an import from the admin page); its progress is read back here.
 */
@RestController
@RequestMapping(path = "/api/imports", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Imports", description = "Bulk imports of JSON Lines files, for admins.")
class ImportApiController {

    static final String JSON_LINES = "application/jsonl";
    static final String NDJSON = "application/x-ndjson";
    static final int MAX_NAME_LENGTH = 300;

    private final ImportJobService imports;
    private final MessageSource messages;
    private final Kinds kinds;

    ImportApiController(ImportJobService imports, MessageSource messages, Kinds kinds) {
        this.imports = imports;
        this.messages = messages;
        this.kinds = kinds;
    }

    /** A bulk import as the API reports it. */
    @Schema(name = "Import", description = "A bulk import and how far it has got.")
    record ImportProgress(
            @Schema(description = "The import's id.") long id,

            @Schema(description = "The name given to the file.")
            String fileName,

            @Schema(
                    description = "Where it stands.",
                    allowableValues = {"QUEUED", "RUNNING", "SUCCEEDED", "CANCELLED", "FAILED", "INTERRUPTED"})
            String status,

            @Schema(description = "Whether it has ended (succeeded, cancelled, failed).")
            boolean finished,

            @Schema(description = "How much of the file has been read, 0 to 100.")
            int percent,

            @Schema(description = "Lines read so far.") long linesRead,
            @Schema(description = "Records imported.") long recordsImported,

            @Schema(description = "Records skipped as already in the archive (same slug, or same title and source).")
            long recordsSkipped,

            @Schema(description = "Lines rejected; the admin page lists each with its reason.")
            long linesRejected,

            @Schema(description = "Records per second so far.")
            long recordsPerSecond,

            @Schema(description = "Seconds left at the current pace; none while unknown.") @Nullable
            Long secondsLeft,

            @Schema(description = "What became of it, once it has ended.") @Nullable
            String message,

            @Schema(description = "Who started it.") String createdBy,
            @Schema(description = "When it was started.") Instant createdAt,

            @Schema(description = "When it began to run.") @Nullable
            Instant startedAt,

            @Schema(description = "When it ended.") @Nullable
            Instant finishedAt,

            @Schema(description = "This import in the API, and its page for admins.")
            Links links) {}

    @Schema(name = "ImportLinks", description = "An import in the API and its admin page.")
    record Links(
            @Schema(description = "This import in the API.") String self,

            @Schema(description = "The import's admin page, with the rejected lines.")
            String html) {}

    @PostMapping(consumes = {JSON_LINES, NDJSON})
    @Operation(
            summary = "Start a bulk import",
            description = "Queues the body, a JSON Lines file (one record of the interchange format a line, UTF-8), as"
                    + " a bulk import: the same as uploading it on the admin page. Answers 202 with the import and its"
                    + " address in Location; follow it for progress. A line whose kind the archive does not know is"
                    + " rejected, unless kindMappings maps its kind to a known one or createKinds adds it, as on the"
                    + " admin page. Needs an admin's token.",
            security = @SecurityRequirement(name = OpenApiConfiguration.TOKEN))
    @ApiResponse(responseCode = "202", description = "The import, queued.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            description = "One record of the interchange format a line.",
            required = true,
            content = {
                @Content(mediaType = JSON_LINES, schema = @Schema(type = "string")),
                @Content(mediaType = NDJSON, schema = @Schema(type = "string"))
            })
    ResponseEntity<ImportProgress> start(
            @Parameter(description = "A name for the file, shown in the list of imports.", example = "speeches.jsonl")
                    @RequestParam(required = false)
                    @Nullable
                    String name,
            @Parameter(
                            description = "Kinds the file names and the archive does not know, each read as a kind of"
                                    + " the archive: the kind as the file spells it, an arrow (→, -> or =) and a kind"
                                    + " of the archive (any of its spellings), separated by semicolons or line breaks;"
                                    + " the syntax of the admin page's kind mappings. A mapping that cannot be read, or"
                                    + " that names a kind the archive lacks, is answered with 400 and nothing is"
                                    + " imported.",
                            example = "party congress report → report; sermon → speech")
                    @RequestParam(required = false)
                    @Nullable
                    String kindMappings,
            @Parameter(
                            description = "Whether to add to the vocabulary the kinds the file names, the archive does"
                                    + " not know and kindMappings does not map (named as the file spells them, cited"
                                    + " as documents; an editor can rename them later). Without it, their lines are"
                                    + " rejected.",
                            example = "true")
                    @RequestParam(defaultValue = "false")
                    boolean createKinds,
            HttpServletRequest request,
            Authentication user) {
        String fileName = name == null || name.isBlank() ? "api-import.jsonl" : name.strip();
        if (fileName.length() > MAX_NAME_LENGTH || ControlCharacters.inLine(fileName)) {
            throw ApiProblem.badParameter("name", "api.import.name", MAX_NAME_LENGTH);
        }
        ImportKinds unknownKinds;
        try {
            unknownKinds = ImportKinds.read(kindMappings, createKinds, kinds);
        } catch (InputRejectedException rejected) {
            throw ApiProblem.badParameter("kindMappings", rejected.messageKey(), rejected.arguments());
        }
        ImportJobView job;
        try (PushbackInputStream body = new PushbackInputStream(request.getInputStream())) {
            int first = body.read();
            if (first < 0) {
                throw new ApiProblem(HttpStatus.BAD_REQUEST, "api.import.empty");
            }
            body.unread(first);
            try (InputStream content = InterchangeFile.inUtf8(body, StandardCharsets.UTF_8)) {
                job = imports.submit(fileName, InterchangeFormat.JSONL, content, user.getName(), unknownKinds);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ImportProgress progress = progress(job, RequestContextUtils.getLocale(request));
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .header(HttpHeaders.LOCATION, progress.links().self())
                .body(progress);
    }

    @GetMapping("/{id}")
    @Operation(
            summary = "A bulk import's progress",
            description = "How far the import has got, and once it has ended, what became of it. Needs an admin's"
                    + " token.",
            security = @SecurityRequirement(name = OpenApiConfiguration.TOKEN))
    @ApiResponse(responseCode = "200", description = "The import.")
    ImportProgress show(
            @Parameter(description = "The import's id.", example = "1") @PathVariable long id,
            HttpServletRequest request) {
        ImportJobView job = imports.find(id)
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "import.not-found", String.valueOf(id)));
        return progress(job, RequestContextUtils.getLocale(request));
    }

    private ImportProgress progress(ImportJobView job, Locale locale) {
        String message = job.message() != null
                ? messages.getMessage(
                        job.message().key(),
                        job.message().argumentArray(),
                        job.message().key(),
                        locale)
                : job.messageText();
        return new ImportProgress(
                job.id(),
                job.fileName(),
                job.status().name(),
                job.finished(),
                job.percent(),
                job.linesRead(),
                job.recordsImported(),
                job.recordsSkipped(),
                job.linesRejected(),
                job.recordsPerSecond(),
                job.secondsLeft(),
                message,
                job.createdBy(),
                job.createdAt(),
                job.startedAt(),
                job.finishedAt(),
                new Links(ApiLinks.to("/api/imports/{id}", job.id()), ApiLinks.to("/admin/imports/{id}", job.id())));
    }
}
