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
import org.policyarchive.testing.SharedCorpus;

/**
 * Loads a share of the real corpus ({@link SharedCorpus}) the way a bulk import does, through the record module
 * ({@link RecordEditor#importAll}) with drafts read by the interchange format's reader: every Chinese government work
 * report and every {@value #US_STRIDE}th US presidential speech, plus the farewell addresses. Call it on a clean
 * archive, once per test class ({@code @CleanArchive(perClass = true)}).
 */
final class Corpus {

    static final int US_STRIDE = 8;
    private static final int BATCH = 50;

    private Corpus() {}

    /** Imports the share of the corpus and returns how many records went in. */
    static int load(RecordEditor editor) {
        InterchangeReader reader = new InterchangeReader();
        List<RecordDraft> drafts = new ArrayList<>();
        List<String> us = lines(SharedCorpus.US_SPEECHES);
        for (int i = 0; i < us.size(); i++) {
            RecordDraft draft = read(reader, us.get(i));
            if (i % US_STRIDE == 0 || draft.title().contains("Farewell")) {
                drafts.add(draft);
            }
        }
        for (String line : lines(SharedCorpus.CHINESE_REPORTS)) {
            drafts.add(read(reader, line));
        }
        for (int from = 0; from < drafts.size(); from += BATCH) {
            List<RecordEditor.Imported> results =
                    editor.importAll(drafts.subList(from, Math.min(drafts.size(), from + BATCH)), "corpus");
            assertThat(results)
                    .extracting(RecordEditor.Imported::outcome)
                    .containsOnly(RecordEditor.Imported.Outcome.IMPORTED);
        }
        return drafts.size();
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
