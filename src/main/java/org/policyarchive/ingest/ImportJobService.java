package org.policyarchive.ingest;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.policyarchive.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;

/**
 * Starts, follows and cancels bulk imports. An uploaded file is first copied to the data directory (streamed,
 * never held in memory), then a job row is written and the job queued on a small bounded executor, so imports
 * run one at a time in the background and the state lives in PostgreSQL.
 */
@Service
class ImportJobService {

    private static final Logger log = LoggerFactory.getLogger(ImportJobService.class);

    private final ImportJobs jobs;
    private final BulkImporter importer;
    private final ThreadPoolTaskExecutor executor;
    private final Path importDirectory;
    private final AuditLog audit;

    ImportJobService(
            ImportJobs jobs, BulkImporter importer, @Value("${archive.data-dir}") Path dataDirectory, AuditLog audit) {
        this.jobs = jobs;
        this.audit = audit;
        this.importer = importer;
        // Not a bean on purpose: a context-wide Executor would replace Boot's default one for @Async listeners.
        // One thread, because concurrent jobs would race to create the same people and themes.
        this.executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setQueueCapacity(20);
        executor.setThreadNamePrefix("import-");
        executor.initialize();
        this.importDirectory = dataDirectory.resolve("imports");
    }

    /** Stores the uploaded content and queues its import; the format comes from the file name's extension. */
    ImportJobView submit(String fileName, ImportFormat format, InputStream content, String username) {
        Path stored;
        long size;
        try {
            Files.createDirectories(importDirectory);
            stored = importDirectory.resolve(
                    UUID.randomUUID() + "." + format.name().toLowerCase());
            size = Files.copy(content, stored, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long id = jobs.create(fileName, format, size, stored.toString(), username);
        audit.recordAs(username, "IMPORT_STARTED", "import", String.valueOf(id), fileName + " (" + size + " bytes)");
        try {
            executor.execute(() -> {
                try {
                    importer.run(id, ImportProgressListener.NONE);
                } finally {
                    deleteQuietly(stored);
                }
            });
        } catch (TaskRejectedException e) {
            jobs.finish(id, ImportStatus.FAILED, "too many imports are waiting; try again when one has finished");
            deleteQuietly(stored);
        }
        return jobs.find(id).orElseThrow();
    }

    /** Imports a file in place, in the calling thread (the command line's way). */
    ImportJobView runNow(Path file, ImportFormat format, String username, ImportProgressListener progress)
            throws IOException {
        long id = jobs.create(
                file.getFileName().toString(),
                format,
                Files.size(file),
                file.toAbsolutePath().toString(),
                username);
        return importer.run(id, progress);
    }

    Optional<ImportJobView> find(long id) {
        return jobs.find(id);
    }

    List<ImportJobView> recent() {
        return jobs.recent(100);
    }

    List<ImportJobs.ImportError> errors(long id, int offset, int limit) {
        return jobs.errors(id, offset, limit);
    }

    /** Asks the job to stop after its current batch; false when it has already finished. */
    boolean cancel(long id) {
        boolean requested = jobs.requestCancel(id);
        if (requested) {
            audit.record("IMPORT_CANCEL_REQUESTED", "import", String.valueOf(id), null);
        }
        return requested;
    }

    @PreDestroy
    void shutdown() {
        executor.shutdown();
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the imported file {}", file, e);
        }
    }
}
