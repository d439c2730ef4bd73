package org.policyarchive.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.policyarchive.record.RecordDraft;
import org.policyarchive.record.RecordEditor;
import org.policyarchive.record.RecordTexts;
import org.policyarchive.system.SimilarTexts;
import org.policyarchive.system.TextFingerprint;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.Drafts;
import org.policyarchive.testing.StatementCounter;
import org.policyarchive.testing.StatementCounter.Recorded;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * Telling that a text is already in the archive costs as many SQL statements in an archive of 200 records as in one of
 * 10, for an upload's text and for a batch of an import, and reads no record's text: the stored fingerprints are
 * looked up, whatever the archive's size. The statements are counted at the JDBC level.
 */
@SpringBootTest
@Import(StatementCounter.class)
@CleanArchive
class DuplicateCheckStatementsIntegrationTests {

    @Autowired
    RecordTexts texts;

    @Autowired
    RecordEditor editor;

    @Test
    void anUploadsCheckTakesAsManyStatementsInALargerArchiveAndReadsNoText() throws Exception {
        addRecords(0, 10);
        Recorded<Optional<SimilarTexts.Match<RecordTexts.RecordRef>>> small =
                StatementCounter.record(() -> texts.findLike(nearly(3)));
        assertThat(small.result()).isPresent();

        addRecords(10, 200);
        Recorded<Optional<SimilarTexts.Match<RecordTexts.RecordRef>>> large =
                StatementCounter.record(() -> texts.findLike(nearly(150)));

        assertThat(large.result()).isPresent();
        assertThat(large.count()).isEqualTo(small.count()).isEqualTo(2);
        assertThat(large.statements()).noneMatch(sql -> sql.contains("body"));
    }

    @Test
    void anImportBatchsCheckTakesAsManyStatementsInALargerArchiveAndReadsNoText() throws Exception {
        addRecords(0, 10);
        Recorded<List<ImportJobs.LineError>> small = StatementCounter.record(() -> checkBatch(3, 5));
        assertThat(small.result()).hasSize(2);

        addRecords(10, 200);
        Recorded<List<ImportJobs.LineError>> large = StatementCounter.record(() -> checkBatch(150, 190));

        assertThat(large.result()).hasSize(2);
        assertThat(large.count()).isEqualTo(small.count()).isEqualTo(2);
        assertThat(large.statements()).noneMatch(sql -> sql.contains("body"));
    }

    /** The lines of a batch as an import checks them: one nearly the same as each of two records, one new. */
    private List<ImportJobs.LineError> checkBatch(int first, int second) {
        DuplicateCheck.Batch batch = DuplicateCheck.of(texts).batch();
        batch.add(1, 100_001, "Nearly the first", TextFingerprint.of(nearly(first)));
        batch.add(2, 100_002, "A new text", TextFingerprint.of(text(100_000)));
        batch.add(3, 100_003, "Nearly the second", TextFingerprint.of(nearly(second)));
        return batch.warnings();
    }

    private void addRecords(int from, int to) {
        List<RecordDraft> drafts = new ArrayList<>();
        for (int i = from; i < to; i++) {
            drafts.add(Drafts.speech("Record " + i).body(text(i)).build());
        }
        editor.importAll(drafts, "test");
    }

    /** Text {@code number} with its first sentence left out: nearly the same as it, not the same. */
    private static String nearly(int number) {
        String text = text(number);
        return text.substring(text.indexOf('.') + 1);
    }

    /** A text of 30 sentences of made-up words, different for each number. */
    private static String text(int number) {
        Random random = new Random(number);
        StringBuilder text = new StringBuilder();
        for (int sentence = 0; sentence < 30; sentence++) {
            for (int word = 0; word < 8; word++) {
                for (int letter = 0, length = 3 + random.nextInt(6); letter < length; letter++) {
                    text.append((char) ('a' + random.nextInt(26)));
                }
                text.append(word < 7 ? " " : ". ");
            }
        }
        return text.toString().strip();
    }
}
