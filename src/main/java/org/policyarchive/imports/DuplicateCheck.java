package org.policyarchive.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.policyarchive.record.RecordTexts;
import org.policyarchive.system.SimilarTexts;
import org.policyarchive.system.TextFingerprint;

/**
 * Finds the lines of an import whose text is already in the archive, or in an earlier line of the same file, the same
 * or nearly ({@link RecordTexts#NEARLY_THE_SAME}): the job reports them as warnings, with a link to the record, and
 * imports them all the same, since two records may rightly share a text (a speech given twice, a report reissued).
 * The archive's texts are indexed once, when the job starts; each new record's text joins the index once its batch is
 * committed, so that a batch written again one record at a time does not find its own records. The index is held in
 * memory, so the check stops (and lets the index go) once it would hold more texts than
 * {@code archive.imports.duplicate-check-max-records}: a large file imported into a small archive would otherwise
 * fill the heap.
 */
final class DuplicateCheck {

    /** The record a text was found in, and the line of this file that made it, if one did. */
    record Found(long recordId, String title, long line) {

        static final long NOT_FROM_THIS_FILE = 0;
    }

    private SimilarTexts<Found> index;
    private boolean active;
    private final long maxTexts;
    private final long indexNanos;
    private long checkNanos;
    private long checked;
    private long stoppedAfter = -1;

    private DuplicateCheck(SimilarTexts<Found> index, boolean active, long maxTexts, long indexNanos) {
        this.index = index;
        this.active = active;
        this.maxTexts = maxTexts;
        this.indexNanos = indexNanos;
    }

    /** No check: for an archive too large to hold its texts' fingerprints in memory. */
    static DuplicateCheck none() {
        return new DuplicateCheck(new SimilarTexts<>(RecordTexts.NEARLY_THE_SAME), false, 0, 0);
    }

    boolean active() {
        return active;
    }

    /** A check against every record now in the archive. */
    static DuplicateCheck of(RecordTexts texts) {
        long start = System.nanoTime();
        SimilarTexts<Found> index = new SimilarTexts<>(RecordTexts.NEARLY_THE_SAME);
        texts.forEachFingerprint((record, fingerprint) ->
                index.add(new Found(record.id(), record.title(), Found.NOT_FROM_THIS_FILE), fingerprint));
        return new DuplicateCheck(index, true, texts.maxRecords(), System.nanoTime() - start);
    }

    /** The texts in the index: the archive's when the job started, and the records this job has committed since. */
    int size() {
        return index.size();
    }

    /** What the check cost, for the log: reading and fingerprinting the archive, then checking the lines. */
    String cost() {
        return "the archive's texts read and fingerprinted in %d ms, %d lines checked in %d ms (%.2f ms a line)%s"
                .formatted(
                        indexNanos / 1_000_000,
                        checked,
                        checkNanos / 1_000_000,
                        checked == 0 ? 0.0 : checkNanos / 1e6 / checked,
                        stoppedAfter < 0
                                ? ""
                                : ", then stopped with %d texts held (archive.imports.duplicate-check-max-records)"
                                        .formatted(stoppedAfter));
    }

    Batch batch() {
        return new Batch();
    }

    /** The lines of one batch: looked up in the index and in the batch's earlier lines, added on {@link #commit}. */
    final class Batch {

        private final SimilarTexts<Found> written = new SimilarTexts<>(RecordTexts.NEARLY_THE_SAME);
        private final List<Found> keys = new ArrayList<>();
        private final List<TextFingerprint> fingerprints = new ArrayList<>();

        /**
         * The warning for the new record {@code recordId} that line {@code line} made of {@code text}, if its text is
         * already there; either way, the text joins those that later lines are checked against.
         */
        Optional<ImportJobs.LineError> check(long line, long recordId, String title, @Nullable String text) {
            if (!active) {
                return Optional.empty();
            }
            long start = System.nanoTime();
            try {
                TextFingerprint fingerprint = TextFingerprint.of(text);
                if (fingerprint == null) {
                    return Optional.empty();
                }
                Optional<SimilarTexts.Match<Found>> match = best(index.find(fingerprint), written.find(fingerprint));
                Found found = new Found(recordId, title, line);
                written.add(found, fingerprint);
                keys.add(found);
                fingerprints.add(fingerprint);
                return match.map(m -> new ImportJobs.LineError(line, warning(m)));
            } finally {
                checkNanos += System.nanoTime() - start;
                checked++;
            }
        }

        /** The batch is committed: its texts join the index, unless that would hold too many. */
        void commit() {
            if (!active) {
                return;
            }
            if (index.size() + keys.size() > maxTexts) {
                stoppedAfter = index.size();
                active = false;
                index = new SimilarTexts<>(RecordTexts.NEARLY_THE_SAME);
                return;
            }
            for (int i = 0; i < keys.size(); i++) {
                index.add(keys.get(i), fingerprints.get(i));
            }
        }

        private static Optional<SimilarTexts.Match<Found>> best(
                Optional<SimilarTexts.Match<Found>> a, Optional<SimilarTexts.Match<Found>> b) {
            if (a.isEmpty()) {
                return b;
            }
            return b.isPresent() && b.get().likeness() > a.get().likeness() ? b : a;
        }
    }

    /** The warning's message: its arguments are what the report needs to link to the record. */
    static ImportMessage warning(SimilarTexts.Match<Found> match) {
        Found found = match.key();
        return ImportMessage.of(
                match.same() ? DuplicateWarning.SAME : DuplicateWarning.NEAR,
                match.percent(),
                found.recordId(),
                found.title(),
                found.line());
    }
}
