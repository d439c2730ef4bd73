package org.policyarchive.imports;

import java.time.Duration;
import java.util.List;
import org.policyarchive.audit.AuditAction;
import org.policyarchive.audit.AuditLog;
import org.policyarchive.system.ArchiveProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At start-up, closes the imports that a dead process left queued or running, which would otherwise show as
 * running forever. Several nodes may share the database, so only jobs whose node has not sent a heartbeat (one
 * per committed batch) for {@code archive.imports.stale-after} are marked; a live node's jobs are left alone.
 * Records committed in earlier batches stay; re-importing the file skips them.
 */
@Component
class InterruptedImports implements ApplicationRunner {

    static final ImportMessage MESSAGE = ImportMessage.of("import.job.interrupted");

    private static final Logger log = LoggerFactory.getLogger(InterruptedImports.class);

    private final ImportJobs jobs;
    private final AuditLog audit;
    private final Duration staleAfter;

    InterruptedImports(ImportJobs jobs, AuditLog audit, ArchiveProperties archive) {
        this.jobs = jobs;
        this.audit = audit;
        this.staleAfter = archive.imports().staleAfter();
    }

    @Override
    public void run(ApplicationArguments args) {
        recover();
    }

    /** Marks the abandoned jobs as interrupted and returns their ids. */
    List<Long> recover() {
        List<Long> interrupted = jobs.interruptAbandoned(staleAfter, MESSAGE);
        for (Long id : interrupted) {
            log.warn("Import job {} was left unfinished by a stopped process; marked as interrupted", id);
            audit.recordAs(
                    "system",
                    AuditAction.IMPORT_INTERRUPTED,
                    "import",
                    String.valueOf(id),
                    "the application stopped while this import was waiting or running");
        }
        return interrupted;
    }
}
