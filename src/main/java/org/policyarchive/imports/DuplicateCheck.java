package org.policyarchive.imports;

import java.util.ArrayList;
import java.util.Arrays;
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
 * Each batch looks its texts up in the archive's stored fingerprints at once ({@link RecordTexts#findLike(List,
 * java.util.Collection)}: two queries, whatever the archive's size), leaving out its own new records, and compares
 * them with its earlier lines in memory; earlier batches, committed, are in the archive. The check remembers which
 * line made each record it committed, so that the report can say so.
 */
final class DuplicateCheck {

    /** The record a text was found in, and the line of this file that made it, if one did. */
    record Found(long recordId, String title, long line) {

        static final long NOT_FROM_THIS_FILE = 0;
    }

    private final RecordTexts texts;
    private final LinesOfRecords lines = new LinesOfRecords();
    private long checkNanos;
    private long checked;
    private long lookups;

    private DuplicateCheck(RecordTexts texts) {
        this.texts = texts;
    }

    /** A check against the records in the archive, and those this job commits. */
    static DuplicateCheck of(RecordTexts texts) {
        return new DuplicateCheck(texts);
    }

    /** What the check cost, for the log. */
    String cost() {
        return "%d lines checked in %d ms (%.2f ms a line), with %d look-ups of batches in the archive"
                .formatted(checked, checkNanos / 1_000_000, checked == 0 ? 0.0 : checkNanos / 1e6 / checked, lookups);
    }

    Batch batch() {
        return new Batch();
    }

    /** The lines of one batch, compared with each other as they come and with the archive at the end. */
    final class Batch {

        private final SimilarTexts<Found> written = new SimilarTexts<>(RecordTexts.NEARLY_THE_SAME);
        private final List<Line> added = new ArrayList<>();

        private record Line(
                Found found, @Nullable TextFingerprint fingerprint, Optional<SimilarTexts.Match<Found>> inBatch) {}

        /**
         * Line {@code line} made the new record {@code recordId}, whose text has {@code fingerprint} (null for a text
         * too short to have one): compared now with the batch's earlier lines, later with the archive.
         */
        void add(long line, long recordId, String title, @Nullable TextFingerprint fingerprint) {
            long start = System.nanoTime();
            Found found = new Found(recordId, title, line);
            Optional<SimilarTexts.Match<Found>> inBatch = Optional.empty();
            if (fingerprint != null) {
                inBatch = written.find(fingerprint);
                written.add(found, fingerprint);
            }
            added.add(new Line(found, fingerprint, inBatch));
            checkNanos += System.nanoTime() - start;
        }

        /**
         * The warnings for the lines whose text is already there: in a record the archive had before this batch, or
         * in an earlier line of the batch. Called once the batch's records are written, in its transaction.
         */
        List<ImportJobs.LineError> warnings() {
            long start = System.nanoTime();
            List<Line> fingerprinted =
                    added.stream().filter(line -> line.fingerprint() != null).toList();
            List<ImportJobs.LineError> warnings = new ArrayList<>();
            if (!fingerprinted.isEmpty()) {
                List<Optional<SimilarTexts.Match<RecordTexts.RecordRef>>> inArchive = texts.findLike(
                        fingerprinted.stream().map(Line::fingerprint).toList(),
                        added.stream().map(line -> line.found().recordId()).toList());
                lookups++;
                for (int i = 0; i < fingerprinted.size(); i++) {
                    Line line = fingerprinted.get(i);
                    best(inArchive.get(i).map(this::found), line.inBatch())
                            .ifPresent(match -> warnings.add(
                                    new ImportJobs.LineError(line.found().line(), warning(match))));
                }
            }
            checked += added.size();
            checkNanos += System.nanoTime() - start;
            return warnings;
        }

        private SimilarTexts.Match<Found> found(SimilarTexts.Match<RecordTexts.RecordRef> match) {
            RecordTexts.RecordRef record = match.key();
            return new SimilarTexts.Match<>(
                    new Found(record.id(), record.title(), lines.lineOf(record.id())), match.likeness());
        }

        /** The batch is committed: its records are in the archive, where later batches find them. */
        void commit() {
            added.forEach(
                    line -> lines.put(line.found().recordId(), line.found().line()));
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

    /**
     * The line of this file that made each record the job committed: two arrays, 16 bytes a record, since a job may
     * write millions. Ids come from a sequence, so they are added in order nearly always; a lookup sorts them when not.
     */
    static final class LinesOfRecords {

        private long[] ids = new long[1024];
        private long[] lineNumbers = new long[1024];
        private int size;
        private boolean sorted = true;

        void put(long recordId, long line) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
                lineNumbers = Arrays.copyOf(lineNumbers, size * 2);
            }
            sorted &= size == 0 || ids[size - 1] < recordId;
            ids[size] = recordId;
            lineNumbers[size] = line;
            size++;
        }

        /** The line that made the record, or {@link Found#NOT_FROM_THIS_FILE}. */
        long lineOf(long recordId) {
            if (!sorted) {
                sort();
            }
            int at = Arrays.binarySearch(ids, 0, size, recordId);
            return at < 0 ? Found.NOT_FROM_THIS_FILE : lineNumbers[at];
        }

        private void sort() {
            Integer[] order = new Integer[size];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, (a, b) -> Long.compare(ids[a], ids[b]));
            long[] sortedIds = new long[ids.length];
            long[] sortedLines = new long[ids.length];
            for (int i = 0; i < size; i++) {
                sortedIds[i] = ids[order[i]];
                sortedLines[i] = lineNumbers[order[i]];
            }
            ids = sortedIds;
            lineNumbers = sortedLines;
            sorted = true;
        }
    }
}
