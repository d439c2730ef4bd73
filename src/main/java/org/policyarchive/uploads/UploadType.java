package org.policyarchive.uploads;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.policyarchive.system.TextEncoding;

/**
 * The kinds of file an editor can upload, each with the media type it is stored under and the media types that
 * content sniffing (Tika's magic bytes) may find in a genuine file of that kind.
 */
enum UploadType {
    TXT("txt", "text/plain; charset=UTF-8", Set.of("text/plain")),
    MD("md", "text/markdown; charset=UTF-8", Set.of("text/plain", "text/x-web-markdown", "text/markdown")),
    HTML("html", "text/html; charset=UTF-8", Set.of("text/html", "text/plain", "application/xhtml+xml")),
    DOCX(
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Set.of(
                    "application/zip",
                    "application/x-tika-ooxml",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document")),
    PDF("pdf", "application/pdf", Set.of("application/pdf")),
    JSON("json", "application/json", Set.of("text/plain", "application/json"));

    private final String extension;
    private final String mediaType;
    private final Set<String> sniffed;

    UploadType(String extension, String mediaType, Set<String> sniffed) {
        this.extension = extension;
        this.mediaType = mediaType;
        this.sniffed = sniffed;
    }

    static Optional<UploadType> ofFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        String wanted = switch (extension) {
            case "htm" -> "html";
            case "markdown" -> "md";
            default -> extension;
        };
        return Arrays.stream(values()).filter(t -> t.extension.equals(wanted)).findFirst();
    }

    /** The extensions accepted, for messages: {@code .txt, .md, ...}. */
    static String allowedList() {
        return String.join(", ", allowed());
    }

    static List<String> allowed() {
        return Arrays.stream(values()).map(t -> "." + t.extension).toList();
    }

    /** The media type an original of this kind is kept under; a text names its encoding. */
    String mediaType(TextEncoding encoding) {
        if (!isText() || encoding == TextEncoding.UTF_8) {
            return mediaType;
        }
        return mediaType.replaceFirst(";.*", "") + "; charset=" + encoding.label();
    }

    boolean isText() {
        return this == TXT || this == MD || this == HTML || this == JSON;
    }

    /** Whether sniffed content of this media type can be a genuine file of this kind. */
    boolean accepts(String sniffedMediaType) {
        return sniffed.contains(sniffedMediaType);
    }
}
