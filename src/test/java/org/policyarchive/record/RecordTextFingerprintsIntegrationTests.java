package org.policyarchive.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.policyarchive.system.SimilarTexts;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.Drafts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The stored fingerprints of the records' texts, which the duplicate warnings look up: written with each text,
 * replaced by an edit or a restore, gone with the record, and filled in the background for the records that have none
 * (an archive migrated from before the table existed).
 */
@SpringBootTest
@CleanArchive
class RecordTextFingerprintsIntegrationTests {

    static final String HARBOURS = "The harbours of the northern coast keep their own tables of the tides, and the"
            + " pilots read them twice a day before they take a ship out past the bar.";

    static final String ORCHARDS = "The orchards of the southern valleys were planted after the great frost, with"
            + " apple trees brought from the hills and pears grafted on old quince stock.";

    @Autowired
    RecordTexts texts;

    @Autowired
    RecordEditor editor;

    @Autowired
    RecordFingerprintFiller filler;

    @Autowired
    JdbcClient jdbc;

    @Test
    void recordsWrittenBeforeTheFingerprintsExistedAreFingerprintedInTheBackgroundAndThenFound() {
        long seedId = jdbc.sql("select id from record order by id limit 1")
                .query(Long.class)
                .single();
        String seedText = jdbc.sql("select body from record where id = ?")
                .param(seedId)
                .query(String.class)
                .single();
        long created = editor.create(Drafts.speech("Harbours").body(HARBOURS).build(), "test", null);
        // as a database migrated from before V44 has them: records, no fingerprint rows
        jdbc.sql("delete from record_text_fingerprint").update();
        assertThat(texts.findLike(seedText)).isEmpty();
        assertThat(texts.findLike(HARBOURS)).isEmpty();

        filler.start();

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(texts.findLike(seedText))
                        .hasValueSatisfying(
                                match -> assertThat(match.key().id()).isEqualTo(seedId)));
        assertThat(foundIn(HARBOURS)).contains(created);
        assertThat(jdbc.sql("select count(*) from record_text_fingerprint")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void anEditOrARestoreReplacesTheFingerprintAndADeleteTakesItAway() {
        long id = editor.create(Drafts.speech("Harbours").body(HARBOURS).build(), "test", null);
        assertThat(foundIn(HARBOURS)).contains(id);

        editor.update(
                id,
                editor.currentVersion(id),
                Drafts.speech("Harbours").body(ORCHARDS).build(),
                "test",
                null);

        assertThat(texts.findLike(HARBOURS)).isEmpty();
        assertThat(foundIn(ORCHARDS)).contains(id);
        assertThat(texts.findLike(ORCHARDS.replace("great frost", "long frost")))
                .hasValueSatisfying(match -> {
                    assertThat(match.key().id()).isEqualTo(id);
                    assertThat(match.same()).isFalse();
                    assertThat(match.likeness()).isGreaterThanOrEqualTo(RecordTexts.NEARLY_THE_SAME);
                });

        editor.restore(id, 1, "test", null);

        assertThat(foundIn(HARBOURS)).contains(id);
        assertThat(texts.findLike(ORCHARDS)).isEmpty();

        editor.delete(id);

        assertThat(texts.findLike(HARBOURS)).isEmpty();
        assertThat(jdbc.sql("select count(*) from record_text_fingerprint where record_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aTextTooShortForAFingerprintStillHasItsRow() {
        long id = editor.create(Drafts.speech("Short").body("A short text.").build(), "test", null);

        assertThat(jdbc.sql("select count(*) from record_text_fingerprint where record_id = ? and hash is null")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(texts.findLike("A short text.")).isEmpty();
    }

    /** The id of the record that has {@code text} itself, if one has. */
    private Optional<Long> foundIn(String text) {
        return texts.findLike(text)
                .filter(SimilarTexts.Match::same)
                .map(match -> match.key().id());
    }
}
