package org.policyarchive.search;

import org.springframework.beans.factory.annotation.Value;
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
    private final String reindex;

    SearchIndexStartup(SearchIndexMaintenance maintenance, @Value("${archive.reindex:false}") String reindex) {
        this.maintenance = maintenance;
        this.reindex = reindex.strip();
    }

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        if (reindex.equalsIgnoreCase("false")) {
            maintenance.catchUp();
            return;
        }
        ReindexProgress result = maintenance.rebuildNow();
        if (reindex.equalsIgnoreCase("exit")) {
            ConfigurableApplicationContext context = event.getApplicationContext();
            int code = SpringApplication.exit(context, () -> result.state() == ReindexProgress.State.DONE ? 0 : 1);
            System.exit(code);
        }
    }
}
