package org.policyarchive.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.policyarchive.system.ArchiveProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The search index's part of health ({@code searchIndex}, in the readiness group): down until the start-up catch-up
 * has run, and down when this node has not brought its index up to date with PostgreSQL for a while (a node that
 * cannot follow the others would serve old search results), so that a load balancer sends readers elsewhere.
 */
@Component
class SearchIndexHealthIndicator implements HealthIndicator {

    /** The shortest time without a successful pass that counts as behind: a pass during another node's import is long. */
    private static final Duration LEAST_TOLERANCE = Duration.ofSeconds(30);

    private final Supplier<@Nullable Instant> lastFollowed;
    private final IntSupplier records;
    private final @Nullable Duration tolerance;
    private final Clock clock;

    @Autowired
    SearchIndexHealthIndicator(SearchIndexMaintenance maintenance, RecordIndex index, ArchiveProperties archive) {
        this(
                maintenance::lastFollowed,
                () -> index.read(reader -> reader.numDocs()),
                archive.search().followInterval(),
                Clock.systemUTC());
    }

    SearchIndexHealthIndicator(
            Supplier<@Nullable Instant> lastFollowed, IntSupplier records, Duration followInterval, Clock clock) {
        this.lastFollowed = lastFollowed;
        this.records = records;
        this.tolerance = followInterval.isZero() ? null : max(LEAST_TOLERANCE, followInterval.multipliedBy(10));
        this.clock = clock;
    }

    @Override
    public Health health() {
        Instant followed = lastFollowed.get();
        if (followed == null) {
            return Health.down()
                    .withDetail("reason", "catching up with the database at start")
                    .build();
        }
        Health.Builder health = tolerance != null && followed.plus(tolerance).isBefore(clock.instant())
                ? Health.down().withDetail("reason", "not up to date with the database since " + followed)
                : Health.up();
        return health.withDetail("lastFollowed", followed.toString())
                .withDetail("records", records.getAsInt())
                .build();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
