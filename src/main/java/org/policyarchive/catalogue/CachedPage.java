package org.policyarchive.catalogue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * A rendered page as it is sent: its bytes, the same gzipped once (or {@code null} when that is no smaller), their
 * entity tags, and the headers its rendering set (its type, its language, and the security headers every page gets),
 * so that a page served from memory, without running the filters that set them, is sent with the same ones. An entity tag is a hash of the bytes themselves, so two responses
 * share one only when they are the same page, whoever asked.
 */
final class CachedPage {

    private final byte[] body;
    private final byte @Nullable [] gzipped;
    private final String etag;
    private final String gzippedEtag;
    private final String contentType;
    private final Map<String, List<String>> headers;
    private final long generation;
    private final long renderedAt = System.nanoTime();
    private final AtomicBoolean renewing = new AtomicBoolean();

    CachedPage(byte[] body, String contentType, Map<String, List<String>> headers, long generation) {
        String hash = hash(body);
        byte[] compressed = gzip(body);
        this.body = body;
        this.gzipped = compressed.length < body.length ? compressed : null;
        this.etag = '"' + hash + '"';
        this.gzippedEtag = '"' + hash + "-gzip\"";
        this.contentType = contentType;
        this.headers = Map.copyOf(headers);
        this.generation = generation;
    }

    byte[] body() {
        return body;
    }

    byte @Nullable [] gzipped() {
        return gzipped;
    }

    String etag() {
        return etag;
    }

    String gzippedEtag() {
        return gzippedEtag;
    }

    String contentType() {
        return contentType;
    }

    /** The headers the rendering set, but for the type, by name. */
    Map<String, List<String>> headers() {
        return headers;
    }

    /** The {@link PageCache} generation the page was rendered in. */
    long generation() {
        return generation;
    }

    boolean olderThan(long nanos) {
        return System.nanoTime() - renderedAt > nanos;
    }

    /** Whether this caller is the one to render the page again (only the first caller is). */
    boolean claimRenewal() {
        return renewing.compareAndSet(false, true);
    }

    /** What the page holds in memory, roughly. */
    int size() {
        return body.length
                + (gzipped == null ? 0 : gzipped.length)
                + 200
                + headers.toString().length();
    }

    private static String hash(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        // once per rendering, not per request: the best compression is worth its time
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
