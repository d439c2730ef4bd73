package org.policyarchive.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.policyarchive.testing.SeededKinds;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * When the kinds vocabulary is read again: after a change this node made, after its time to live (a change made on
 * another node), never more than once a second for names no kind has, and not at all while the database is away.
 */
class KindsTests {

    final AtomicInteger reads = new AtomicInteger();
    final List<Kind> table = new ArrayList<>(SeededKinds.ALL);
    boolean databaseAway;
    Instant now = Instant.parse("2026-12-07T06:00:00Z");

    final Kinds kinds = new Kinds(
            () -> {
                if (databaseAway) {
                    throw new DataAccessResourceFailureException("the database is away");
                }
                reads.incrementAndGet();
                return List.copyOf(table);
            },
            new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now;
                }
            });

    final Kind added = new Kind(
            RecordKind.valueOf("PARTY_CONGRESS_REPORT"),
            "party congress report",
            "Party congress report",
            "党代会报告",
            Kind.CitedAs.REPORT,
            0);

    @Test
    void readsTheTableOnceAndAgainAfterAChangeOrItsTimeToLive() {
        assertThat(kinds.all()).hasSize(22);
        assertThat(kinds.find("speech")).contains(RecordKind.SPEECH);
        assertThat(reads).hasValue(1);

        table.add(added);
        kinds.on(new KindChanged("party-congress-report", "Party congress report", true, false, null));
        assertThat(kinds.byCode("party-congress-report")).contains(added.kind());
        assertThat(reads).hasValue(2);

        table.set(table.size() - 1, new Kind(added.kind(), added.label(), "Congress report", null, added.citedAs(), 1));
        now = now.plus(Duration.ofSeconds(29));
        assertThat(kinds.get(added.kind()).englishName()).isEqualTo("Party congress report");
        now = now.plus(Duration.ofSeconds(2));
        assertThat(kinds.get(added.kind()).englishName()).isEqualTo("Congress report");
        assertThat(reads).hasValue(3);
    }

    @Test
    void looksAgainForAnUnknownNameAtMostOnceASecond() {
        kinds.all();
        table.add(added);
        assertThat(kinds.find("party congress report")).isEmpty();
        assertThat(kinds.find("party congress report")).isEmpty();
        assertThat(reads).hasValue(1);

        now = now.plus(Duration.ofMillis(1_500));
        assertThat(kinds.find("Party Congress Report")).contains(added.kind());
        assertThat(kinds.find("党代会报告")).contains(added.kind());
        assertThat(reads).hasValue(2);
    }

    @Test
    void keepsTheKindsLastReadWhileTheDatabaseIsAway() {
        kinds.all();
        databaseAway = true;
        now = now.plus(Duration.ofMinutes(5));
        assertThat(kinds.all()).hasSize(22);
        assertThat(kinds.name(RecordKind.STUDY_SESSION)).isEqualTo("Study session");
    }
}
