package org.policyarchive.ingest;

import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.work.SearchIndexingPlan;
import org.policyarchive.audit.AuditLog;
import org.policyarchive.person.PersonDirectory;
import org.policyarchive.record.Record;
import org.policyarchive.theme.ThemeVocabulary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one import job: reads the file entry by entry, commits valid records in batches (each batch with its
 * rejected lines and the job's counters, so the page never shows more than is committed), checks for a cancel
 * between batches, and finishes the job with its outcome. A batch that fails in the database is retried one
 * record at a time, so one bad record is rejected with the database's reason and the others still go in.
 */
@Component
class BulkImporter {

    private static final Logger log = LoggerFactory.getLogger(BulkImporter.class);

    private final ImportJobs jobs;
    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final PersonDirectory people;
    private final ThemeVocabulary themes;
    private final EntityManager entityManager;
    private final TransactionTemplate transactions;
    private final int batchSize;
    private final int maxLineChars;

    BulkImporter(
            ImportJobs jobs,
            JdbcTemplate jdbc,
            AuditLog audit,
            PersonDirectory people,
            ThemeVocabulary themes,
            EntityManager entityManager,
            TransactionTemplate transactions,
            @Value("${archive.import.batch-size:500}") int batchSize,
            @Value("${archive.import.max-line-chars:16777216}") int maxLineChars) {
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.audit = audit;
        this.people = people;
        this.themes = themes;
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.batchSize = batchSize;
        this.maxLineChars = maxLineChars;
    }

    /** Runs the job to its end; {@code progress} hears after every committed batch. */
    ImportJobView run(long jobId, ImportProgressListener progress) {
        ImportJobView job = jobs.find(jobId).orElseThrow();
        if (job.cancelRequested()) {
            jobs.finish(jobId, ImportStatus.CANCELLED, "cancelled before it started");
            return jobs.find(jobId).orElseThrow();
        }
        jobs.markRunning(jobId);
        ImportBatchWriter writer = new ImportBatchWriter(people, themes, jdbc, job.createdBy());
        ImportCounters counters = new ImportCounters();
        try (ImportSource source = ImportSource.open(job.format(), Path.of(job.storedPath()), maxLineChars)) {
            List<ImportSource.Entry> pending = new ArrayList<>();
            int valid = 0;
            boolean cancelled = false;
            ImportSource.Entry entry;
            while ((entry = source.next()) != null) {
                pending.add(entry);
                if (entry.record() != null) {
                    valid++;
                }
                if (valid >= batchSize || pending.size() >= batchSize * 4) {
                    if (jobs.isCancelRequested(jobId)) {
                        cancelled = true;
                        break;
                    }
                    commit(jobId, writer, pending, counters, entry.lineNumber(), source.bytesRead());
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
                        jobId,
                        ImportStatus.CANCELLED,
                        "cancelled after line " + counters.linesRead + "; the records committed before stay");
            } else {
                long lastLine = pending.isEmpty()
                        ? counters.linesRead
                        : pending.get(pending.size() - 1).lineNumber();
                commit(jobId, writer, pending, counters, lastLine, job.sizeBytes());
                jobs.finish(jobId, ImportStatus.SUCCEEDED, null);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Import job {} failed", jobId, e);
            jobs.finish(jobId, ImportStatus.FAILED, "the import stopped: " + reason(e));
        }
        ImportJobView finished = jobs.find(jobId).orElseThrow();
        audit.recordAs(
                finished.createdBy(),
                "IMPORT_FINISHED",
                "import",
                String.valueOf(jobId),
                finished.status() + ": " + finished.recordsImported() + " imported, " + finished.recordsSkipped()
                        + " skipped, " + finished.linesRejected() + " rejected");
        progress.batchCommitted(finished);
        return finished;
    }

    private void commit(
            long jobId,
            ImportBatchWriter writer,
            List<ImportSource.Entry> entries,
            ImportCounters counters,
            long lastLine,
            long bytesRead) {
        ImportCounters next = counters.copy();
        next.linesRead = lastLine;
        next.bytesRead = bytesRead;
        try {
            transactions.executeWithoutResult(status -> write(jobId, writer, entries, next));
        } catch (RuntimeException batchFailure) {
            log.info("Import job {}: a batch failed ({}); saving its records one by one", jobId, reason(batchFailure));
            entityManager.clear();
            writer.batchRolledBack();
            next.imported = counters.imported;
            next.skipped = counters.skipped;
            next.rejected = counters.rejected;
            for (ImportSource.Entry entry : entries) {
                ImportCounters single = next.copy();
                try {
                    transactions.executeWithoutResult(status -> write(jobId, writer, List.of(entry), single));
                    copyInto(single, next);
                } catch (RuntimeException recordFailure) {
                    entityManager.clear();
                    writer.batchRolledBack();
                    next.rejected++;
                    ImportCounters rejected = next.copy();
                    transactions.executeWithoutResult(status -> {
                        jobs.addErrors(
                                jobId,
                                List.of(ImportSource.Entry.rejected(
                                        entry.lineNumber(), "could not be saved: " + reason(recordFailure))));
                        jobs.updateCounters(jobId, rejected);
                    });
                }
            }
        }
        copyInto(next, counters);
    }

    /** Writes the entries' records, their rejections and the job's counters in the caller's transaction. */
    private void write(
            long jobId, ImportBatchWriter writer, List<ImportSource.Entry> entries, ImportCounters counters) {
        List<InterchangeRecord> accepted = new ArrayList<>();
        List<ImportSource.Entry> rejected = new ArrayList<>();
        for (ImportSource.Entry entry : entries) {
            if (entry.record() != null) {
                accepted.add(entry.record());
            } else {
                rejected.add(entry);
            }
        }
        List<Long> newIds = new ArrayList<>();
        for (ImportBatchWriter.Outcome outcome : writer.write(accepted, newIds)) {
            if (outcome == ImportBatchWriter.Outcome.IMPORTED) {
                counters.imported++;
            } else {
                counters.skipped++;
            }
        }
        counters.rejected += rejected.size();
        indexForSearch(newIds);
        // people and themes found or created through JPA in this batch: keep the persistence context small
        entityManager.flush();
        entityManager.clear();
        jobs.addErrors(jobId, rejected);
        jobs.updateCounters(jobId, counters);
    }

    /**
     * Rows written with JDBC batches pass by Hibernate Search's automatic indexing, so the batch's records are
     * added to the indexing plan by hand: the index is written when the batch commits, like after any save.
     */
    private void indexForSearch(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        SearchIndexingPlan plan = Search.session(entityManager).indexingPlan();
        entityManager
                .createQuery("select r from Record r where r.id in :ids", Record.class)
                .setParameter("ids", ids)
                .getResultList()
                .forEach(plan::addOrUpdate);
        // build the documents now, while the records are loaded; they are written to the index on commit
        plan.process();
    }

    private static void copyInto(ImportCounters from, ImportCounters to) {
        to.linesRead = from.linesRead;
        to.bytesRead = from.bytesRead;
        to.imported = from.imported;
        to.skipped = from.skipped;
        to.rejected = from.rejected;
    }

    private static String reason(Throwable e) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
        String message = cause.getMessage();
        return message == null
                ? cause.getClass().getSimpleName()
                : message.lines().findFirst().orElse(message);
    }
}
