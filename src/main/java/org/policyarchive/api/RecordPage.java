package org.policyarchive.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of {@code /api/records}: the search page's results as records, with links to the pages around it. */
@Schema(name = "RecordPage", description = "One page of published records that match the query and the filters.")
record RecordPage(
        @Schema(description = "How many published records match.")
        long total,

        @Schema(description = "This page's number, from 1.") int page,
        @Schema(description = "Records per page.") int pageSize,

        @Schema(description = "How many pages there are (at most 1,000).")
        int pageCount,

        @Schema(description = "The records of this page, in the order asked for.")
        List<ApiRecord> records,

        @Schema(description = "This page, the pages before and after it, and the same search for readers.")
        Links links) {

    @Schema(name = "PageLinks", description = "Links of a page of records.")
    record Links(
            @Schema(description = "This page.") String self,

            @Schema(description = "The next page; none on the last.") @Nullable
            String next,

            @Schema(description = "The previous page; none on the first.") @Nullable
            String prev,

            @Schema(description = "The same search on the search page, for readers.")
            String html) {}
}
