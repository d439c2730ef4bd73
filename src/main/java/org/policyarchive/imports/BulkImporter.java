package org.policyarchive.imports;

import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.policyarchive.audit.AuditAction;
import org.policyarchive.audit.AuditLog;
import org.policyarchive.interchange.InterchangeFile;
import org.policyarchive.person.PersonDirectory;
import org.policyarchive.person.PersonDraft;
import org.policyarchive.record.KindEditor;
import org.policyarchive.record.KindLookup;
import org.policyarchive.record.Kinds;
import org.policyarchive.record.RecordDraft;
import org.policyarchive.record.RecordEditor;
import org.policyarchive.record.RecordTexts;
import org.policyarchive.record.RecordViolation;
import org.policyarchive.system.ArchiveProperties;
import org.policyarchive.system.DatabaseOutage;
import org.policyarchive.theme.ThemeDraft;
import org.policyarchive.theme.ThemeVocabulary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one import job: reads the file entry by entry and hands the records to the record module a batch at a time
 * ({@link RecordEditor#importAll}), each batch committed with its rejected lines and the job's counters, so the page
 * never shows more than is committed, and a resumed job reads on after the last committed line. A cancel stops it
 * before the next entry. A batch that fails in the database is retried one record at a time, so one bad record is
 * rejected with the database's reason and the others still go in; a job that loses the database is interrupted.
 */
@Component
class BulkImporter {

    private static final Logger log = LoggerFactory.getLogger(BulkImporter.class);

    /** How often a job looks in the database for a cancel asked on another node. */
    private static final Duration LOOK_INTERVAL = Duration.ofSeconds(1);

    /** How many records of a batch go to the record module at a time: the steps in which a batch's progress shows. */
    private static final int WRITE_CHUNK = 50;

    /** How often a job that lost the database tries to mark itself as interrupted. */
    private static final Duration DATABASE_RETRY = Duration.ofSeconds(5);

    private final ImportJobs jobs;
    private final RecordEditor editor;
    private final RecordTexts texts;
    private final PersonDirectory people;
    private final ThemeVocabulary themes;
    private final Kinds kinds;
    private final KindEditor kindEditor;
    private final AuditLog audit;
    private final EntityManager entityManager;
    private final TransactionTemplate transactions;
    private final ArchiveProperties.Imports settings;
    private final DatabaseOutage outage;

    /** The jobs this process is running, and those of them told to stop. */
    private final Set<Long> running = ConcurrentHashMap.newKeySet();

    private final Set<Long> stopping = ConcurrentHashMap.newKeySet();

    /**
     * What the jobs this process runs have read and written so far, ahead of their last commit: a batch is one
     * transaction, so the database alone would show nothing of a batch until its end. Snapshots, never changed.
     */
    private final Map<Long, ImportCounters> live = new ConcurrentHashMap<>();

    BulkImporter(
            ImportJobs jobs,
            RecordEditor editor,
            RecordTexts texts,
            PersonDirectory people,
            ThemeVocabulary themes,
            Kinds kinds,
            KindEditor kindEditor,
            AuditLog audit,
            EntityManager entityManager,
            TransactionTemplate transactions,
            ArchiveProperties archive,
            DatabaseOutage outage) {
        this.jobs = jobs;
        this.editor = editor;
        this.texts = texts;
        this.people = people;
        this.themes = themes;
        this.kinds = kinds;
        this.kindEditor = kindEditor;
        this.audit = audit;
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.settings = archive.imports();
        this.outage = outage;
    }

    /** How the job's file finds its kinds: as it was submitted, with mappings or with new kinds. */
    private KindLookup kindsOf(ImportJobView job) {
        return jobs.kinds(job.id()).lookup(kinds, kindEditor, job.createdBy());
    }

    /** Whether this process is running the job now. */
    boolean isRunning(long jobId) {
        return running.contains(jobId);
    }

    /**
     * The job as it stands now if this process runs it: the lines read and the records written so far, committed or
     * not yet; otherwise the job as its last commit left it.
     */
    ImportJobView current(ImportJobView job) {
        ImportCounters shown = live.get(job.id());
        return shown == null || job.finished() ? job : job.withProgress(shown);
    }

    /** Tells the job that this process runs to stop before its next entry, rather than before its next batch. */
    void stop(long jobId) {
        stopping.add(jobId);
    }

    /**
     * Runs the job to its end; {@code progress} hears after every committed batch. A job that ran before (resumed after
     * an interruption) reads on after its last committed line, with its counters as they were.
     */
    ImportJobView run(long jobId, ImportProgressListener progress) {
        running.add(jobId);
        try {
            return runHere(jobId, progress);
        } finally {
            running.remove(jobId);
            stopping.remove(jobId);
            live.remove(jobId);
        }
    }

    private ImportJobView runHere(long jobId, ImportProgressListener progress) {
        ImportJobView job = jobs.find(jobId).orElseThrow();
        if (job.cancelRequested()) {
            jobs.finish(jobId, ImportStatus.CANCELLED, ImportMessage.of("import.job.cancelled-before-start"));
            return jobs.find(jobId).orElseThrow();
        }
        jobs.markRunning(jobId);
        ImportCounters counters = ImportCounters.of(job);
        long committedUpTo = job.linesRead();
        Cancellation cancellation = new Cancellation(jobId);
        Pace pace = new Pace(jobId, progress);
        pace.show(counters, committedUpTo);
        int batchSize = settings.batchSize();
        DuplicateCheck duplicates = null;
        try (InterchangeFile file =
                InterchangeFile.open(job.format(), Path.of(job.storedPath()), settings.maxLineChars(), kindsOf(job))) {
            duplicates = DuplicateCheck.of(texts);
            List<InterchangeFile.Entry> pending = new ArrayList<>();
            int valid = 0;
            boolean cancelled = false;
            InterchangeFile.Entry entry;
            while (!cancelled && (entry = file.next()) != null) {
                if (entry.lineNumber() <= committedUpTo) {
                    continue;
                }
                pending.add(entry);
                pace.show(counters, entry.lineNumber());
                if (entry.rejection() == null) {
                    valid++;
                }
                if (cancellation.requested()) {
                    cancelled = true;
                } else if (valid >= batchSize || pending.size() >= batchSize * 4) {
                    cancelled = !commit(
                            job,
                            pending,
                            counters,
                            entry.lineNumber(),
                            file.bytesRead(),
                            cancellation,
                            pace,
                            duplicates);
                    progress.batchCommitted(jobs.find(jobId).orElseThrow());
                    pending.clear();
                    valid = 0;
                }
            }
            if (cancelled || cancellation.requested()) {
                jobs.finish(
                        jobId, ImportStatus.CANCELLED, ImportMessage.of("import.job.cancelled", counters.linesRead));
            } else {
                long lastLine = pending.isEmpty()
                        ? counters.linesRead
                        : pending.get(pending.size() - 1).lineNumber();
                if (commit(job, pending, counters, lastLine, job.sizeBytes(), cancellation, pace, duplicates)) {
                    linkTranslations(job);
                    jobs.finish(jobId, ImportStatus.SUCCEEDED, null);
                } else {
                    jobs.finish(
                            jobId,
                            ImportStatus.CANCELLED,
                            ImportMessage.of("import.job.cancelled", counters.linesRead));
                }
            }
        } catch (IOException | RuntimeException e) {
            if (outage.explains(e)) {
                interruptOnceTheDatabaseIsBack(jobId);
            } else {
                log.warn("Import job {} failed", jobId, e);
                jobs.finish(jobId, ImportStatus.FAILED, ImportMessage.of("import.job.failed", reason(e)));
            }
        }
        if (duplicates != null) {
            log.info("Import job {}: texts already there: {}", jobId, duplicates.cost());
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

    /**
     * Reads the file once more for the translation links that the batches could not make, since a record's
     * translation may come after it (two records that are each other's translation always put one of them later), and
     * makes them a batch at a time, now that every record of the file is in. Links already there are left as they are,
     * so a resumed job may run this again.
     */
    private void linkTranslations(ImportJobView job) throws IOException {
        try (InterchangeFile file =
                InterchangeFile.open(job.format(), Path.of(job.storedPath()), settings.maxLineChars(), kindsOf(job))) {
            Map<String, String> links = new LinkedHashMap<>();
            InterchangeFile.Entry entry;
            while ((entry = file.next()) != null) {
                RecordDraft draft = entry.draft();
                if (draft != null
                        && draft.slug() != null
                        && draft.translationSlug() != null
                        && !draft.translationSlug().isBlank()) {
                    links.put(draft.slug().strip(), draft.translationSlug().strip());
                }
                if (links.size() >= settings.batchSize()) {
                    link(job, links);
                }
            }
            link(job, links);
        }
    }

    private void link(ImportJobView job, Map<String, String> links) {
        if (!links.isEmpty()) {
            transactions.executeWithoutResult(status -> editor.linkTranslations(links, job.createdBy()));
            entityManager.clear();
            links.clear();
        }
    }

    /**
     * The database went away in the middle of the job: what was committed stays, and the job is marked interrupted as
     * soon as the database answers again, so that it can be resumed. Until then this worker waits, since no import
     * can go on without the database; the application stopping ends the wait, and the next start marks the job.
     */
    private void interruptOnceTheDatabaseIsBack(long jobId) {
        log.warn("Import job {} lost the database; it will be marked as interrupted when the database is back", jobId);
        while (true) {
            try {
                jobs.finish(jobId, ImportStatus.INTERRUPTED, ImportMessage.of("import.job.database-lost"));
                return;
            } catch (RuntimeException stillAway) {
                try {
                    Thread.sleep(DATABASE_RETRY.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw stillAway;
                }
            }
        }
    }

    /**
     * Shows a job's progress as it happens, in this process ({@link #current}), and tells its listener: the lines read
     * so far, and the records written, of which those of the batch being written are not committed yet.
     */
    private final class Pace {

        private final long jobId;
        private final ImportProgressListener listener;

        Pace(long jobId, ImportProgressListener listener) {
            this.jobId = jobId;
            this.listener = listener;
        }

        /** The counters {@code done}, with the lines read up to {@code linesRead}. */
        void show(ImportCounters done, long linesRead) {
            ImportCounters shown = done.copy();
            shown.linesRead = Math.max(done.linesRead, linesRead);
            live.put(jobId, shown);
        }

        /** A batch of {@code entries} that starts after {@code bytesBefore} bytes of the file. */
        Batch batch(long bytesBefore, List<InterchangeFile.Entry> entries) {
            return (counters, done) -> {
                ImportCounters shown = counters.copy();
                // bytes are known per batch only: the share of them done goes with the share of its entries done
                shown.bytesRead = bytesBefore + (counters.bytesRead - bytesBefore) * done / Math.max(1, entries.size());
                live.put(jobId, shown);
                if (listener != ImportProgressListener.NONE) {
                    jobs.find(jobId).map(BulkImporter.this::current).ifPresent(listener::progressed);
                }
            };
        }

        /** Hears how many entries of a batch are written, with the counters as they now stand. */
        @FunctionalInterface
        interface Batch {

            Batch NONE = (counters, done) -> {};

            void written(ImportCounters counters, int done);
        }
    }

    /**
     * Whether the job has been asked to stop: told in this process ({@link #stop}), seen at once, or through the
     * database by another node, looked up at most once a second.
     */
    private final class Cancellation {

        private final long jobId;
        private long nextLook = System.nanoTime();

        Cancellation(long jobId) {
            this.jobId = jobId;
        }

        boolean requested() {
            if (stopping.contains(jobId)) {
                return true;
            }
            long now = System.nanoTime();
            if (now - nextLook < 0) {
                return false;
            }
            nextLook = now + LOOK_INTERVAL.toNanos();
            return jobs.isCancelRequested(jobId);
        }
    }

    /**
     * Commits the entries (in one transaction, or one by one when the batch fails); false when a cancel stopped it
     * between two of them. The counters say what is committed, and the job's last committed line is always the line
     * up to which everything is in, so that a resumed job neither skips nor repeats one.
     */
    private boolean commit(
            ImportJobView job,
            List<InterchangeFile.Entry> entries,
            ImportCounters counters,
            long lastLine,
            long bytesRead,
            Cancellation cancellation,
            Pace pace,
            DuplicateCheck duplicates) {
        ImportCounters next = counters.copy();
        next.linesRead = lastLine;
        next.bytesRead = bytesRead;
        try {
            long bytesBefore = counters.bytesRead;
            DuplicateCheck.Batch batch = duplicates.batch();
            transactions.executeWithoutResult(
                    status -> write(job, entries, next, pace.batch(bytesBefore, entries), batch));
            batch.commit();
        } catch (RuntimeException batchFailure) {
            if (outage.explains(batchFailure)) {
                throw batchFailure;
            }
            log.info(
                    "Import job {}: a batch failed ({}); saving its records one by one",
                    job.id(),
                    reason(batchFailure));
            entityManager.clear();
            pace.show(counters, lastLine);
            // one by one, the job's last committed line is each entry's in turn
            ImportCounters done = counters.copy();
            for (InterchangeFile.Entry entry : entries) {
                if (cancellation.requested()) {
                    done.copyInto(counters);
                    return false;
                }
                ImportCounters single = done.copy();
                single.linesRead = entry.lineNumber();
                try {
                    DuplicateCheck.Batch batch = duplicates.batch();
                    transactions.executeWithoutResult(
                            status -> write(job, List.of(entry), single, Pace.Batch.NONE, batch));
                    batch.commit();
                } catch (RuntimeException recordFailure) {
                    if (outage.explains(recordFailure)) {
                        throw recordFailure;
                    }
                    entityManager.clear();
                    done.copyInto(single); // write counted before it failed
                    single.linesRead = entry.lineNumber();
                    single.rejected++;
                    transactions.executeWithoutResult(status -> {
                        jobs.addErrors(
                                job.id(),
                                List.of(new ImportJobs.LineError(
                                        entry.lineNumber(),
                                        ImportMessage.of("import.rejected.database", reason(recordFailure)))));
                        jobs.updateCounters(job.id(), single);
                    });
                }
                single.copyInto(done);
                pace.show(done, lastLine);
            }
            done.linesRead = lastLine;
            done.bytesRead = bytesRead;
            transactions.executeWithoutResult(status -> jobs.updateCounters(job.id(), done));
            done.copyInto(counters);
            return true;
        }
        next.copyInto(counters);
        return true;
    }

    /**
     * Writes the entries' records, their rejections and the job's counters in the caller's transaction. The records go
     * to the record module a few at a time, so that the job's page can follow a long batch as it is written.
     */
    private void write(
            ImportJobView job,
            List<InterchangeFile.Entry> entries,
            ImportCounters counters,
            Pace.Batch pace,
            DuplicateCheck.Batch duplicates) {
        List<RecordDraft> drafts = new ArrayList<>();
        List<Long> draftLines = new ArrayList<>();
        List<ImportJobs.LineError> errors = new ArrayList<>();
        List<ThemeDraft> themeDrafts = new ArrayList<>();
        List<PersonDraft> personDrafts = new ArrayList<>();
        for (InterchangeFile.Entry entry : entries) {
            if (entry.theme() != null) {
                themeDrafts.add(entry.theme());
            } else if (entry.person() != null) {
                personDrafts.add(entry.person());
            } else if (entry.kind() != null) {
                // defined as it was read (KindEditor.define), before the records that name it
                continue;
            } else if (entry.draft() != null) {
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
        // an export writes the themes and people before the records that name them; the lines stand for themselves and
        // are counted neither as records imported nor skipped
        themes.importAll(themeDrafts);
        people.importAll(personDrafts);
        int done = entries.size() - drafts.size();
        pace.written(counters, done);
        for (int from = 0; from < drafts.size(); from += WRITE_CHUNK) {
            int to = Math.min(drafts.size(), from + WRITE_CHUNK);
            List<RecordEditor.Imported> results = editor.importAll(drafts.subList(from, to), job.createdBy());
            for (int i = 0; i < results.size(); i++) {
                RecordEditor.Imported result = results.get(i);
                switch (result.outcome()) {
                    case IMPORTED -> {
                        counters.imported++;
                        duplicates.add(
                                draftLines.get(from + i),
                                Objects.requireNonNull(result.recordId()),
                                drafts.get(from + i).title().strip(),
                                result.fingerprint());
                    }
                    case SKIPPED -> counters.skipped++;
                    case REJECTED -> {
                        counters.rejected++;
                        for (RecordViolation violation : result.violations()) {
                            errors.add(new ImportJobs.LineError(
                                    draftLines.get(from + i),
                                    ImportMessage.of(violation.messageKey(), violation.arguments())));
                        }
                    }
                }
            }
            done += results.size();
            pace.written(counters, done);
        }
        errors.addAll(duplicates.warnings());
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
