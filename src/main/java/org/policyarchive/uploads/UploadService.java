package org.policyarchive.uploads;

import java.nio.charset.Charset;
import org.jspecify.annotations.Nullable;
import org.policyarchive.audit.AuditAction;
import org.policyarchive.audit.AuditLog;
import org.policyarchive.record.RecordDraft;
import org.policyarchive.record.RecordEditor;
import org.policyarchive.system.InputRejectedException;
import org.policyarchive.system.NotFoundException;
import org.policyarchive.system.TextEncoding;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One uploaded document: its text is extracted and checked first, so that a rejected file leaves nothing behind;
 * then the original is stored with its checksum (and the upload audited in the same transaction), and a draft record
 * is proposed from its text. The record the editor saves from it is created together with the link to the original.
 */
@Service
class UploadService {

    private final TextExtractor extractor;
    private final UploadAnalyzer analyzer;
    private final OriginalFiles files;
    private final RecordEditor editor;
    private final AuditLog audit;

    UploadService(
            TextExtractor extractor,
            UploadAnalyzer analyzer,
            OriginalFiles files,
            RecordEditor editor,
            AuditLog audit) {
        this.extractor = extractor;
        this.analyzer = analyzer;
        this.files = files;
        this.editor = editor;
        this.audit = audit;
    }

    /** An upload of a file whose text, if it is a text file, is in UTF-8. */
    @Transactional
    Upload upload(String fileName, byte[] content, String username) {
        return upload(fileName, content, TextEncoding.UTF_8, username);
    }

    /** An upload of a file whose text, if it is a text file, is in {@code encoding}. */
    @Transactional
    Upload upload(String fileName, byte[] content, TextEncoding encoding, String username) {
        ExtractedText text = extractor.extract(fileName, content, encoding);
        RecordDraft draft = analyzer.analyze(text, fileName);
        long fileId = files.store(fileName, text.mediaType(), content, username);
        audit.recordAs(
                username,
                AuditAction.FILE_UPLOADED,
                "original_file",
                String.valueOf(fileId),
                fileName + " (" + content.length + " bytes, SHA-256 " + OriginalFiles.sha256(content) + ")");
        return new Upload(fileId, fileName, draft);
    }

    /**
     * The draft a stored original proposes, worked out again from its bytes: for a review page opened when the one
     * proposed at upload is no longer at hand (another browser, an expired session).
     */
    @Transactional(readOnly = true)
    Upload draftOf(long fileId) {
        OriginalFiles.OriginalFile file = file(fileId);
        byte[] content = files.content(fileId).orElseThrow();
        Charset charset = MediaType.parseMediaType(file.mediaType()).getCharset();
        TextEncoding encoding = charset == null
                ? TextEncoding.UTF_8
                : TextEncoding.named(charset.name()).orElse(TextEncoding.UTF_8);
        return new Upload(
                fileId,
                file.fileName(),
                analyzer.analyze(extractor.extract(file.fileName(), content, encoding), file.fileName()));
    }

    /**
     * Creates the record an editor saved from an upload and links the original to it, both or neither.
     *
     * @throws InputRejectedException when a record was already saved from this original
     */
    @Transactional
    long createRecord(long fileId, RecordDraft draft, String username, @Nullable String comment) {
        if (file(fileId).recordId() != null) {
            throw new InputRejectedException(
                    HttpStatus.CONFLICT,
                    UploadAdminController.PATH,
                    "upload.rejected.saved",
                    file(fileId).fileName());
        }
        long recordId = editor.create(draft, username, comment);
        files.linkToRecord(fileId, recordId);
        return recordId;
    }

    private OriginalFiles.OriginalFile file(long fileId) {
        return files.find(fileId).orElseThrow(() -> new NotFoundException("file.not-found", String.valueOf(fileId)));
    }

    /** A stored original and the record it proposes. */
    record Upload(long fileId, String fileName, RecordDraft draft) {}
}
