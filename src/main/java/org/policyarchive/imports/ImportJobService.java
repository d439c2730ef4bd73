package org.policyarchive.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.policyarchive.audit.AuditAction;
import org.policyarchive.audit.AuditLog;
import org.policyarchive.interchange.InterchangeFormat;
import org.policyarchive.system.ArchiveProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Service;

/**
 * Starts, follows and cancels bulk imports. An uploaded file is first copied to the data directory (streamed, never
 * held in memory), then a job row is written, queued: the jobs live in PostgreSQL. They run one at a time, because
 * concurrent jobs would race to create the same people and themes: on the application's task executor, one task
 * works through this node's queued jobs, oldest first, and any submit starts that task if none is running.
 */
@Service
class ImportJobService {

    private static final Logger log = LoggerFactory.getLogger(ImportJobService.class);

    private final ImportJobs jobs;
    private final BulkImporter importer;
    private final TaskExecutor executor;
    private final Path importDirectory;
    private final int maxQueued;
    private final AuditLog audit;
    private final AtomicBoolean working = new AtomicBoolean();

    ImportJobService(
            ImportJobs jobs,
            BulkImporter importer,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor,
            ArchiveProperties archive,
            AuditLog audit) {
        this.jobs = jobs;
        this.importer = importer;
        this.executor = executor;
        this.importDirectory = archive.dataDir().resolve("imports");
        this.maxQueued = archive.imports().maxQueued();
        this.audit = audit;
    }

    /** Stores the uploaded content and queues its import. */
    ImportJobView submit(String fileName, InterchangeFormat format, InputStream content, String username) {
        Path stored;
        long size;
        try {
            Files.createDirectories(importDirectory);
            stored = importDirectory.resolve(
                    UUID.randomUUID() + "." + format.name().toLowerCase(Locale.ROOT));
            size = Files.copy(content, stored, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean full = jobs.countQueued() >= maxQueued;
        long id = jobs.create(fileName, format, size, stored.toString(), username, ImportStatus.QUEUED);
        audit.recordAs(
                username, AuditAction.IMPORT_STARTED, "import", String.valueOf(id), fileName + " (" + size + " bytes)");
        if (full) {
            jobs.finish(id, ImportStatus.FAILED, ImportMessage.of("import.job.queue-full", maxQueued));
            deleteQuietly(stored);
        } else {
            executor.execute(this::runQueued);
        }
        return jobs.find(id).orElseThrow();
    }

    /** Runs this node's queued jobs one after the other, unless another task is doing so already. */
    private void runQueued() {
        if (!working.compareAndSet(false, true)) {
            return;
        }
        try {
            Optional<Long> next;
            while ((next = jobs.nextQueued()).isPresent()) {
                long id = next.get();
                ImportJobView job = jobs.find(id).orElseThrow();
                try {
                    importer.run(id, ImportProgressListener.NONE);
                } finally {
                    deleteQuietly(Path.of(job.storedPath()));
                }
            }
        } finally {
            working.set(false);
        }
        // a job queued after the last look and before the flag was cleared found the flag set: take it now
        if (jobs.nextQueued().isPresent()) {
            executor.execute(this::runQueued);
        }
    }

    /** Imports a file in place, in the calling thread (the command line's way). */
    ImportJobView runNow(Path file, InterchangeFormat format, String username, ImportProgressListener progress)
            throws IOException {
        long id = jobs.create(
                file.getFileName().toString(),
                format,
                Files.size(file),
                file.toAbsolutePath().toString(),
                username,
                ImportStatus.RUNNING);
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
            audit.record(AuditAction.IMPORT_CANCEL_REQUESTED, "import", String.valueOf(id), null);
        }
        return requested;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the imported file {}", file, e);
        }
    }
}
