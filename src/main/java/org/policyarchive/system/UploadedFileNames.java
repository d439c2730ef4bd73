package org.policyarchive.system;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.multipart.MultipartFile;

/** The file of an upload or import form, with the name the archive keeps for it. */
public final class UploadedFileNames {

    /** The longest file name kept (the columns that keep it). */
    public static final int MAX_LENGTH = 300;

    private UploadedFileNames() {}

    /**
     * The name of the file sent as {@code file}, checked.
     *
     * @throws InputRejectedException when no file was chosen, or its name is longer than {@link #MAX_LENGTH} or holds
     *     a control character; {@code backPath} is the form to go back to
     */
    public static String of(@Nullable MultipartFile file, String backPath) {
        String name = file == null || file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        if (file == null || (name.isEmpty() && file.isEmpty())) {
            throw new InputRejectedException(HttpStatus.BAD_REQUEST, backPath, "upload.rejected.missing");
        }
        if (ControlCharacters.inLine(name)) {
            throw new InputRejectedException(
                    HttpStatus.BAD_REQUEST, backPath, "upload.rejected.name.control", ControlCharacters.shown(name));
        }
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            throw new InputRejectedException(
                    HttpStatus.BAD_REQUEST,
                    backPath,
                    "upload.rejected.name.long",
                    name.substring(0, 40) + "…",
                    MAX_LENGTH);
        }
        return name;
    }
}
