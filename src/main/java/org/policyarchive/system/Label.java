package org.policyarchive.system;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What a link to a person or a theme needs: its slug and its name. */
public record Label(String slug, String name) {

    /**
     * The labels of the rows of {@code table} (a table with id, slug and name; never user input) that have these ids,
     * by id: one statement and no entities, for a page that names many of them (the search page's facets).
     */
    public static Map<Long, Label> byId(JdbcClient jdbc, String table, Collection<Long> ids) {
        Map<Long, Label> labels = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select id, slug, name from " + table + " where id in (:ids)")
                    .param("ids", ids)
                    .query(rs -> {
                        labels.put(rs.getLong("id"), new Label(rs.getString("slug"), rs.getString("name")));
                    });
        }
        return labels;
    }
}
