package org.policyarchive.search;

import static org.policyarchive.search.RecordFields.PERSON;
import static org.policyarchive.search.RecordFields.THEME;

import java.util.List;
import org.policyarchive.person.PeopleMerged;
import org.policyarchive.person.PersonChanged;
import org.policyarchive.theme.ThemeChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Reindexes the records of a person or a theme whose names changed (a rename, a new alias, a merge) or, for a theme,
 * whose broader theme changed, so that search finds them by the new names and counts them under the right themes.
 * Records are indexed with their people's and themes' names, but a person or a theme does not know its records, so
 * Hibernate Search cannot follow the change itself; the records are the ones the index holds under the person's or
 * theme's id. Runs after the change commits, in the background; a crash before it has run leaves the event in the
 * publication registry, to be run again at the next start.
 */
@Component
class NameChangeIndexing {

    private static final Logger log = LoggerFactory.getLogger(NameChangeIndexing.class);

    private final SearchIndexMaintenance maintenance;

    NameChangeIndexing(SearchIndexMaintenance maintenance) {
        this.maintenance = maintenance;
    }

    @ApplicationModuleListener
    void on(PersonChanged changed) {
        if (changed.renamed()) {
            reindex(PERSON, changed.personId());
        }
    }

    @ApplicationModuleListener
    void on(PeopleMerged merged) {
        reindex(PERSON, merged.keptId());
    }

    @ApplicationModuleListener
    void on(ThemeChanged changed) {
        if (changed.renamed() || changed.moved()) {
            reindex(THEME, changed.themeId());
        }
    }

    private void reindex(String field, long id) {
        List<Long> records = maintenance.recordsIndexedUnder(field, String.valueOf(id));
        maintenance.reindex(records);
        log.debug("Reindexed {} records after a change to {} {}", records.size(), field, id);
    }
}
