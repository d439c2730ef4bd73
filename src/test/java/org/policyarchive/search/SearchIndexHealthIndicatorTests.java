package org.policyarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

class SearchIndexHealthIndicatorTests {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void isDownUntilTheStartUpCatchUpHasRun() {
        var health = new SearchIndexHealthIndicator(() -> null, () -> 1, Duration.ofSeconds(2), CLOCK).health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void isUpWhileTheNodeFollowsTheDatabase() {
        var health = new SearchIndexHealthIndicator(() -> NOW.minusSeconds(3), () -> 7, Duration.ofSeconds(2), CLOCK)
                .health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("records", 7);
    }

    @Test
    void isDownWhenTheNodeHasNotFollowedForHalfAMinute() {
        var health = new SearchIndexHealthIndicator(() -> NOW.minusSeconds(31), () -> 7, Duration.ofSeconds(2), CLOCK)
                .health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void aSingleNodeThatDoesNotFollowStaysUpAfterItsCatchUp() {
        var health =
                new SearchIndexHealthIndicator(() -> NOW.minusSeconds(86_400), () -> 7, Duration.ZERO, CLOCK).health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
    }
}
