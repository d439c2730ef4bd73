package org.policyarchive.record;

import org.policyarchive.person.PeopleMerged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Moves the parts a merged person had in records to the kept person, inside the merge's transaction: the merged
 * person is deleted right after, and a participation must not point at it then.
 */
@Component
class PeopleMergedListener {

    private final RecordEditor editor;

    PeopleMergedListener(RecordEditor editor) {
        this.editor = editor;
    }

    @EventListener
    void on(PeopleMerged merged) {
        editor.moveParticipations(merged);
    }
}
