package org.policyarchive.search;

import org.policyarchive.system.ArchiveProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start-up: either rebuilds the index from PostgreSQL ({@code --archive.reindex}, then goes on serving, or
 * {@code --archive.reindex=exit}, then stops), or catches up with what a crash or other nodes' work may have left
 * out; then follows other nodes' changes ({@link SearchIndexFollower}).
 */
@Component
class SearchIndexStartup {

    private final SearchIndexMaintenance maintenance;
    private final SearchIndexFollower follower;
    private final ArchiveProperties archive;

    SearchIndexStartup(SearchIndexMaintenance maintenance, SearchIndexFollower follower, ArchiveProperties archive) {
        this.maintenance = maintenance;
        this.follower = follower;
        this.archive = archive;
    }

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        if (!archive.reindexAtStart()) {
            maintenance.catchUp();
            follower.start();
            return;
        }
        ReindexProgress result = maintenance.rebuildNow();
        if (archive.exitAfterReindex()) {
            ConfigurableApplicationContext context = event.getApplicationContext();
            int code = SpringApplication.exit(context, () -> result.state() == ReindexProgress.State.DONE ? 0 : 1);
            System.exit(code);
        }
        follower.start();
    }
}
