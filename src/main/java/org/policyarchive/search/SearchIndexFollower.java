package org.policyarchive.search;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.policyarchive.system.ArchiveProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs {@link SearchIndexMaintenance#follow} every {@code archive.search.follow-interval} once the start-up catch-up
 * is done, so that this node's index shows what other nodes on the same database wrote within seconds. Its own thread,
 * not the shared scheduler, so that a long fixity check cannot hold it up.
 */
@Component
class SearchIndexFollower implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexFollower.class);

    private final SearchIndexMaintenance maintenance;
    private final Duration interval;
    private @Nullable ScheduledExecutorService thread;
    private boolean failing;

    SearchIndexFollower(SearchIndexMaintenance maintenance, ArchiveProperties archive) {
        this.maintenance = maintenance;
        this.interval = archive.search().followInterval();
    }

    /** Starts following, unless following is turned off; called after the start-up catch-up. */
    synchronized void start() {
        if (interval.isZero() || thread != null) {
            return;
        }
        thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread follower = new Thread(runnable, "search-index-follower");
            follower.setDaemon(true);
            return follower;
        });
        thread.scheduleWithFixedDelay(this::pass, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void pass() {
        try {
            maintenance.follow();
            if (failing) {
                failing = false;
                log.info("Search index follows the database again");
            }
        } catch (RuntimeException e) {
            // a database outage fails every pass: say so once, and again when it is over
            if (!failing) {
                failing = true;
                log.warn("Search index could not follow the database; trying again every {}", interval, e);
            } else {
                log.debug("Search index still cannot follow the database", e);
            }
        }
    }

    @Override
    public synchronized void destroy() throws InterruptedException {
        if (thread != null) {
            thread.shutdownNow();
            thread.awaitTermination(10, TimeUnit.SECONDS);
            thread = null;
        }
    }
}
