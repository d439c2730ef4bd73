package org.policyarchive.ingest;

import java.util.Locale;
import java.util.Optional;

/** The file formats a bulk import reads, known by the file name's extension. */
enum ImportFormat {
    JSONL,
    CSV;

    static Optional<ImportFormat> ofFileName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return Optional.of(JSONL);
        }
        return name.endsWith(".csv") ? Optional.of(CSV) : Optional.empty();
    }
}
