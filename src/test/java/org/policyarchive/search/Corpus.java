package org.policyarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.policyarchive.interchange.InterchangeReader;
import org.policyarchive.interchange.RejectedInput;
import org.policyarchive.record.RecordDraft;
import org.policyarchive.record.RecordEditor;
import org.policyarchive.testing.SeededKinds;
import org.policyarchive.testing.SharedCorpus;

/**
 * Loads a share of the real corpus ({@link SharedCorpus}) the way a bulk import does, through the record module
 * ({@link RecordEditor#importAll}) with drafts read by the interchange format's reader: every Chinese government work
 * report and every {@value #US_STRIDE}th US presidential speech, plus the farewell addresses ({@link #load}), or all
 * of it ({@link #all} and {@link #importAll}). Call it on a clean archive, once per test class
 * ({@code @CleanArchive(perClass = true)}).
 */
final class Corpus {

    static final int US_STRIDE = 8;
    private static final int BATCH = 50;

    private Corpus() {}

    /** Imports the share of the corpus and returns how many records went in. */
    static int load(RecordEditor editor) {
        List<RecordDraft> drafts = new ArrayList<>();
        List<RecordDraft> us = drafts(SharedCorpus.US_SPEECHES);
        for (int i = 0; i < us.size(); i++) {
            if (i % US_STRIDE == 0 || us.get(i).title().contains("Farewell")) {
                drafts.add(us.get(i));
            }
        }
        drafts.addAll(drafts(SharedCorpus.CHINESE_REPORTS));
        return importAll(editor, drafts).size();
    }

    /** Every line of both files as a draft: the US speeches, then the Chinese reports, each in the file's order. */
    static List<RecordDraft> all() {
        List<RecordDraft> drafts = new ArrayList<>(drafts(SharedCorpus.US_SPEECHES));
        drafts.addAll(drafts(SharedCorpus.CHINESE_REPORTS));
        return drafts;
    }

    /**
     * Imports the drafts in batches, as a bulk import does, and returns their ids in order, so that a test can tell
     * apart records that share a title.
     */
    static List<Long> importAll(RecordEditor editor, List<RecordDraft> drafts) {
        List<Long> ids = new ArrayList<>(drafts.size());
        for (int from = 0; from < drafts.size(); from += BATCH) {
            List<RecordEditor.Imported> results =
                    editor.importAll(drafts.subList(from, Math.min(drafts.size(), from + BATCH)), "corpus");
            assertThat(results)
                    .extracting(RecordEditor.Imported::outcome)
                    .containsOnly(RecordEditor.Imported.Outcome.IMPORTED);
            results.forEach(imported -> ids.add(imported.recordId()));
        }
        return ids;
    }

    private static List<RecordDraft> drafts(String file) {
        InterchangeReader reader = new InterchangeReader(SeededKinds.LOOKUP);
        return lines(file).stream().map(line -> read(reader, line)).toList();
    }

    private static RecordDraft read(InterchangeReader reader, String line) {
        try {
            return reader.readLine(line);
        } catch (RejectedInput e) {
            throw new IllegalStateException("The corpus holds a line the interchange reader rejects: " + e, e);
        }
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(SharedCorpus.file(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
