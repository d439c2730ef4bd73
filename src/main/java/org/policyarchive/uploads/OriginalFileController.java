package org.policyarchive.uploads;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.policyarchive.system.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Downloads of stored originals, always as attachments under their stored media type, never sniffed. */
@Controller
@PreAuthorize("hasAnyRole('EDITOR', 'ADMIN')")
class OriginalFileController {

    private final OriginalFiles files;

    OriginalFileController(OriginalFiles files) {
        this.files = files;
    }

    static final String PATH = "/admin/files";

    @GetMapping(PATH + "/{id}")
    ResponseEntity<byte[]> download(@PathVariable long id) {
        OriginalFiles.OriginalFile file =
                files.find(id).orElseThrow(() -> new NotFoundException("file.not-found", String.valueOf(id)));
        byte[] content = files.content(id).orElseThrow();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.mediaType()))
                .contentLength(content.length)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file.fileName(), charsetFor(file.fileName()))
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(content);
    }

    /** Plain ASCII names go as they are; others are encoded (RFC 5987) so that every browser keeps them. */
    private static Charset charsetFor(String fileName) {
        return StandardCharsets.US_ASCII.newEncoder().canEncode(fileName)
                ? StandardCharsets.US_ASCII
                : StandardCharsets.UTF_8;
    }
}
