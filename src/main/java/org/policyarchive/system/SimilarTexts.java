package org.policyarchive.system;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An in-memory index of texts by their {@link TextFingerprint}, which finds for a text the one it is the same as, or
 * else the one most like it at or above a likeness threshold. Sameness is one hash look-up; likeness looks up the
 * text's band keys ({@link TextFingerprint#bandKeys}) and compares only the texts that share one, so a look-up costs
 * about the same whatever the number of texts. Not thread-safe: one batch, one index.
 *
 * @param <K> what a text stands for: a record, a line of a file
 */
public final class SimilarTexts<K> {

    /** A text found like another, and how alike they are: 1 for the same text. */
    public record Match<K>(K key, double likeness) {

        public boolean same() {
            return likeness >= 1;
        }

        /** The likeness in whole percent, rounded down, so that 99.6% alike never reads as 100%. */
        public int percent() {
            return (int) Math.floor(likeness * 100);
        }
    }

    private record Entry<K>(K key, TextFingerprint fingerprint) {}

    private final double threshold;
    private final Map<Object, Entry<K>> byHash = new HashMap<>();
    /** The entry of a band key, or a list of them when several texts share it (rarely). */
    private final Map<Long, Object> bands = new HashMap<>();

    /** An index that finds texts at least {@code threshold} alike (0 to 1) besides the same ones. */
    public SimilarTexts(double threshold) {
        this.threshold = threshold;
    }

    /** Adds a text; a second text the same as one already there is not kept, since the first answers for both. */
    public void add(K key, TextFingerprint fingerprint) {
        Entry<K> entry = new Entry<>(key, fingerprint);
        if (byHash.putIfAbsent(fingerprint.hashKey(), entry) != null) {
            return;
        }
        for (long bandKey : fingerprint.bandKeys()) {
            bands.merge(bandKey, entry, SimilarTexts::together);
        }
    }

    /** The same text if there is one, else the one most alike at or above the threshold. */
    public Optional<Match<K>> find(TextFingerprint fingerprint) {
        Entry<K> same = byHash.get(fingerprint.hashKey());
        if (same != null) {
            return Optional.of(new Match<>(same.key(), 1));
        }
        Entry<K> best = null;
        double bestLikeness = threshold;
        for (long bandKey : fingerprint.bandKeys()) {
            for (Entry<K> candidate : SimilarTexts.<K>entries(bands.get(bandKey))) {
                double likeness = candidate.fingerprint().likeness(fingerprint);
                if (likeness >= bestLikeness && (best == null || likeness > bestLikeness)) {
                    best = candidate;
                    bestLikeness = likeness;
                }
            }
        }
        return best == null ? Optional.empty() : Optional.of(new Match<>(best.key(), bestLikeness));
    }

    private static Object together(Object present, Object added) {
        if (present instanceof ArrayList<?> list) {
            @SuppressWarnings("unchecked")
            List<Object> entries = (List<Object>) list;
            entries.add(added);
            return entries;
        }
        List<Object> entries = new ArrayList<>(2);
        entries.add(present);
        entries.add(added);
        return entries;
    }

    @SuppressWarnings("unchecked")
    private static <K> List<Entry<K>> entries(@Nullable Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof Entry<?> entry ? List.of((Entry<K>) entry) : (List<Entry<K>>) value;
    }

    public int size() {
        return byHash.size();
    }
}
