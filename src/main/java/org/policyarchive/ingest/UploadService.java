package org.policyarchive.ingest;

import org.policyarchive.audit.AuditLog;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One uploaded document: its text is extracted and checked first, so that a rejected file leaves nothing behind;
 * then the original is stored with its checksum (and the upload audited in the same transaction), and the draft
 * record is proposed from its text. The draft can be worked out again at any time from the stored original.
 */
@Service
class UploadService {

    private final TextExtractor extractor;
    private final UploadAnalyzer analyzer;
    private final OriginalFiles files;
    private final AuditLog audit;

    UploadService(TextExtractor extractor, UploadAnalyzer analyzer, OriginalFiles files, AuditLog audit) {
        this.extractor = extractor;
        this.analyzer = analyzer;
        this.files = files;
        this.audit = audit;
    }

    @Transactional
    Upload upload(String fileName, byte[] content, String username) {
        ExtractedText text = extractor.extract(fileName, content);
        UploadDraft draft = analyzer.analyze(text, fileName);
        long fileId = files.store(fileName, text.mediaType(), content, username);
        audit.recordAs(
                username,
                "FILE_UPLOADED",
                "original_file",
                String.valueOf(fileId),
                fileName + " (" + content.length + " bytes, SHA-256 " + OriginalFiles.sha256(content) + ")");
        return new Upload(fileId, fileName, draft);
    }

    /** The draft the stored original proposes. */
    @Transactional(readOnly = true)
    Upload draftOf(long fileId) {
        OriginalFiles.OriginalFile file = files.find(fileId)
                .orElseThrow(() -> new IngestRejection(HttpStatus.NOT_FOUND, "file.not-found", fileId));
        byte[] content = files.content(fileId).orElseThrow();
        UploadDraft draft = analyzer.analyze(extractor.extract(file.fileName(), content), file.fileName());
        return new Upload(fileId, file.fileName(), draft);
    }

    /** A stored original and the record it proposes. */
    public record Upload(long fileId, String fileName, UploadDraft draft) {}
}
