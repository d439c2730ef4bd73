package org.policyarchive.interchange;

import java.util.Locale;
import java.util.Optional;

/** The interchange format's two files (DESIGN.md §5), known by the file name's extension. */
public enum InterchangeFormat {
    /** One JSON object a line ({@code .jsonl}, {@code .ndjson}). */
    JSONL,
    /** The same fields as columns, lists flattened ({@code .csv}). */
    CSV;

    public static Optional<InterchangeFormat> ofFileName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return Optional.of(JSONL);
        }
        return name.endsWith(".csv") ? Optional.of(CSV) : Optional.empty();
    }
}
