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

    public double elapsedSeconds() {
        if (startedAt == null) {
            return 0;
        }
        Instant end = finishedAt == null ? Instant.now() : finishedAt;
        return Math.max(0.001, Duration.between(startedAt, end).toMillis() / 1000.0);
    }

    /** Records imported or skipped as already present, per second since the job started. */
    public long recordsPerSecond() {
        double elapsed = elapsedSeconds();
        return elapsed == 0 ? 0 : Math.round((recordsImported + recordsSkipped) / elapsed);
    }

    /** The time left at the current pace, judged from the bytes read; null while it cannot be judged. */
    @Nullable
    public Long secondsLeft() {
        if (finished() || startedAt == null || bytesRead == 0) {
            return null;
        }
        double elapsed = elapsedSeconds();
        return Math.round(elapsed * Math.max(0, sizeBytes - bytesRead) / bytesRead);
    }
}
