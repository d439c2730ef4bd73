package org.policyarchive.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.policyarchive.system.ArchiveProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Counts the API's requests in fixed periods, per token and per client address ({@code archive.api.*}), in memory:
 * each node counts its own, so behind a load balancer of n nodes a client may make up to n times the limit. A period
 * starts with a key's first request; past the limit, the answer says how many seconds are left of it.
 */
@Component
class RateLimits {

    /** More keys than this, and the counts of ended periods are dropped (a scan, at most once per period). */
    static final int MAX_KEYS = 100_000;

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final ArchiveProperties.Api settings;
    private final Clock clock;
    private volatile Instant lastSweep;

    @Autowired
    RateLimits(ArchiveProperties archive) {
        this(archive.api(), Clock.systemUTC());
    }

    RateLimits(ArchiveProperties.Api settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.lastSweep = clock.instant();
    }

    private record Window(Instant start, int count) {}

    /** Counts a request of a token; empty when it may go on, else the seconds to wait. */
    OptionalLong token(long tokenId) {
        return acquire("token:" + tokenId, settings.tokenRequests());
    }

    /** Counts a request from an address without a token. */
    OptionalLong address(String address) {
        return acquire("address:" + address, settings.addressRequests());
    }

    private OptionalLong acquire(String key, int limit) {
        Instant now = clock.instant();
        Duration period = settings.period();
        Window window = windows.compute(
                key,
                (k, old) -> old == null || !now.isBefore(old.start().plus(period))
                        ? new Window(now, 1)
                        : new Window(old.start(), old.count() + 1));
        sweep(now, period);
        if (window.count() <= limit) {
            return OptionalLong.empty();
        }
        long millisLeft = Duration.between(now, window.start().plus(period)).toMillis();
        return OptionalLong.of(Math.max(1, (millisLeft + 999) / 1000));
    }

    private void sweep(Instant now, Duration period) {
        if (windows.size() > MAX_KEYS && now.isAfter(lastSweep.plus(period))) {
            lastSweep = now;
            windows.values().removeIf(window -> !now.isBefore(window.start().plus(period)));
        }
    }

    /** Forgets every count: for tests that change the limits' clock or settings. */
    void clear() {
        windows.clear();
    }
}
