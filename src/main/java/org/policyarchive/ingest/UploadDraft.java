package org.policyarchive.ingest;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.policyarchive.record.DatePrecision;
import org.policyarchive.record.RecordKind;
import org.policyarchive.record.Role;

/**
 * What an upload proposes for a new record, for an editor to review: everything read or guessed from the file.
 * People carry the id of a known person when one of their names matched, or only a name to create.
 */
public record UploadDraft(
        String title,
        String body,
        @Nullable LocalDate date,
        @Nullable DatePrecision datePrecision,
        @Nullable RecordKind kind,
        String language,
        @Nullable String place,
        @Nullable String organization,
        @Nullable String summary,
        @Nullable String source,
        List<ProposedPerson> people,
        List<ProposedTheme> themes,
        List<String> notes) {

    public record ProposedPerson(
            @Nullable Long personId,
            String name,
            Role role,
            @Nullable String office) {}

    public record ProposedTheme(@Nullable Long themeId, String name) {}
}
