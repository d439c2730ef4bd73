package org.policyarchive.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** People and themes, for anyone: the indexes and each one alone, with links to their records. */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
class CatalogueApiController {

    private final ApiReader reader;

    CatalogueApiController(ApiReader reader) {
        this.reader = reader;
    }

    @GetMapping("/people")
    @Tag(name = "People")
    @Operation(
            summary = "Every person",
            description = "Every person the archive knows, by name, with how many published records name each.")
    List<ApiPerson.Summary> people() {
        return reader.people();
    }

    @GetMapping("/people/{slug}")
    @Tag(name = "People")
    @Operation(
            summary = "One person",
            description = "A person with aliases and offices. The old slug of a person merged into another answers"
                    + " 301 with the kept person's address in Location.")
    @ApiResponse(responseCode = "200", description = "The person.")
    @ApiResponse(responseCode = "301", description = "The person was merged into the one in Location.")
    ResponseEntity<ApiPerson.Detail> person(
            @Parameter(description = "The person's slug.", example = "li-qiang") @PathVariable String slug) {
        return reader.person(slug).map(ResponseEntity::ok).orElseGet(() -> {
            String kept = reader.movedPerson(slug)
                    .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "error.notFound.person", slug));
            return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
                    .header(HttpHeaders.LOCATION, ApiLinks.to("/api/people/{slug}", kept))
                    .build();
        });
    }

    @GetMapping("/themes")
    @Tag(name = "Themes")
    @Operation(
            summary = "The theme vocabulary",
            description = "The two-level vocabulary: each broader theme with its narrower themes, in order.")
    List<ApiTheme.Node> themes() {
        return reader.themes();
    }

    @GetMapping("/themes/{slug}")
    @Tag(name = "Themes")
    @Operation(summary = "One theme", description = "A theme with its broader or narrower themes.")
    @ApiResponse(responseCode = "200", description = "The theme.")
    ApiTheme.Detail theme(
            @Parameter(description = "The theme's slug.", example = "digital-economy") @PathVariable String slug) {
        return reader.theme(slug).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "error.notFound.theme", slug));
    }
}
