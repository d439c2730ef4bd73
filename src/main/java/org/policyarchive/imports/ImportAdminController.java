package org.policyarchive.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.policyarchive.interchange.InterchangeFile;
import org.policyarchive.interchange.InterchangeFormat;
import org.policyarchive.record.Kinds;
import org.policyarchive.system.Flash;
import org.policyarchive.system.InputRejectedException;
import org.policyarchive.system.NotFoundException;
import org.policyarchive.system.PageNumbers;
import org.policyarchive.system.TextEncoding;
import org.policyarchive.system.UploadedFileNames;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Bulk imports for admins: the upload form and job list, a job's progress and report, its status as JSON, cancel, and
 * for an interrupted job, resume and discard.
 */
@Controller
@RequestMapping("/admin/imports")
@PreAuthorize("hasRole('ADMIN')")
class ImportAdminController {

    static final String PATH = "/admin/imports";
    static final int ERRORS_PER_PAGE = 500;
    static final int WARNINGS_SHOWN = 500;

    /** How often the page of a running job reloads itself in a browser without JavaScript. */
    static final int REFRESH_SECONDS = 5;

    /** A small file in the interchange format that imports cleanly: the form offers it as an example. */
    static final ClassPathResource SAMPLE = new ClassPathResource("imports/sample.jsonl");

    private final ImportJobService imports;
    private final MessageSource messages;
    private final Kinds kinds;

    ImportAdminController(ImportJobService imports, MessageSource messages, Kinds kinds) {
        this.imports = imports;
        this.messages = messages;
        this.kinds = kinds;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("jobs", imports.recent());
        model.addAttribute("encodings", TextEncoding.values());
        model.addAttribute("kinds", kinds.all());
        return "admin/imports/list";
    }

    @GetMapping(path = "/sample.jsonl")
    ResponseEntity<Resource> sample() {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/jsonl;charset=UTF-8"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("sample.jsonl")
                                .build()
                                .toString())
                .body(SAMPLE);
    }

    /**
     * Stores the file, converted to UTF-8 from the encoding the admin chose, and queues its import, which reads the
     * kinds the archive does not know as the admin mapped them, or adds them when the admin ticked the box.
     */
    @PostMapping
    String upload(
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(defaultValue = "UTF_8") TextEncoding encoding,
            @RequestParam(required = false) @Nullable String kindMappings,
            @RequestParam(defaultValue = "false") boolean createKinds,
            Principal principal,
            RedirectAttributes redirect) {
        ImportKinds unknownKinds = ImportKinds.read(kindMappings, createKinds, kinds);
        String fileName = UploadedFileNames.of(file, PATH);
        InterchangeFormat format = InterchangeFormat.ofFileName(fileName)
                .orElseThrow(() -> new InputRejectedException(
                        HttpStatus.UNSUPPORTED_MEDIA_TYPE, PATH, "import.rejected.type", fileName));
        if (file.isEmpty()) {
            throw new InputRejectedException(HttpStatus.BAD_REQUEST, PATH, "upload.rejected.empty", fileName);
        }
        ImportJobView job;
        try (InputStream content = InterchangeFile.inUtf8(file.getInputStream(), encoding.charset())) {
            job = imports.submit(fileName, format, content, principal.getName(), unknownKinds);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Flash.next(redirect, "import.started");
        return "redirect:/admin/imports/" + job.id();
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, @RequestParam(defaultValue = "1") int page, Model model) {
        ImportJobView job = job(id);
        int current = PageNumbers.checked(page, 1, ERRORS_PER_PAGE);
        model.addAttribute("job", job);
        if (!job.finished()) {
            model.addAttribute("refreshSeconds", REFRESH_SECONDS);
        }
        model.addAttribute("resumable", imports.canResume(job));
        model.addAttribute("errors", imports.errors(id, (current - 1) * ERRORS_PER_PAGE, ERRORS_PER_PAGE));
        model.addAttribute("warnings", imports.warnings(id, WARNINGS_SHOWN));
        model.addAttribute("warningCount", imports.countWarnings(id));
        model.addAttribute("page", current);
        model.addAttribute("pages", Math.max(1, (job.linesRejected() + ERRORS_PER_PAGE - 1) / ERRORS_PER_PAGE));
        return "admin/imports/job";
    }

    @GetMapping(path = "/{id}/status", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> status(@PathVariable long id, Locale locale) {
        ImportJobView job = job(id);
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("id", job.id());
        status.put("status", job.status().name());
        status.put("finished", job.finished());
        status.put("percent", job.percent());
        status.put("linesRead", job.linesRead());
        status.put("recordsImported", job.recordsImported());
        status.put("recordsSkipped", job.recordsSkipped());
        status.put("linesRejected", job.linesRejected());
        status.put("recordsPerSecond", job.rateKnown() ? job.recordsPerSecond() : null);
        status.put("secondsLeft", job.secondsLeft());
        status.put("timeLeft", text(job.timeLeftMessage(), locale));
        status.put("duration", text(job.durationMessage(), locale));
        status.put("cancelRequested", job.cancelRequested());
        return status;
    }

    @PostMapping("/{id}/cancel")
    String cancel(@PathVariable long id, RedirectAttributes redirect) {
        job(id);
        String outcome = !imports.cancel(id)
                ? "import.cancel.too-late"
                : job(id).finished() ? "import.cancel.done" : "import.cancel.requested";
        Flash.next(redirect, outcome);
        return "redirect:/admin/imports/" + id;
    }

    @PostMapping("/{id}/resume")
    String resume(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        job(id);
        Flash.next(redirect, imports.resume(id, principal.getName()) ? "import.resumed" : "import.resume.impossible");
        return "redirect:/admin/imports/" + id;
    }

    @PostMapping("/{id}/discard")
    String discard(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        job(id);
        Flash.next(
                redirect, imports.discard(id, principal.getName()) ? "import.discarded" : "import.discard.impossible");
        return "redirect:/admin/imports/" + id;
    }

    private @Nullable String text(@Nullable ImportMessage message, Locale locale) {
        return message == null ? null : messages.getMessage(message.key(), message.argumentArray(), locale);
    }

    private ImportJobView job(long id) {
        return imports.find(id).orElseThrow(() -> new NotFoundException("import.not-found", String.valueOf(id)));
    }
}
