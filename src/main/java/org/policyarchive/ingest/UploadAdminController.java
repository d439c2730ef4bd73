package org.policyarchive.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.Principal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Uploading one document: the form, and the draft record proposed from the file's text for review. */
@Controller
@RequestMapping("/admin/uploads")
@PreAuthorize("hasAnyRole('EDITOR', 'ADMIN')")
class UploadAdminController {

    private final UploadService uploads;
    private final DataSize maxSize;

    UploadAdminController(UploadService uploads, @Value("${archive.upload.max-size:20MB}") DataSize maxSize) {
        this.uploads = uploads;
        this.maxSize = maxSize;
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("allowed", UploadType.allowedList());
        model.addAttribute("limit", IngestErrorAdvice.megabytes(maxSize));
        return "admin/ingest/upload";
    }

    @PostMapping
    String upload(@RequestParam("file") MultipartFile file, Principal principal, Model model) {
        String fileName = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        if (file.getSize() > maxSize.toBytes()) {
            throw new IngestRejection(
                    HttpStatus.PAYLOAD_TOO_LARGE, "upload.rejected.too-large", IngestErrorAdvice.megabytes(maxSize));
        }
        byte[] content;
        try {
            content = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        UploadService.Upload upload = uploads.upload(fileName, content, principal.getName());
        model.addAttribute("upload", upload);
        model.addAttribute("draft", upload.draft());
        return "admin/ingest/upload-review";
    }
}
