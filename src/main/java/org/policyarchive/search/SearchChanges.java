package org.policyarchive.search;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.policyarchive.system.ArchiveProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The changes that PostgreSQL's triggers note for the search indexes of every node (table {@code search_change}, V38):
 * a record deleted, a person or a theme added, renamed, moved or deleted. What a record's own {@code updated_at}
 * shows is not noted here. They are kept for {@code archive.search.changes-kept} (30 days): a node whose index is older
 * than that rebuilds it at start, as the changes it would need are gone.
 */
@Component
class SearchChanges {

    /**
     * One noted change: {@code entity} is {@code record}, {@code person} or {@code theme}; {@code added} when a person
     * or a theme was added, which changes no record already indexed.
     */
    record Change(long id, String entity, long entityId, boolean added, Instant changedAt) {}

    private static final Logger log = LoggerFactory.getLogger(SearchChanges.class);

    private final JdbcClient jdbc;
    private final Duration kept;

    SearchChanges(JdbcClient jdbc, ArchiveProperties archive) {
        this.jdbc = jdbc;
        this.kept = archive.search().changesKept();
    }

    /** The oldest time from which every change is still noted. */
    Instant keptSince(Instant now) {
        return now.minus(kept);
    }

    /** Forgets the changes older than they are kept, every hour on every node (a delete that finds none is cheap). */
    @Scheduled(initialDelay = 1, fixedDelay = 1, timeUnit = TimeUnit.HOURS)
    int forgetOld() {
        int forgotten = jdbc.sql("delete from search_change where changed_at < ?")
                .param(Timestamp.from(keptSince(now())))
                .update();
        if (forgotten > 0) {
            log.info("Forgot {} search index changes older than {}", forgotten, kept);
        }
        return forgotten;
    }

    /**
     * The database's clock, which stamps the changes: a node reads from its own last pass by this clock, not by its
     * own.
     */
    Instant now() {
        return jdbc.sql("select clock_timestamp()")
                .query(Timestamp.class)
                .single()
                .toInstant();
    }

    /** The changes noted at or after {@code since}, in the order they were noted. */
    List<Change> since(Instant since) {
        return jdbc.sql("select id, entity, entity_id, added, changed_at from search_change where changed_at >= ?"
                        + " order by id")
                .param(Timestamp.from(since))
                .query((rs, row) -> new Change(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getBoolean(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }
}
