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
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.policyarchive.interchange.InterchangeReader;
import org.policyarchive.interchange.RejectedInput;
import org.policyarchive.record.Kinds;
import org.policyarchive.record.RecordDraft;
import org.policyarchive.record.RecordEditor;
import org.policyarchive.record.RecordStatus;
import org.policyarchive.search.RecordSearch;
import org.policyarchive.search.SearchForm;
import org.policyarchive.search.SearchResults;
import org.policyarchive.system.EditConflictException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records: the search page's query, filters and sort as JSON for anyone (through {@link RecordSearch}, the same search
 * as the page's), one record, and for editors with a token, creating, changing and withdrawing records through
 * {@link RecordEditor}, the record module's one way to write. A body is read as one record of the interchange format
 * by {@link InterchangeReader}, as a line of a bulk import is.
 */
@RestController
@RequestMapping(path = "/api/records", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Records", description = "Policy documents, speeches and session records.")
class RecordApiController {

    /** The largest body of a record: a million characters of Chinese, escaped as JSON, fit. */
    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private final RecordSearch search;
    private final ApiReader reader;
    private final RecordEditor editor;
    private final JsonMapper json;
    private final InterchangeReader interchange;

    RecordApiController(RecordSearch search, ApiReader reader, RecordEditor editor, Kinds kinds, JsonMapper json) {
        this.search = search;
        this.interchange = new InterchangeReader(kinds);
        this.reader = reader;
        this.editor = editor;
        this.json = json;
    }

    @GetMapping
    @Operation(
            summary = "Search and list the published records",
            description = "The search page as JSON: full-text query, filters and sort, ten records a page, newest"
                    + " first unless a query asks for relevance. Follow links.next for the next page.")
    ResponseEntity<RecordPage> list(
            @Parameter(description = "Words to find: \"exact phrases\", -exclusions and OR, as on the search page.")
                    @RequestParam(required = false)
                    @Nullable
                    String q,
            @Parameter(description = "A person's slug or name: records the person takes part in.", example = "li-qiang")
                    @RequestParam(required = false)
                    @Nullable
                    String person,
            @Parameter(
                            description = "With person: only the parts in this role.",
                            schema =
                                    @Schema(
                                            allowableValues = {
                                                "presided",
                                                "lectured",
                                                "spoke",
                                                "participated",
                                                "mentioned"
                                            }))
                    @RequestParam(required = false)
                    @Nullable
                    String role,
            @Parameter(
                            description = "A theme's slug or name (a broader theme includes its narrower ones).",
                            example = "digital-economy")
                    @RequestParam(required = false)
                    @Nullable
                    String theme,
            @Parameter(description = "A kind's label, such as \"study session\".", example = "study session")
                    @RequestParam(required = false)
                    @Nullable
                    String kind,
            @Parameter(description = "A BCP 47 language tag.", example = "en") @RequestParam(required = false) @Nullable
                    String lang,
            @Parameter(description = "From this date on: YYYY, YYYY-MM or YYYY-MM-DD.", example = "2023")
                    @RequestParam(required = false)
                    @Nullable
                    String from,
            @Parameter(description = "Up to this date: YYYY, YYYY-MM or YYYY-MM-DD.", example = "2023-12")
                    @RequestParam(required = false)
                    @Nullable
                    String to,
            @Parameter(
                            description = "The order: relevance (the default with a query), newest (the default"
                                    + " without), oldest or title (A to Z). A date known to the month or the year"
                                    + " sorts at the start of its period; undated records come last either way.",
                            schema = @Schema(allowableValues = {"relevance", "newest", "oldest", "title"}))
                    @RequestParam(required = false)
                    @Nullable
                    String sort,
            @Parameter(description = "The page, from 1 to 1,000.", example = "1")
                    @RequestParam(required = false)
                    @Nullable
                    String page) {
        SearchForm form = new SearchForm();
        form.setQ(q);
        form.setPerson(person);
        form.setRole(role);
        form.setTheme(theme);
        form.setKind(kind);
        form.setLang(lang);
        form.setFrom(from);
        form.setTo(to);
        form.setSort(sort);
        form.setPage(page);
        SearchResults results = search.search(form);
        int current = results.criteria().page();
        int pageCount = results.pageCount();
        if (current > Math.max(1, pageCount)) {
            throw ApiProblem.badParameter("page", "api.page.beyond", current, Math.max(1, pageCount));
        }
        List<ApiRecord> records = reader.publishedRecords(
                results.hits().stream().map(hit -> hit.record().id()).toList());
        Map<String, String> parameters = form.getParameters();
        String next = results.hasNext() ? pageLink("/api/records", parameters, current + 1) : null;
        String prev = results.hasPrevious() ? pageLink("/api/records", parameters, current - 1) : null;
        RecordPage body = new RecordPage(
                results.total(),
                current,
                results.pageSize(),
                pageCount,
                records,
                new RecordPage.Links(
                        pageLink("/api/records", parameters, current),
                        next,
                        prev,
                        ApiLinks.withQuery("/search", parameters)));
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        String link = links(next, prev);
        if (link != null) {
            response.header(HttpHeaders.LINK, link);
        }
        return response.body(body);
    }

    private static String pageLink(String path, Map<String, String> parameters, int page) {
        Map<String, String> changed = new LinkedHashMap<>(parameters);
        changed.remove("page");
        if (page > 1) {
            changed.put("page", String.valueOf(page));
        }
        return ApiLinks.withQuery(path, changed);
    }

    private static @Nullable String links(@Nullable String next, @Nullable String prev) {
        StringBuilder link = new StringBuilder();
        if (next != null) {
            link.append('<').append(next).append(">; rel=\"next\"");
        }
        if (prev != null) {
            link.append(link.isEmpty() ? "" : ", ").append('<').append(prev).append(">; rel=\"prev\"");
        }
        return link.isEmpty() ? null : link.toString();
    }

    @GetMapping("/{slug}")
    @Operation(
            summary = "One record",
            description = "A published record, whole. A withdrawn record answers 410; a draft 404, except to editors"
                    + " who send their token, who read records of any status.")
    @ApiResponse(responseCode = "200", description = "The record.")
    @ApiResponse(
            responseCode = "410",
            description = "The record was withdrawn.",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    ApiRecord show(
            @Parameter(
                            description = "The record's slug.",
                            example = "state-council-study-session-digital-economy-2023-08-21")
                    @PathVariable
                    String slug,
            @Nullable Authentication user) {
        ApiRecord record = reader.record(slug).orElseThrow(() -> notFound(slug));
        if (isEditor(user) || record.status().equals("published")) {
            return record;
        }
        if (record.status().equals("withdrawn")) {
            throw new ApiProblem(HttpStatus.GONE, "api.record.withdrawn", record.title());
        }
        throw notFound(slug);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Create a record",
            description = "Creates a record from one record of the interchange format, checked by the same rules as"
                    + " the record form and bulk imports. It is published unless it says \"status\": \"draft\"."
                    + " Answers 201 with the record and its address in Location; 422 names each field at fault.",
            security = @SecurityRequirement(name = OpenApiConfiguration.TOKEN))
    @ApiResponse(responseCode = "201", description = "The record as created.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            description = "The record, in the interchange format's fields.",
            required = true,
            content = @Content(schema = @Schema(implementation = RecordInput.class)))
    ResponseEntity<ApiRecord> create(HttpServletRequest request, Authentication user) {
        String body = body(request);
        JsonNode fields = fields(body);
        RecordDraft draft = draft(body);
        String translation = text(fields, "translation");
        long id = editor.create(with(draft, draft.status(), translation), user.getName(), text(fields, "comment"));
        ApiRecord created = reader.record(id).orElseThrow();
        return ResponseEntity.status(HttpStatus.CREATED)
                .header(HttpHeaders.LOCATION, created.links().self())
                .body(created);
    }

    @PutMapping(path = "/{slug}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Change a record",
            description = "Replaces the record's content with the body, as the record form saves it, and keeps the"
                    + " old content as a revision. The body must give the version it read: when the record changed"
                    + " since, the answer is 409 with the record as it is now in \"current\". A body without"
                    + " \"status\" or \"translation\" keeps the record's; one without \"slug\" keeps its slug.",
            security = @SecurityRequirement(name = OpenApiConfiguration.TOKEN))
    @ApiResponse(responseCode = "200", description = "The record as changed.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            description = "The record, in the interchange format's fields, with the version it read.",
            required = true,
            content = @Content(schema = @Schema(implementation = RecordInput.class)))
    ApiRecord update(
            @Parameter(
                            description = "The record's slug.",
                            example = "state-council-study-session-digital-economy-2023-08-21")
                    @PathVariable
                    String slug,
            HttpServletRequest request,
            Authentication user) {
        ApiRecord current = reader.record(slug).orElseThrow(() -> notFound(slug));
        String body = body(request);
        JsonNode fields = fields(body);
        RecordDraft draft = draft(body);
        JsonNode version = fields.get("version");
        if (version == null || !version.isIntegralNumber()) {
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST,
                    Map.of("errors", List.of(Map.of("field", "version", "message", "required"))),
                    "api.version.required");
        }
        RecordStatus status = fields.has("status")
                ? draft.status()
                : RecordStatus.valueOf(current.status().toUpperCase(Locale.ROOT));
        String translation = fields.has("translation") ? text(fields, "translation") : current.translation();
        RecordDraft changed = with(draft, status, translation);
        try {
            editor.update(current.id(), version.longValue(), changed, user.getName(), text(fields, "comment"));
        } catch (EditConflictException e) {
            throw conflict(current.id(), version.longValue());
        }
        return reader.record(current.id()).orElseThrow();
    }

    /** A status change: the body of {@code PUT /api/records/{slug}/status}. */
    @Schema(name = "StatusChange", description = "A record's new status.")
    record StatusChange(
            @Schema(
                    description = "The new status.",
                    allowableValues = {"published", "draft", "withdrawn"},
                    requiredMode = Schema.RequiredMode.REQUIRED)
            @Nullable
            String status,

            @Schema(description = "The version last read; when given and stale, the answer is 409.") @Nullable
            Long version,

            @Schema(description = "Why, kept with the revision.") @Nullable
            String comment) {}

    @PutMapping(path = "/{slug}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Withdraw, publish or unpublish a record",
            description = "Changes the record's status, as a revision of its own: \"withdrawn\" takes it off the"
                    + " public pages (its page answers 410), \"published\" puts it back, \"draft\" hides it.",
            security = @SecurityRequirement(name = OpenApiConfiguration.TOKEN))
    @ApiResponse(responseCode = "200", description = "The record with its new status.")
    ApiRecord changeStatus(
            @Parameter(
                            description = "The record's slug.",
                            example = "state-council-study-session-digital-economy-2023-08-21")
                    @PathVariable
                    String slug,
            @RequestBody StatusChange change,
            Authentication user) {
        ApiRecord current = reader.record(slug).orElseThrow(() -> notFound(slug));
        RecordStatus status = parseStatus(change.status());
        if (change.version() != null && change.version() != current.version()) {
            throw conflict(current.id(), change.version());
        }
        editor.changeStatus(current.id(), status, user.getName(), change.comment());
        return reader.record(slug).orElseThrow();
    }

    private static RecordStatus parseStatus(@Nullable String status) {
        for (RecordStatus candidate : RecordStatus.values()) {
            if (candidate.name().equalsIgnoreCase(status == null ? "" : status.strip())) {
                return candidate;
            }
        }
        throw new ApiProblem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                Map.of("errors", List.of(Map.of("field", "status", "message", "published, draft or withdrawn"))),
                "api.status.unknown",
                String.valueOf(status));
    }

    private ApiProblem conflict(long id, long sentVersion) {
        ApiRecord now = reader.record(id).orElseThrow();
        return new ApiProblem(
                HttpStatus.CONFLICT, Map.of("current", now), "api.version.stale", sentVersion, now.version());
    }

    /**
     * The request's body as text (JSON is UTF-8), refused with a 413 past {@value #MAX_BODY_BYTES} bytes before more
     * is read: a record's text is at most a million characters.
     */
    private static String body(HttpServletRequest request) {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw tooLarge();
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ApiProblem tooLarge() {
        return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "api.body.tooLarge", MAX_BODY_BYTES / (1024 * 1024));
    }

    /** The body as one record of the interchange format; a body that is not one gets a 400 that says why. */
    private RecordDraft draft(String body) {
        try {
            return interchange.readLine(body);
        } catch (RejectedInput e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, e.messageKey(), e.arguments());
        }
    }

    /** The body's fields beside the record's own (version, translation, comment). */
    private JsonNode fields(String body) {
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JacksonException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "interchange.json", e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "interchange.object");
        }
        return node;
    }

    private static @Nullable String text(JsonNode fields, String name) {
        JsonNode value = fields.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "interchange.field.text", name);
        }
        return value.stringValue().isBlank() ? null : value.stringValue();
    }

    /** The draft with the status and the translation the API decided on, which the interchange format has not. */
    private static RecordDraft with(RecordDraft d, @Nullable RecordStatus status, @Nullable String translation) {
        return new RecordDraft(
                d.slug(),
                d.title(),
                d.kind(),
                d.date(),
                d.datePrecision(),
                d.place(),
                d.organization(),
                d.language(),
                d.summary(),
                d.body(),
                d.source(),
                status,
                translation,
                d.people(),
                d.themes(),
                d.notes());
    }

    static boolean isEditor(@Nullable Authentication user) {
        return user != null
                && user.getAuthorities().stream()
                        .anyMatch(a -> a.getAuthority().equals("ROLE_EDITOR")
                                || a.getAuthority().equals("ROLE_ADMIN"));
    }

    private static ApiProblem notFound(String slug) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "error.notFound.record", slug);
    }
}
