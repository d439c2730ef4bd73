package org.policyarchive.audit;

import org.policyarchive.person.PeopleMerged;
import org.policyarchive.person.PersonChanged;
import org.policyarchive.record.KindChanged;
import org.policyarchive.record.RecordChanged;
import org.policyarchive.record.RecordCreated;
import org.policyarchive.record.RecordDeleted;
import org.policyarchive.record.RecordStatusChanged;
import org.policyarchive.theme.ThemeChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes the audit entries of editors' changes to records, people and themes, from the events those modules publish.
 * It listens inside the change's transaction, so a change that is rolled back leaves no entry claiming it happened.
 * A bulk import's records are audited by the import, once for the job.
 */
@Component
class EditsAuditor {

    private final AuditLog audit;

    EditsAuditor(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void on(RecordCreated created) {
        audit.record(AuditAction.RECORD_CREATED, "record", created.slug(), created.title());
    }

    @EventListener
    void on(RecordChanged changed) {
        AuditAction action = changed.cause() == RecordChanged.Cause.RESTORED
                ? AuditAction.RECORD_RESTORED
                : AuditAction.RECORD_UPDATED;
        audit.record(action, "record", changed.slug(), changed.changes());
    }

    @EventListener
    void on(RecordStatusChanged changed) {
        AuditAction action = changed.withdrawn()
                ? AuditAction.RECORD_WITHDRAWN
                : changed.reinstated() ? AuditAction.RECORD_REINSTATED : AuditAction.valueOf("RECORD_" + changed.to());
        audit.record(action, "record", changed.slug(), changed.from() + " -> " + changed.to());
    }

    @EventListener
    void on(RecordDeleted deleted) {
        audit.record(AuditAction.RECORD_DELETED, "record", deleted.slug(), deleted.title());
    }

    @EventListener
    void on(PersonChanged changed) {
        audit.record(AuditAction.PERSON_UPDATED, "person", changed.slug(), changed.name());
    }

    @EventListener
    void on(PeopleMerged merged) {
        audit.record(
                AuditAction.PERSON_MERGED,
                "person",
                merged.keptSlug(),
                "merged " + merged.mergedSlug() + " (" + merged.mergedName() + ")");
    }

    @EventListener
    void on(ThemeChanged changed) {
        audit.record(
                changed.created() ? AuditAction.THEME_CREATED : AuditAction.THEME_UPDATED,
                "theme",
                changed.slug(),
                changed.name());
    }

    @EventListener
    void on(KindChanged changed) {
        audit.recordAs(
                changed.by() != null ? changed.by() : AuditLog.currentUsername(),
                changed.created() ? AuditAction.KIND_CREATED : AuditAction.KIND_UPDATED,
                "kind",
                changed.code(),
                changed.englishName());
    }
}
