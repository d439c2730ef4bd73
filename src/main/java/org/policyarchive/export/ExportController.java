package org.policyarchive.export;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.policyarchive.interchange.InterchangeFormat;
import org.policyarchive.search.InvalidSearchException;
import org.policyarchive.search.RecordMatches;
import org.policyarchive.search.SearchForm;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The published records of any search, for anyone, as a file of the interchange format: {@code /export/records.jsonl}
 * or {@code /export/records.csv} with the search page's parameters ({@code q}, {@code person}, {@code role},
 * {@code theme}, {@code kind}, {@code lang}, {@code from}, {@code to}); without any, every published record. The file
 * is written as it is read, a batch of records at a time. A search that cannot run gets a 400 with problem details,
 * before anything is written.
 */
@Controller
class ExportController {

    private final ArchiveExport export;
    private final RecordMatches matches;
    private final MessageSource messages;

    ExportController(ArchiveExport export, RecordMatches matches, MessageSource messages) {
        this.export = export;
        this.matches = matches;
        this.messages = messages;
    }

    @GetMapping("/export/records.jsonl")
    void jsonLines(@ModelAttribute SearchForm search, HttpServletResponse response) throws IOException {
        write(search, InterchangeFormat.JSONL, response);
    }

    @GetMapping("/export/records.csv")
    void csv(@ModelAttribute SearchForm search, HttpServletResponse response) throws IOException {
        write(search, InterchangeFormat.CSV, response);
    }

    private void write(SearchForm search, InterchangeFormat format, HttpServletResponse response) throws IOException {
        RecordMatches.Matches found = matches.find(search);
        ExportDownloads.prepare(response, format, "records");
        export.export(found, format, response.getOutputStream());
    }

    @ExceptionHandler(InvalidSearchException.class)
    ResponseEntity<ProblemDetail> invalidSearch(InvalidSearchException e, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, messages.getMessage(e.messageCode(), e.arguments(), locale));
        problem.setTitle(messages.getMessage("export.search.invalid", null, locale));
        return ResponseEntity.badRequest().body(problem);
    }
}
