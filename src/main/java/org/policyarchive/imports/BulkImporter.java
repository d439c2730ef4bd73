package org.policyarchive.imports;

import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.policyarchive.audit.AuditAction;
import org.policyarchive.audit.AuditLog;
import org.policyarchive.interchange.InterchangeFile;
import org.policyarchive.record.RecordDraft;
import org.policyarchive.record.RecordEditor;
import org.policyarchive.record.RecordViolation;
import org.policyarchive.system.ArchiveProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one import job: reads the file entry by entry and hands the records to the record module a batch at a time
 * ({@link RecordEditor#importAll}), each batch committed with its rejected lines and the job's counters, so the page
 * never shows more than is committed. It checks for a cancel between batches and finishes the job with its outcome.
 * A batch that fails in the database is retried one record at a time, so one bad record is rejected with the
 * database's reason and the others still go in.
 */
@Component
class BulkImporter {

    private static final Logger log = LoggerFactory.getLogger(BulkImporter.class);

    private final ImportJobs jobs;
    private final RecordEditor editor;
    private final AuditLog audit;
    private final EntityManager entityManager;
    private final TransactionTemplate transactions;
    private final ArchiveProperties.Imports settings;

    BulkImporter(
            ImportJobs jobs,
            RecordEditor editor,
            AuditLog audit,
            EntityManager entityManager,
            TransactionTemplate transactions,
            ArchiveProperties archive) {
        this.jobs = jobs;
        this.editor = editor;
        this.audit = audit;
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.settings = archive.imports();
    }

    /** Runs the job to its end; {@code progress} hears after every committed batch. */
    ImportJobView run(long jobId, ImportProgressListener progress) {
        ImportJobView job = jobs.find(jobId).orElseThrow();
        if (job.cancelRequested()) {
            jobs.finish(jobId, ImportStatus.CANCELLED, ImportMessage.of("import.job.cancelled-before-start"));
            return jobs.find(jobId).orElseThrow();
        }
        jobs.markRunning(jobId);
        ImportCounters counters = new ImportCounters();
        int batchSize = settings.batchSize();
        try (InterchangeFile file =
                InterchangeFile.open(job.format(), Path.of(job.storedPath()), settings.maxLineChars())) {
            List<InterchangeFile.Entry> pending = new ArrayList<>();
            int valid = 0;
            boolean cancelled = false;
            InterchangeFile.Entry entry;
            while ((entry = file.next()) != null) {
                pending.add(entry);
                if (entry.draft() != null) {
                    valid++;
                }
                if (valid >= batchSize || pending.size() >= batchSize * 4) {
                    if (jobs.isCancelRequested(jobId)) {
                        cancelled = true;
                        break;
                    }
                    commit(job, pending, counters, entry.lineNumber(), file.bytesRead());
                    progress.batchCommitted(jobs.find(jobId).orElseThrow());
                    pending.clear();
                    valid = 0;
                }
            }
            if (!cancelled && jobs.isCancelRequested(jobId)) {
                cancelled = true;
            }
            if (cancelled) {
                jobs.finish(
                        jobId, ImportStatus.CANCELLED, ImportMessage.of("import.job.cancelled", counters.linesRead));
            } else {
                long lastLine = pending.isEmpty()
                        ? counters.linesRead
                        : pending.get(pending.size() - 1).lineNumber();
                commit(job, pending, counters, lastLine, job.sizeBytes());
                jobs.finish(jobId, ImportStatus.SUCCEEDED, null);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Import job {} failed", jobId, e);
            jobs.finish(jobId, ImportStatus.FAILED, ImportMessage.of("import.job.failed", reason(e)));
        }
        ImportJobView finished = jobs.find(jobId).orElseThrow();
        audit.recordAs(
                finished.createdBy(),
                AuditAction.IMPORT_FINISHED,
                "import",
                String.valueOf(jobId),
                finished.status() + ": " + finished.recordsImported() + " imported, " + finished.recordsSkipped()
                        + " skipped, " + finished.linesRejected() + " rejected");
        progress.batchCommitted(finished);
        return finished;
    }

    private void commit(
            ImportJobView job,
            List<InterchangeFile.Entry> entries,
            ImportCounters counters,
            long lastLine,
            long bytesRead) {
        ImportCounters next = counters.copy();
        next.linesRead = lastLine;
        next.bytesRead = bytesRead;
        try {
            transactions.executeWithoutResult(status -> write(job, entries, next));
        } catch (RuntimeException batchFailure) {
            log.info(
                    "Import job {}: a batch failed ({}); saving its records one by one",
                    job.id(),
                    reason(batchFailure));
            entityManager.clear();
            next.imported = counters.imported;
            next.skipped = counters.skipped;
            next.rejected = counters.rejected;
            for (InterchangeFile.Entry entry : entries) {
                ImportCounters single = next.copy();
                try {
                    transactions.executeWithoutResult(status -> write(job, List.of(entry), single));
                    single.copyInto(next);
                } catch (RuntimeException recordFailure) {
                    entityManager.clear();
                    next.rejected++;
                    ImportCounters rejected = next.copy();
                    transactions.executeWithoutResult(status -> {
                        jobs.addErrors(
                                job.id(),
                                List.of(new ImportJobs.LineError(
                                        entry.lineNumber(),
                                        ImportMessage.of("import.rejected.database", reason(recordFailure)))));
                        jobs.updateCounters(job.id(), rejected);
                    });
                }
            }
        }
        next.copyInto(counters);
    }

    /** Writes the entries' records, their rejections and the job's counters in the caller's transaction. */
    private void write(ImportJobView job, List<InterchangeFile.Entry> entries, ImportCounters counters) {
        List<RecordDraft> drafts = new ArrayList<>();
        List<Long> draftLines = new ArrayList<>();
        List<ImportJobs.LineError> errors = new ArrayList<>();
        for (InterchangeFile.Entry entry : entries) {
            if (entry.draft() != null) {
                drafts.add(entry.draft());
                draftLines.add(entry.lineNumber());
            } else {
                counters.rejected++;
                errors.add(new ImportJobs.LineError(
                        entry.lineNumber(),
                        ImportMessage.of(
                                entry.rejection().messageKey(),
                                entry.rejection().arguments())));
            }
        }
        List<RecordEditor.Imported> results = drafts.isEmpty() ? List.of() : editor.importAll(drafts, job.createdBy());
        for (int i = 0; i < results.size(); i++) {
            RecordEditor.Imported result = results.get(i);
            switch (result.outcome()) {
                case IMPORTED -> counters.imported++;
                case SKIPPED -> counters.skipped++;
                case REJECTED -> {
                    counters.rejected++;
                    for (RecordViolation violation : result.violations()) {
                        errors.add(new ImportJobs.LineError(
                                draftLines.get(i), ImportMessage.of(violation.messageKey(), violation.arguments())));
                    }
                }
            }
        }
        errors.sort(java.util.Comparator.comparingLong(ImportJobs.LineError::lineNumber));
        jobs.addErrors(job.id(), errors);
        jobs.updateCounters(job.id(), counters);
    }

    private static String reason(Throwable e) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
        String message = cause.getMessage();
        return message == null
                ? cause.getClass().getSimpleName()
                : message.lines().findFirst().orElse(message);
    }
}
