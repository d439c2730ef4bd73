package org.policyarchive.record;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Once the application is ready, fingerprints the records that have no fingerprint row yet ({@link RecordTexts}): an
 * archive migrated from before the table existed has none. It runs on a thread of its own, a few hundred records per
 * transaction in id order, logging its progress, on the application's task executor, so neither the start nor readiness waits for it; until it is done,
 * the duplicate warnings find only the texts it has reached. Rows are inserted only where none is, so several nodes
 * may fill at once. A database outage stops it, and it tries again a minute later.
 */
@Component
public class RecordFingerprintFiller {

    private static final Logger log = LoggerFactory.getLogger(RecordFingerprintFiller.class);

    private static final int BATCH = 200;

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

    private static final Duration RETRY_AFTER = Duration.ofMinutes(1);

    private final RecordTexts texts;
    private final TaskExecutor executor;
    private final AtomicBoolean running = new AtomicBoolean();

    RecordFingerprintFiller(RecordTexts texts, @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        this.texts = texts;
        this.executor = executor;
    }

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        start();
    }

    /** Starts filling in the background, unless it runs already. */
    void start() {
        if (running.compareAndSet(false, true)) {
            executor.execute(() -> {
                try {
                    fillInBackground();
                } finally {
                    running.set(false);
                }
            });
        }
    }

    private void fillInBackground() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                fillNow();
                return;
            } catch (RuntimeException e) {
                log.warn("Record fingerprints: filling stopped; trying again in {}", RETRY_AFTER, e);
                try {
                    Thread.sleep(RETRY_AFTER.toMillis());
                } catch (InterruptedException stopped) {
                    return;
                }
            }
        }
    }

    /** Fingerprints every record that has no fingerprint row yet, in this thread; returns how many it did. */
    public long fillNow() {
        long missing = texts.countMissing();
        if (missing == 0) {
            return 0;
        }
        log.info("Record fingerprints: {} records to fingerprint", missing);
        long start = System.nanoTime();
        long nextLog = start + PROGRESS_EVERY.toNanos();
        long filled = 0;
        RecordTexts.Filled batch = texts.fillAfter(0, BATCH);
        while (batch.lastId() >= 0 && !Thread.currentThread().isInterrupted()) {
            filled += batch.count();
            if (System.nanoTime() - nextLog > 0) {
                nextLog = System.nanoTime() + PROGRESS_EVERY.toNanos();
                log.info("Record fingerprints: {} of {} records fingerprinted", filled, missing);
            }
            batch = texts.fillAfter(batch.lastId(), BATCH);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        log.info(
                "Record fingerprints: {} records fingerprinted in {} s ({} records/s)",
                filled,
                String.format("%.1f", seconds),
                Math.round(filled / Math.max(seconds, 1e-3)));
        return filled;
    }
}
