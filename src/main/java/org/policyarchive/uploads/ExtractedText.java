package org.policyarchive.uploads;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.policyarchive.record.RecordDraft;

/**
 * What an uploaded file says, before any guessing: its title (from the document's metadata, or null), its
 * paragraphs in order, and, for a {@code .json} upload, the complete interchange record it holds.
 */
record ExtractedText(
        @Nullable String metadataTitle,
        List<String> paragraphs,
        String mediaType,
        @Nullable RecordDraft interchange) {}
