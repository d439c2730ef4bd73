package org.policyarchive.ingest;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.policyarchive.record.DatePrecision;
import org.policyarchive.record.RecordKind;
import org.policyarchive.record.RecordStatus;
import org.policyarchive.record.Role;

/** One record of the interchange format (DESIGN.md §5), read and checked, ready to be saved or shown in a form. */
record InterchangeRecord(
        @Nullable String slug,
        String title,
        @Nullable LocalDate date,
        @Nullable DatePrecision datePrecision,
        RecordKind kind,
        String language,
        @Nullable String place,
        @Nullable String organization,
        @Nullable String summary,
        List<Speaker> speakers,
        List<String> themes,
        String body,
        @Nullable String source,
        List<String> notes,
        RecordStatus status) {

    /** A person named in the record, with the part they took and the office the source gives them. */
    record Speaker(String name, Role role, @Nullable String office) {}
}
