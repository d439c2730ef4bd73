package org.policyarchive.citation;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.policyarchive.record.Record;
import org.policyarchive.record.RecordCatalog;
import org.policyarchive.record.RecordStatus;
import org.policyarchive.system.GoneException;
import org.policyarchive.system.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A record's citation as a file for reference managers: BibTeX, RIS and CSL-JSON, each downloaded under the record's
 * slug. The same records answer as the record page: a draft or an unknown slug is not found, a withdrawn record gone.
 */
@Controller
class CitationController {

    static final MediaType BIBTEX = new MediaType("application", "x-bibtex", StandardCharsets.UTF_8);
    static final MediaType RIS = new MediaType("application", "x-research-info-systems", StandardCharsets.UTF_8);
    static final MediaType CSL_JSON =
            new MediaType("application", "vnd.citationstyles.csl+json", StandardCharsets.UTF_8);

    private final RecordCatalog catalog;
    private final Citations citations;

    CitationController(RecordCatalog catalog, Citations citations) {
        this.catalog = catalog;
        this.citations = citations;
    }

    @GetMapping("/records/{slug}/cite.bib")
    ResponseEntity<String> bibtex(@PathVariable String slug) {
        return download(slug, "bib", BIBTEX, BibTeX::entry);
    }

    @GetMapping("/records/{slug}/cite.ris")
    ResponseEntity<String> ris(@PathVariable String slug) {
        return download(slug, "ris", RIS, Ris::record);
    }

    @GetMapping("/records/{slug}/cite.json")
    ResponseEntity<String> cslJson(@PathVariable String slug) {
        return download(slug, "json", CSL_JSON, CslJson::items);
    }

    private ResponseEntity<String> download(
            String slug, String extension, MediaType type, Function<CitedWork, String> format) {
        Record record = catalog.findBySlug(slug)
                .filter(r -> r.getStatus() != RecordStatus.DRAFT)
                .orElseThrow(() -> new NotFoundException("error.notFound.record", slug));
        if (record.getStatus() == RecordStatus.WITHDRAWN) {
            throw new GoneException(record.getTitle(), "record.withdrawn");
        }
        CitedWork work = citations.work(record, Citations.recordUrl(slug));
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(slug + "." + extension, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(format.apply(work));
    }
}
