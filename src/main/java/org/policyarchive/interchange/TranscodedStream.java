package org.policyarchive.interchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The bytes of a text in another encoding, as UTF-8, converted while they are read, so that a file of any size is
 * converted in a buffer's room. Bytes that are not text in the given encoding become
 * {@link InterchangeReader#NOT_IN_ENCODING}, which the reader rejects with the line that holds it.
 */
final class TranscodedStream extends InputStream {

    private final Reader decoded;
    private final CharsetEncoder encoder = StandardCharsets.UTF_8
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final CharBuffer chars = CharBuffer.allocate(8 * 1024).flip();
    // a char becomes at most 3 bytes of UTF-8 (a surrogate pair 4, for two chars)
    private final ByteBuffer bytes = ByteBuffer.allocate(3 * 8 * 1024).flip();
    private boolean inputEnded;
    private boolean finished;

    TranscodedStream(InputStream in, Charset encoding) {
        this.decoded = new InputStreamReader(
                in,
                encoding.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)
                        .replaceWith(String.valueOf(InterchangeReader.NOT_IN_ENCODING)));
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (!bytes.hasRemaining()) {
            if (finished) {
                return -1;
            }
            encodeMore();
        }
        int n = Math.min(length, bytes.remaining());
        bytes.get(buffer, offset, n);
        return n;
    }

    private void encodeMore() throws IOException {
        if (!inputEnded) {
            chars.compact();
            if (decoded.read(chars) < 0) {
                inputEnded = true;
            }
            chars.flip();
        }
        bytes.clear();
        encoder.encode(chars, bytes, inputEnded);
        if (inputEnded && !chars.hasRemaining()) {
            encoder.flush(bytes);
            finished = true;
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        decoded.close();
    }
}
