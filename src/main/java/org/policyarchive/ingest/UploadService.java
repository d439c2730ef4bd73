package org.policyarchive.ingest;

import org.springframework.stereotype.Service;

/**
 * One uploaded document: its text is extracted and checked first, so that a file that is rejected leaves
 * nothing behind; then the original is stored with its checksum and the draft record proposed from its text.
 */
@Service
class UploadService {

    private final TextExtractor extractor;
    private final UploadAnalyzer analyzer;
    private final OriginalFiles files;

    UploadService(TextExtractor extractor, UploadAnalyzer analyzer, OriginalFiles files) {
        this.extractor = extractor;
        this.analyzer = analyzer;
        this.files = files;
    }

    Upload upload(String fileName, byte[] content, String username) {
        ExtractedText text = extractor.extract(fileName, content);
        UploadDraft draft = analyzer.analyze(text, fileName);
        long fileId = files.store(fileName, text.mediaType(), content, username);
        return new Upload(fileId, fileName, draft);
    }

    /** A stored original and the record it proposes. */
    public record Upload(long fileId, String fileName, UploadDraft draft) {}
}
