package org.policyarchive.interchange;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.policyarchive.person.PersonDraft;
import org.policyarchive.record.KindLookup;
import org.policyarchive.record.RecordDraft;
import org.policyarchive.record.RecordKind;
import org.policyarchive.theme.ThemeDraft;

/**
 * A file in the interchange format, in UTF-8 (a byte-order mark at its start is dropped), read one entry at a time so
 * that a file of any size needs only one line in memory. Bytes that are not UTF-8 become
 * {@link InterchangeReader#INVALID_UTF8}, so the entry holding them is rejected and the rest of the file still reads.
 */
public abstract class InterchangeFile implements Closeable {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final CountingStream counted;
    final Reader reader;

    InterchangeFile(Path file) throws IOException {
        this.counted = new CountingStream(Files.newInputStream(file));
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(String.valueOf(InterchangeReader.INVALID_UTF8));
        PushbackReader decoded = new PushbackReader(new InputStreamReader(counted, decoder), 1);
        // a byte-order mark, which Excel writes at the start of a CSV file saved as UTF-8, is not part of the text
        int first = decoded.read();
        if (first >= 0 && first != BYTE_ORDER_MARK) {
            decoded.unread(first);
        }
        this.reader = decoded;
    }

    /**
     * The content of a file in {@code encoding}, as the UTF-8 this class reads: an import in another encoding is
     * converted as it is stored, so that every later reading of the stored file (a run, a resumed run) reads UTF-8.
     */
    public static InputStream inUtf8(InputStream content, Charset encoding) {
        return encoding.equals(StandardCharsets.UTF_8) ? content : new TranscodedStream(content, encoding);
    }

    /**
     * Opens {@code file}, whose kinds are read through {@code kinds}; a JSON Lines line longer than
     * {@code maxLineChars} is rejected without being kept.
     */
    public static InterchangeFile open(InterchangeFormat format, Path file, int maxLineChars, KindLookup kinds)
            throws IOException {
        InterchangeReader reader = new InterchangeReader(kinds);
        return switch (format) {
            case JSONL -> new JsonLinesFile(file, maxLineChars, reader);
            case CSV -> new CsvFile(file, reader);
        };
    }

    /** The next entry, or null at the end of the file. */
    public abstract @Nullable Entry next() throws IOException;

    /** How far into the file the reader is, in bytes (read ahead by a buffer's length at most). */
    public long bytesRead() {
        return counted.count;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    /**
     * A line (or CSV row, numbered by its first line) and what it holds: a record, a person, a theme or a kind (JSON
     * Lines only; a kind is defined as the line is read, so that the records after it find it), or why it was
     * rejected.
     */
    public record Entry(
            long lineNumber,
            @Nullable RecordDraft draft,
            @Nullable PersonDraft person,
            @Nullable ThemeDraft theme,
            @Nullable RecordKind kind,
            @Nullable RejectedInput rejection) {

        static Entry accepted(long lineNumber, RecordDraft draft) {
            return new Entry(lineNumber, draft, null, null, null, null);
        }

        static Entry accepted(long lineNumber, InterchangeReader.Item item) {
            return new Entry(lineNumber, item.record(), item.person(), item.theme(), item.kind(), null);
        }

        static Entry rejected(long lineNumber, RejectedInput rejection) {
            return new Entry(lineNumber, null, null, null, null, rejection);
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
