package org.policyarchive.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
 * Starts, follows, cancels, resumes and discards bulk imports. An uploaded file is first copied to the data directory
 * (streamed, never held in memory), then a job row is written, queued: the jobs live in PostgreSQL. They run one at a
 * time, because concurrent jobs would race to create the same people and themes: on the application's task executor,
 * one task works through this node's queued jobs, oldest first, and any submit starts that task if none is running.
 * A job keeps its stored file until it finishes or is discarded: an interrupted job can be resumed from it.
 */
@Service
public class ImportJobService {

    private static final Logger log = LoggerFactory.getLogger(ImportJobService.class);

    private final ImportJobs jobs;
    private final BulkImporter importer;
    private final TaskExecutor executor;
    private final Path importDirectory;
    private final int maxQueued;
    private final Duration staleAfter;
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
        this.importDirectory =
                archive.dataDir().resolve("imports").toAbsolutePath().normalize();
        this.maxQueued = archive.imports().maxQueued();
        this.staleAfter = archive.imports().staleAfter();
        this.audit = audit;
    }

    /** Stores the uploaded content and queues its import, which rejects the lines whose kind the archive lacks. */
    public ImportJobView submit(String fileName, InterchangeFormat format, InputStream content, String username) {
        return submit(fileName, format, content, username, ImportKinds.NONE);
    }

    /**
     * Stores the uploaded content and queues its import, which does {@code kinds} with the kinds the archive does not
     * know: reads them as they are mapped, or adds them.
     */
    public ImportJobView submit(
            String fileName, InterchangeFormat format, InputStream content, String username, ImportKinds kinds) {
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
        long id = jobs.create(fileName, format, size, stored.toString(), username, ImportStatus.QUEUED, kinds);
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
                ImportJobView done = importer.run(next.get(), ImportProgressListener.NONE);
                if (done.status() != ImportStatus.INTERRUPTED) {
                    deleteStoredFile(done);
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

    /** Imports a file in place, in the calling thread, rejecting the lines whose kind the archive lacks. */
    ImportJobView runNow(Path file, InterchangeFormat format, String username, ImportProgressListener progress)
            throws IOException {
        return runNow(file, format, username, ImportKinds.NONE, progress);
    }

    /**
     * Imports a file in place, in the calling thread (the command line's way), doing {@code kinds} with the kinds the
     * archive does not know.
     */
    ImportJobView runNow(
            Path file, InterchangeFormat format, String username, ImportKinds kinds, ImportProgressListener progress)
            throws IOException {
        long id = jobs.create(
                file.getFileName().toString(),
                format,
                Files.size(file),
                file.toAbsolutePath().toString(),
                username,
                ImportStatus.RUNNING,
                kinds);
        return importer.run(id, progress);
    }

    /** The job as it stands now: while this process runs it, with what it has read and written so far. */
    public Optional<ImportJobView> find(long id) {
        return jobs.find(id).map(importer::current);
    }

    List<ImportJobView> recent() {
        return jobs.recent(100).stream().map(importer::current).toList();
    }

    List<ImportJobs.ImportError> errors(long id, int offset, int limit) {
        return jobs.errors(id, offset, limit);
    }

    List<DuplicateWarning> warnings(long id, int limit) {
        return jobs.warnings(id, limit);
    }

    long countWarnings(long id) {
        return jobs.countWarnings(id);
    }

    /**
     * Stops a job, or asks it to stop: one that this process runs stops before its next entry, one that a live node
     * runs when that node next looks (within a second), and one that nobody runs any more (its process died) at once.
     * False when it had already finished.
     */
    boolean cancel(long id) {
        ImportJobView job = jobs.find(id).orElse(null);
        if (job == null || job.finished() || !jobs.requestCancel(id)) {
            return false;
        }
        audit.record(AuditAction.IMPORT_CANCEL_REQUESTED, "import", String.valueOf(id), null);
        if (importer.isRunning(id)) {
            importer.stop(id);
        } else if (!jobs.isRunByAnotherLiveNode(id, staleAfter)) {
            // nobody runs it: waiting here, or running in the database only because the process that ran it died
            boolean stopped = jobs.finishIf(
                    id,
                    List.of(ImportStatus.QUEUED, ImportStatus.RUNNING),
                    ImportStatus.CANCELLED,
                    job.status() == ImportStatus.QUEUED
                            ? ImportMessage.of("import.job.cancelled-before-start")
                            : ImportMessage.of("import.job.cancelled", job.linesRead()));
            if (stopped) {
                deleteStoredFile(job);
            }
        }
        return true;
    }

    /** Whether the job was interrupted and its file is still here to read on from. */
    boolean canResume(ImportJobView job) {
        return job.status() == ImportStatus.INTERRUPTED
                && storedHere(job)
                && Files.isRegularFile(Path.of(job.storedPath()));
    }

    /** Queues an interrupted job again, to read on after its last committed line; false when it cannot be. */
    boolean resume(long id, String username) {
        ImportJobView job = jobs.find(id).orElse(null);
        if (job == null || !canResume(job) || !jobs.requeue(id)) {
            return false;
        }
        audit.recordAs(
                username, AuditAction.IMPORT_RESUMED, "import", String.valueOf(id), "after line " + job.linesRead());
        executor.execute(this::runQueued);
        return true;
    }

    /** Gives up an interrupted job: it counts as cancelled where it stopped, and its file is deleted. */
    boolean discard(long id, String username) {
        ImportJobView job = jobs.find(id).orElse(null);
        if (job == null
                || !jobs.finishIf(
                        id,
                        List.of(ImportStatus.INTERRUPTED),
                        ImportStatus.CANCELLED,
                        ImportMessage.of("import.job.discarded", job.linesRead()))) {
            return false;
        }
        deleteStoredFile(job);
        audit.recordAs(username, AuditAction.IMPORT_DISCARDED, "import", String.valueOf(id), null);
        return true;
    }

    /**
     * Deletes the files in the imports folder that no unfinished job needs: left by a process that stopped while it
     * received a file, or after its job finished. Run at start, before any upload can arrive.
     */
    List<Path> deleteOrphanedFiles() {
        if (!Files.isDirectory(importDirectory)) {
            return List.of();
        }
        Set<Path> inUse = jobs.storedPathsInUse().stream()
                .map(path -> Path.of(path).toAbsolutePath().normalize())
                .collect(Collectors.toSet());
        List<Path> deleted = new ArrayList<>();
        try (Stream<Path> files = Files.list(importDirectory)) {
            for (Path file : files.toList()) {
                if (Files.isRegularFile(file)
                        && !inUse.contains(file.toAbsolutePath().normalize())) {
                    deleteQuietly(file);
                    deleted.add(file);
                }
            }
        } catch (IOException e) {
            log.warn("Could not list the imports folder {}", importDirectory, e);
        }
        return deleted;
    }

    /** Deletes the job's file if this node stored it: never a file that the command line imported in place. */
    private void deleteStoredFile(ImportJobView job) {
        if (storedHere(job)) {
            deleteQuietly(Path.of(job.storedPath()));
        }
    }

    private boolean storedHere(ImportJobView job) {
        return Path.of(job.storedPath()).toAbsolutePath().normalize().startsWith(importDirectory);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the imported file {}", file, e);
        }
    }
}
