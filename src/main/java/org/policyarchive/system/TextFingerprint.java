package org.policyarchive.system;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What makes two texts the same or nearly the same, whatever their layout: the text is normalised (NFKC, lower case,
 * letters and digits only, so that whitespace, punctuation and line breaks do not count), then hashed (the first 128 bits of
 * its SHA-256) for sameness, and sketched for likeness: a one-permutation MinHash over the shingles of {@value #SHINGLE} code points,
 * which works for Chinese, written without spaces, as for English, and costs one hash per character. Texts shorter
 * than {@value #MIN_CHARS} letters and digits have no fingerprint: too short for sameness to mean anything. The record
 * module stores each record's fingerprint ({@link #hashBytes}, {@link #sketchBytes}, {@link #bandKeys}) and reads it back
 * ({@link #stored}).
 */
public final class TextFingerprint {

    /** Shingle length, in code points: a few words of English, a phrase of Chinese. */
    static final int SHINGLE = 5;

    /** Slots of the sketch, and so its precision: the likeness estimate's error is about 1 / sqrt(SLOTS). */
    static final int SLOTS = 128;

    static final int MIN_CHARS = 40;

    /** Bands of the sketch for locality-sensitive hashing, of {@value #ROWS} slots each. */
    static final int BANDS = 16;

    static final int ROWS = SLOTS / BANDS;

    private static final int HASH_BYTES = 16;

    /** A slot that no shingle fell in: a value no shingle has, since values are kept in 31 bits. */
    private static final int EMPTY = Integer.MAX_VALUE;

    /** Kept small, since a batch of an import holds one per line: 16 bytes of hash, 4 per slot. */
    private final long hashHigh;

    private final long hashLow;
    private final int[] sketch;

    private TextFingerprint(byte[] hash, int[] sketch) {
        this.hashHigh = ByteBuffer.wrap(hash, 0, 8).getLong();
        this.hashLow = ByteBuffer.wrap(hash, 8, 8).getLong();
        this.sketch = sketch;
    }

    /** The fingerprint of {@code text}, or null when it is too short to have one. */
    public static @Nullable TextFingerprint of(@Nullable String text) {
        if (text == null) {
            return null;
        }
        int[] points = normalize(text);
        if (points.length < MIN_CHARS) {
            return null;
        }
        return new TextFingerprint(sha256(points), sketch(points));
    }

    /**
     * A fingerprint as the record module stores it: {@code hash} as {@link #hashBytes} gave it, {@code sketch} as
     * {@link #sketchBytes} did.
     */
    public static TextFingerprint stored(byte[] hash, byte[] sketch) {
        if (hash.length != HASH_BYTES || sketch.length != SLOTS * Integer.BYTES) {
            throw new IllegalArgumentException(
                    "A stored fingerprint has %d bytes of hash and %d of sketch, not %d and %d"
                            .formatted(HASH_BYTES, SLOTS * Integer.BYTES, hash.length, sketch.length));
        }
        int[] slots = new int[SLOTS];
        ByteBuffer.wrap(sketch).asIntBuffer().get(slots);
        return new TextFingerprint(hash, slots);
    }

    /** The normalised text as code points: NFKC, lower case, only letters and digits. */
    static int[] normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT)
                .codePoints()
                .filter(Character::isLetterOrDigit)
                .toArray();
    }

    /**
     * The first 128 bits of the SHA-256 of the normalised text in UTF-8, in hexadecimal: equal for texts that differ
     * only in layout.
     */
    public String hash() {
        return HexFormat.of().toHexDigits(hashHigh) + HexFormat.of().toHexDigits(hashLow);
    }

    /** The hash, 16 bytes, for storing: equal for texts that differ only in layout. */
    public byte[] hashBytes() {
        return ByteBuffer.allocate(HASH_BYTES)
                .putLong(hashHigh)
                .putLong(hashLow)
                .array();
    }

    /** The sketch, 4 bytes a slot, for storing. */
    public byte[] sketchBytes() {
        ByteBuffer bytes = ByteBuffer.allocate(SLOTS * Integer.BYTES);
        bytes.asIntBuffer().put(sketch);
        return bytes.array();
    }

    /** The hash as a key of a map. */
    Object hashKey() {
        return new HashKey(hashHigh, hashLow);
    }

    private record HashKey(long high, long low) {}

    /** Whether the two texts are the same once normalised. */
    public boolean sameAs(TextFingerprint other) {
        return hashHigh == other.hashHigh && hashLow == other.hashLow;
    }

    /** The estimated share of shingles the two texts have in common (Jaccard similarity), 0 to 1. */
    public double likeness(TextFingerprint other) {
        if (sameAs(other)) {
            return 1;
        }
        int filled = 0;
        int equal = 0;
        for (int slot = 0; slot < SLOTS; slot++) {
            if (sketch[slot] == EMPTY && other.sketch[slot] == EMPTY) {
                continue;
            }
            filled++;
            if (sketch[slot] == other.sketch[slot]) {
                equal++;
            }
        }
        return filled == 0 ? 0 : (double) equal / filled;
    }

    /**
     * The keys of the sketch's {@value #BANDS} bands of {@value #ROWS} slots, each mixed with its band's number: texts
     * that share a key are candidates for likeness, so an index looks up a few keys instead of comparing every pair.
     * A text 80% alike shares one 95 times in 100, one 90% alike practically always. A band that no shingle fell in
     * has no key: every short text has such bands, and they say nothing about likeness.
     */
    public long[] bandKeys() {
        long[] keys = new long[BANDS];
        int count = 0;
        for (int band = 0; band < BANDS; band++) {
            long key = band * 0x9E3779B97F4A7C15L;
            boolean filled = false;
            for (int slot = band * ROWS; slot < (band + 1) * ROWS; slot++) {
                key = mix(key ^ sketch[slot]);
                filled |= sketch[slot] != EMPTY;
            }
            if (filled) {
                keys[count++] = key;
            }
        }
        return Arrays.copyOf(keys, count);
    }

    private static int[] sketch(int[] points) {
        int[] slots = new int[SLOTS];
        Arrays.fill(slots, EMPTY);
        for (int start = 0; start + SHINGLE <= points.length; start++) {
            long hash = 0;
            for (int i = start; i < start + SHINGLE; i++) {
                hash = hash * 0x100000001B3L + points[i];
            }
            hash = mix(hash);
            // the top bits choose the slot, the low 31 bits are the value kept if it is the smallest seen there
            int slot = (int) (hash >>> (64 - Integer.numberOfTrailingZeros(SLOTS)));
            int value = (int) (hash & Integer.MAX_VALUE);
            if (value < slots[slot]) {
                slots[slot] = value;
            }
        }
        return slots;
    }

    /** The finaliser of MurmurHash3: spreads every input bit over the whole word. */
    private static long mix(long value) {
        long h = value;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    private static byte[] sha256(int[] points) {
        try {
            byte[] utf8 = new String(points, 0, points.length).getBytes(StandardCharsets.UTF_8);
            return MessageDigest.getInstance("SHA-256").digest(utf8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
