package org.policyarchive.imports;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.policyarchive.interchange.InterchangeFormat;

/**
 * A bulk import's state as the pages and the status endpoint show it, with its rates worked out. What became of it is
 * {@code message}, or for a job that ran before messages were stored, {@code messageText} in English.
 */
public record ImportJobView(
        long id,
        String fileName,
        InterchangeFormat format,
        long sizeBytes,
        String storedPath,
        ImportStatus status,
        long linesRead,
        long bytesRead,
        long recordsImported,
        long recordsSkipped,
        long linesRejected,
        boolean cancelRequested,
        @Nullable String messageText,
        @Nullable ImportMessage message,
        String createdBy,
        Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt) {

    public boolean finished() {
        return status.isFinished();
    }

    /** How much of the file has been read, 0 to 100. */
    public int percent() {
        if (status == ImportStatus.SUCCEEDED || sizeBytes == 0) {
            return status == ImportStatus.SUCCEEDED ? 100 : 0;
        }
        return (int) Math.min(100, bytesRead * 100 / sizeBytes);
    }

    /** This job with the counters it has reached, ahead of its last commit. */
    ImportJobView withProgress(ImportCounters counters) {
        return new ImportJobView(
                id,
                fileName,
                format,
                sizeBytes,
                storedPath,
                status,
                counters.linesRead,
                counters.bytesRead,
                counters.imported,
                counters.skipped,
                counters.rejected,
                cancelRequested,
                messageText,
                message,
                createdBy,
                createdAt,
                startedAt,
                finishedAt);
    }

    /** Seconds from its start to its end, or to now while it runs; 0 before it starts. */
    public double elapsedSeconds() {
        if (startedAt == null) {
            return 0;
        }
        Instant end = finishedAt == null ? Instant.now() : finishedAt;
        return Math.max(0.001, Duration.between(startedAt, end).toMillis() / 1000.0);
    }

    /** Records imported or skipped as already present, per second since the job started (over its whole run). */
    public long recordsPerSecond() {
        double elapsed = elapsedSeconds();
        return elapsed == 0 ? 0 : Math.round((recordsImported + recordsSkipped) / elapsed);
    }

    /**
     * Whether {@link #recordsPerSecond} says something: for a job that ran, always; while it runs, once it has run a
     * second and done a record, since a first instant's rate is noise.
     */
    public boolean rateKnown() {
        if (startedAt == null) {
            return false;
        }
        return finished() || (elapsedSeconds() >= 1 && recordsImported + recordsSkipped > 0);
    }

    /** The time left at the current pace, judged from the share of the file done; null while it cannot be judged. */
    @Nullable
    public Long secondsLeft() {
        if (finished() || startedAt == null || bytesRead == 0 || elapsedSeconds() < 1) {
            return null;
        }
        double elapsed = elapsedSeconds();
        return Math.round(elapsed * Math.max(0, sizeBytes - bytesRead) / bytesRead);
    }

    /** How long the job ran, for one that ran and finished; null otherwise. */
    @Nullable
    public Duration duration() {
        return finished() && startedAt != null && finishedAt != null ? Duration.between(startedAt, finishedAt) : null;
    }

    /** A span of time in hours, minutes and seconds as a reader says it, to the second. */
    static ImportMessage timeSpan(Duration span) {
        long seconds = Math.round(span.toMillis() / 1000.0);
        if (seconds < 60) {
            return ImportMessage.of("import.job.time.s", seconds);
        }
        if (seconds < 3600) {
            return ImportMessage.of("import.job.time.ms", seconds / 60, seconds % 60);
        }
        return ImportMessage.of("import.job.time.hms", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    /** The time left as a message, or null while it cannot be judged. */
    public @Nullable ImportMessage timeLeftMessage() {
        Long left = secondsLeft();
        return left == null ? null : timeSpan(Duration.ofSeconds(left));
    }

    /** The duration as a message, or null for a job that has not run and finished. */
    public @Nullable ImportMessage durationMessage() {
        Duration duration = duration();
        return duration == null ? null : timeSpan(duration);
    }
}
