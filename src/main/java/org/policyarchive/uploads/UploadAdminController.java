package org.policyarchive.uploads;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.Principal;
import org.jspecify.annotations.Nullable;
import org.policyarchive.record.RecordDraft;
import org.policyarchive.record.RecordForm;
import org.policyarchive.record.RecordFormPage;
import org.policyarchive.record.RecordTexts;
import org.policyarchive.system.ArchiveProperties;
import org.policyarchive.system.DataSizes;
import org.policyarchive.system.Flash;
import org.policyarchive.system.InputRejectedException;
import org.policyarchive.system.TextEncoding;
import org.policyarchive.system.UploadedFileNames;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Uploading one document: the upload form; the upload, which stores the original and shows the record form prefilled
 * from the file's text (the record module's form, posting back here), for the editor to correct and save; and the
 * save, which creates the record with the original linked to it. Each upload has its own address, so two uploads
 * reviewed in two tabs each link their own original.
 */
@Controller
@RequestMapping(UploadAdminController.PATH)
@PreAuthorize("hasAnyRole('EDITOR', 'ADMIN')")
class UploadAdminController {

    static final String PATH = "/admin/uploads";

    /** The session keeps the draft proposed at upload for its review page, by file id. */
    private static final String DRAFT = UploadAdminController.class.getName() + ".draft-";

    private final UploadService uploads;
    private final RecordFormPage formPage;
    private final RecordTexts texts;
    private final DataSize maxSize;

    UploadAdminController(
            UploadService uploads, RecordFormPage formPage, RecordTexts texts, ArchiveProperties archive) {
        this.uploads = uploads;
        this.formPage = formPage;
        this.texts = texts;
        this.maxSize = archive.upload().maxSize();
    }

    @InitBinder
    void disallowId(WebDataBinder binder) {
        binder.setDisallowedFields("id");
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("allowed", UploadType.allowedList());
        model.addAttribute("limit", DataSizes.readable(maxSize));
        model.addAttribute("encodings", TextEncoding.values());
        return "admin/uploads/upload";
    }

    @PostMapping
    String upload(
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(defaultValue = "UTF_8") TextEncoding encoding,
            Principal principal,
            HttpSession session) {
        String fileName = UploadedFileNames.of(file, PATH);
        if (file.getSize() > maxSize.toBytes()) {
            throw new InputRejectedException(
                    HttpStatus.CONTENT_TOO_LARGE, PATH, "error.413.file", DataSizes.readable(maxSize));
        }
        byte[] content;
        try {
            content = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        UploadService.Upload upload = uploads.upload(fileName, content, encoding, principal.getName());
        session.setAttribute(DRAFT + upload.fileId(), upload.draft());
        return "redirect:" + PATH + "/" + upload.fileId();
    }

    /**
     * The record form, prefilled with what the upload proposes, with a warning and a link when the archive has the
     * same text already, or nearly the same.
     */
    @GetMapping("/{fileId}")
    String review(@PathVariable long fileId, Model model, HttpSession session) {
        RecordDraft draft = session.getAttribute(DRAFT + fileId) instanceof RecordDraft proposed
                ? proposed
                : uploads.draftOf(fileId).draft();
        model.addAttribute("recordForm", RecordForm.of(draft));
        if (draft.body() != null) {
            texts.findLike(draft.body()).ifPresent(match -> model.addAttribute("duplicate", match));
        }
        Flash.now(model, "upload.prefilled");
        return formPage.show(model, null, PATH + "/" + fileId);
    }

    @PostMapping("/{fileId}")
    String save(
            @PathVariable long fileId,
            @ModelAttribute("recordForm") RecordForm form,
            BindingResult result,
            @RequestParam(defaultValue = "save") String action,
            Model model,
            Principal principal,
            HttpSession session,
            RedirectAttributes redirect) {
        return formPage.processCreation(
                form,
                result,
                action,
                model,
                PATH + "/" + fileId,
                draft -> {
                    long recordId = uploads.createRecord(fileId, draft, principal.getName(), form.getComment());
                    session.removeAttribute(DRAFT + fileId);
                    return recordId;
                },
                redirect);
    }
}
