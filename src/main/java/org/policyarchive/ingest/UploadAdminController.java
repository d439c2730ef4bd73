package org.policyarchive.ingest;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.Principal;
import org.policyarchive.system.DataSizes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploading one document: the upload form; the upload itself, which stores the original and redirects to the
 * record form prefilled from the file's text, for the editor to correct and save. The file waits in the session
 * until the record is created, when {@link OriginalFileLinker} links it to the record.
 */
@Controller
@RequestMapping("/admin/uploads")
@PreAuthorize("hasAnyRole('EDITOR', 'ADMIN')")
class UploadAdminController {

    private final UploadService uploads;
    private final RecordFormPage formPage;
    private final DataSize maxSize;

    UploadAdminController(
            UploadService uploads,
            RecordFormPage formPage,
            @Value("${archive.upload.max-size:20MB}") DataSize maxSize) {
        this.uploads = uploads;
        this.formPage = formPage;
        this.maxSize = maxSize;
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("allowed", UploadType.allowedList());
        model.addAttribute("limit", DataSizes.readable(maxSize));
        return "admin/ingest/upload";
    }

    @PostMapping
    String upload(@RequestParam("file") MultipartFile file, Principal principal, HttpSession session) {
        String fileName = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        if (file.getSize() > maxSize.toBytes()) {
            throw new IngestRejection(HttpStatus.CONTENT_TOO_LARGE, "error.413.file", DataSizes.readable(maxSize));
        }
        byte[] content;
        try {
            content = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        UploadService.Upload upload = uploads.upload(fileName, content, principal.getName());
        session.setAttribute(OriginalFileLinker.PENDING_FILE, upload.fileId());
        return "redirect:/admin/uploads/" + upload.fileId();
    }

    /** The record form (the editing module's template), prefilled from the stored original. */
    @GetMapping("/{fileId}")
    String review(@PathVariable long fileId, Model model, HttpSession session) {
        UploadService.Upload upload = uploads.draftOf(fileId);
        session.setAttribute(OriginalFileLinker.PENDING_FILE, fileId);
        model.addAttribute("recordForm", UploadPrefill.formFor(upload.draft()));
        model.addAttribute("message", "upload.prefilled");
        return formPage.render(model, null);
    }
}
