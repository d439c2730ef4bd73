package org.policyarchive.search;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Where a rebuild of the index stands, as the admin page shows it. */
public record ReindexProgress(
        State state,
        long total,
        long indexed,
        @Nullable Instant started,
        @Nullable Instant finished) {

    public enum State {
        IDLE,
        RUNNING,
        DONE,
        FAILED
    }

    static ReindexProgress idle() {
        return new ReindexProgress(State.IDLE, 0, 0, null, null);
    }

    public int percent() {
        return total == 0 ? (state == State.DONE ? 100 : 0) : (int) Math.min(100, indexed * 100 / total);
    }

    public boolean isRunning() {
        return state == State.RUNNING;
    }

    public long seconds() {
        if (started == null) {
            return 0;
        }
        return Duration.between(started, finished == null ? Instant.now() : finished)
                .toSeconds();
    }
}
