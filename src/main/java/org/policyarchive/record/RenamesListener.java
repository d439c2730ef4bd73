package org.policyarchive.record;

import org.policyarchive.person.PersonChanged;
import org.policyarchive.theme.ThemeChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Moves the {@code updated_at} of the records that show a renamed person or theme, inside the rename's transaction:
 * harvesters (OAI-PMH) and feed readers ask for what changed since a time, and a record whose people or themes read
 * differently has changed for them.
 */
@Component
class RenamesListener {

    private final RecordEditor editor;

    RenamesListener(RecordEditor editor) {
        this.editor = editor;
    }

    @EventListener
    void on(PersonChanged changed) {
        if (changed.renamed()) {
            editor.touchRecordsNaming(changed.personId());
        }
    }

    @EventListener
    void on(ThemeChanged changed) {
        if (changed.renamed() && !changed.created()) {
            editor.touchRecordsAbout(changed.themeId());
        }
    }
}
