package org.policyarchive.interchange;

import java.io.IOException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** Reads a JSON Lines file line by line, with a cap on a line's length so that one huge line cannot exhaust memory. */
final class JsonLinesFile extends InterchangeFile {

    private final InterchangeReader interchange;
    private final int maxLineChars;
    private final char[] buffer = new char[64 * 1024];
    private int position;
    private int limit;
    private long lineNumber;
    private boolean atEnd;

    JsonLinesFile(Path file, int maxLineChars, InterchangeReader interchange) throws IOException {
        super(file);
        this.interchange = interchange;
        this.maxLineChars = maxLineChars;
    }

    @Override
    public @Nullable Entry next() throws IOException {
        while (!atEnd) {
            StringBuilder line = new StringBuilder();
            boolean tooLong = readLine(line);
            if (atEnd && line.isEmpty() && !tooLong) {
                return null;
            }
            lineNumber++;
            if (tooLong) {
                return Entry.rejected(lineNumber, new RejectedInput("interchange.line.long", maxLineChars));
            }
            String text = line.toString();
            if (text.isBlank()) {
                continue;
            }
            try {
                return Entry.accepted(lineNumber, interchange.readItem(text));
            } catch (RejectedInput e) {
                return Entry.rejected(lineNumber, e);
            }
        }
        return null;
    }

    /** Reads up to the next line feed; returns true (and drops the rest of the line) when it exceeds the cap. */
    private boolean readLine(StringBuilder line) throws IOException {
        boolean tooLong = false;
        while (true) {
            if (position == limit) {
                limit = reader.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    atEnd = true;
                    return tooLong;
                }
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            int end = position;
            if (!tooLong) {
                if (line.length() + (end - start) > maxLineChars) {
                    tooLong = true;
                    line.setLength(0);
                } else {
                    line.append(buffer, start, end - start);
                }
            }
            if (position < limit) {
                position++;
                if (!tooLong && !line.isEmpty() && line.charAt(line.length() - 1) == '\r') {
                    line.setLength(line.length() - 1);
                }
                return tooLong;
            }
        }
    }
}
