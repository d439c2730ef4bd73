package org.policyarchive.export;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.policyarchive.interchange.InterchangeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/** The headers of an export's download: its media type and a file name. */
final class ExportDownloads {

    /** JSON Lines' registered name is not settled; {@code application/x-ndjson} is the one clients know. */
    static final String JSON_LINES = "application/x-ndjson";

    static final String CSV = "text/csv";

    private ExportDownloads() {}

    static String extension(InterchangeFormat format) {
        return format == InterchangeFormat.CSV ? "csv" : "jsonl";
    }

    static void prepare(HttpServletResponse response, InterchangeFormat format, String name) {
        response.setContentType(format == InterchangeFormat.CSV ? CSV : JSON_LINES);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(name + "." + extension(format))
                        .build()
                        .toString());
    }
}
