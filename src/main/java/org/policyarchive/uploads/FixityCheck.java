package org.policyarchive.uploads;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.policyarchive.audit.AuditAction;
import org.policyarchive.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Recomputes the SHA-256 of every stored original and reports the files whose bytes no longer match the checksum
 * taken at upload. Runs on demand (the admin page) and on a schedule ({@link FixitySchedule}); a mismatch is logged as
 * an error as well as shown.
 */
@Service
class FixityCheck {

    /** Who runs the scheduled checks, as reports name it. */
    static final String SCHEDULE = "schedule";

    private static final Logger log = LoggerFactory.getLogger(FixityCheck.class);

    private final OriginalFiles files;
    private final AuditLog audit;
    private final AtomicReference<@Nullable FixityReport> last = new AtomicReference<>();

    FixityCheck(OriginalFiles files, AuditLog audit) {
        this.files = files;
        this.audit = audit;
    }

    FixityReport run(String by) {
        Instant started = Instant.now();
        List<OriginalFiles.Checksums> checksums = files.recomputeChecksums();
        List<OriginalFiles.Checksums> mismatches =
                checksums.stream().filter(c -> !c.matches()).toList();
        FixityReport report = new FixityReport(started, Instant.now(), by, checksums.size(), mismatches);
        mismatches.forEach(m -> log.error(
                "Fixity check: original file {} ({}) has SHA-256 {} but {} was stored at upload",
                m.id(),
                m.fileName(),
                m.recomputed(),
                m.stored()));
        log.info("Fixity check by {}: {} files checked, {} mismatches", by, checksums.size(), mismatches.size());
        audit.recordAs(
                SCHEDULE.equals(by) ? null : by,
                AuditAction.FIXITY_CHECKED,
                "original_file",
                null,
                checksums.size() + " files checked, " + mismatches.size() + " mismatches"
                        + (mismatches.isEmpty()
                                ? ""
                                : ": "
                                        + mismatches.stream()
                                                .map(m -> m.id() + " " + m.fileName())
                                                .toList()));
        last.set(report);
        return report;
    }

    @Nullable
    FixityReport lastReport() {
        return last.get();
    }

    /** The outcome of one run. */
    public record FixityReport(
            Instant startedAt, Instant finishedAt, String by, int checked, List<OriginalFiles.Checksums> mismatches) {}
}
