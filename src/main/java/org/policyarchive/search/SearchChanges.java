package org.policyarchive.search;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The changes that PostgreSQL's triggers note for the search indexes of every node (table {@code search_change}, V38):
 * a record deleted, a person or a theme added, renamed, moved or deleted. What a record's own {@code updated_at}
 * shows is not noted here.
 */
@Component
class SearchChanges {

    /** One noted change: {@code entity} is {@code record}, {@code person} or {@code theme}. */
    record Change(long id, String entity, long entityId, Instant changedAt) {}

    private final JdbcClient jdbc;

    SearchChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
        return jdbc.sql("select id, entity, entity_id, changed_at from search_change where changed_at >= ? order by id")
                .param(Timestamp.from(since))
                .query((rs, row) -> new Change(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }
}
