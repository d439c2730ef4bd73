package org.policyarchive.system;

import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What a link to a person or a theme needs: its slug and its name. */
public record Label(String slug, String name) {

    /** The labels that a statement selecting {@code id, slug, name} finds, by id: no entities for a long list. */
    public static Map<Long, Label> read(JdbcClient.StatementSpec statement) {
        Map<Long, Label> labels = new HashMap<>();
        statement.query(rs -> {
            labels.put(rs.getLong("id"), new Label(rs.getString("slug"), rs.getString("name")));
        });
        return labels;
    }
}
