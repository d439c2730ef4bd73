package org.policyarchive.ingest;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * A file being imported, read one entry at a time so that a file of any size needs only one line in memory.
 * Bytes that are not UTF-8 become {@link InterchangeReader#INVALID_UTF8}, so the entry holding them is rejected
 * and the rest of the file still reads.
 */
abstract class ImportSource implements Closeable {

    private final CountingStream counted;
    protected final Reader reader;

    protected ImportSource(Path file) throws IOException {
        this.counted = new CountingStream(Files.newInputStream(file));
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(String.valueOf(InterchangeReader.INVALID_UTF8));
        this.reader = new InputStreamReader(counted, decoder);
    }

    static ImportSource open(ImportFormat format, Path file, int maxLineChars) throws IOException {
        return switch (format) {
            case JSONL -> new JsonLinesSource(file, maxLineChars);
            case CSV -> new CsvSource(file);
        };
    }

    /** The next entry, or null at the end of the file. */
    abstract @Nullable Entry next() throws IOException;

    /** How far into the file the reader is, in bytes (read ahead by a buffer's length at most). */
    long bytesRead() {
        return counted.count;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    /** A line (or CSV row) and what it holds: a record, or the reason it was rejected. */
    record Entry(
            long lineNumber,
            @Nullable InterchangeRecord record,
            @Nullable String rejection) {

        static Entry accepted(long lineNumber, InterchangeRecord record) {
            return new Entry(lineNumber, record, null);
        }

        static Entry rejected(long lineNumber, String reason) {
            return new Entry(lineNumber, null, reason);
        }
    }

    private static final class CountingStream extends FilterInputStream {

        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
