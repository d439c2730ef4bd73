package org.policyarchive.imports;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.policyarchive.audit.AuditAction;
import org.policyarchive.audit.AuditLog;
import org.policyarchive.system.ArchiveProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * At start, closes the imports that a stopped process left queued or running, which would otherwise show as running
 * forever, and deletes the files in the imports folder that no unfinished job needs. This node's own unfinished jobs
 * are all marked (its new process runs none yet); another node's only when it has sent no heartbeat (one per committed
 * batch) for {@code archive.imports.stale-after}, since several nodes may share the database. Records committed
 * before stay, and an interrupted job can be resumed after its last committed line. It runs when the beans are ready,
 * before the web server takes requests, so that it never sees a job this process has started.
 */
@Component
class InterruptedImports implements SmartInitializingSingleton {

    static final ImportMessage MESSAGE = ImportMessage.of("import.job.interrupted");

    private static final Logger log = LoggerFactory.getLogger(InterruptedImports.class);

    private final ImportJobs jobs;
    private final ImportJobService imports;
    private final AuditLog audit;
    private final Duration staleAfter;
    private final boolean commandLine;

    InterruptedImports(
            ImportJobs jobs, ImportJobService imports, AuditLog audit, ArchiveProperties archive, Environment env) {
        this.jobs = jobs;
        this.imports = imports;
        this.audit = audit;
        this.staleAfter = archive.imports().staleAfter();
        this.commandLine = ImportCommand.isRequested(env);
    }

    @Override
    public void afterSingletonsInstantiated() {
        recover();
    }

    /**
     * Marks the abandoned jobs as interrupted and returns their ids. A command-line import leaves the imports folder
     * alone: the archive it runs beside may be receiving a file into it.
     */
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
        if (!commandLine) {
            for (Path file : imports.deleteOrphanedFiles()) {
                log.info("Deleted {}: no unfinished import needs it", file);
            }
        }
        return interrupted;
    }
}
