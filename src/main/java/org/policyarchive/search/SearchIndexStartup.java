package org.policyarchive.search;

import org.policyarchive.system.ArchiveProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start-up: either rebuilds the index from PostgreSQL ({@code --archive.reindex}, then goes on serving, or
 * {@code --archive.reindex=exit}, then stops), or catches up with what a crash may have left out.
 */
@Component
class SearchIndexStartup {

    private final SearchIndexMaintenance maintenance;
    private final ArchiveProperties archive;

    SearchIndexStartup(SearchIndexMaintenance maintenance, ArchiveProperties archive) {
        this.maintenance = maintenance;
        this.archive = archive;
    }

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        if (!archive.reindexAtStart()) {
            maintenance.catchUp();
            return;
        }
        ReindexProgress result = maintenance.rebuildNow();
        if (archive.exitAfterReindex()) {
            ConfigurableApplicationContext context = event.getApplicationContext();
            int code = SpringApplication.exit(context, () -> result.state() == ReindexProgress.State.DONE ? 0 : 1);
            System.exit(code);
        }
    }
}
