package org.policyarchive.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policyarchive.testing.TestDatabase;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V43 on an archive with records: each keeps its kind, now an entry of the {@code kind} table that it refers to, and
 * a value written by hand that no kind had becomes a kind rather than stopping the migration.
 */
class KindsMigrationIntegrationTests {

    private final TestDatabase.Database server = TestDatabase.database();
    private final String name =
            "kinds_migration_" + UUID.randomUUID().toString().replace("-", "");
    private String url;

    @BeforeEach
    void createDatabase() throws SQLException {
        execute(server.url(), "create database " + name);
        int slash = server.url().indexOf('/', "jdbc:postgresql://".length());
        int query = server.url().indexOf('?');
        url = server.url().substring(0, slash + 1)
                + name
                + (query < 0 ? "" : server.url().substring(query));
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        execute(server.url(), "drop database if exists " + name + " with (force)");
    }

    @Test
    void recordsKeepTheirKindsWhichTheKindTableNowHolds() {
        migrate("42");
        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(url, server.username(), server.password()));
        for (String kind : new String[] {"NPC_RESOLUTION", "FIRESIDE_CHAT", "HAND_WRITTEN_KIND"}) {
            jdbc.sql("insert into record (slug, title, kind, language, body, status)"
                            + " select ?, title, ?, language, body, status from record"
                            + " where kind = 'STUDY_SESSION'")
                    .params("copy-" + kind.toLowerCase().replace('_', '-'), kind)
                    .update();
        }

        migrate(null);

        assertThat(jdbc.sql("select slug || ' ' || kind from record order by slug")
                        .query(String.class)
                        .list())
                .containsExactly(
                        "copy-fireside-chat FIRESIDE_CHAT",
                        "copy-hand-written-kind HAND_WRITTEN_KIND",
                        "copy-npc-resolution NPC_RESOLUTION",
                        "state-council-study-session-digital-economy-2023-08-21 STUDY_SESSION");
        assertThat(jdbc.sql("select count(*) from kind").query(Long.class).single())
                .isEqualTo(23);
        assertThat(jdbc.sql("select label || ' / ' || name_en || ' / ' || name_zh || ' / ' || cited_as from kind"
                                + " where id = 'STUDY_SESSION'")
                        .query(String.class)
                        .single())
                .isEqualTo("study session / Study session / 专题学习 / SPEECH");
        assertThat(jdbc.sql("select label || ' / ' || name_en from kind where id = 'HAND_WRITTEN_KIND'")
                        .query(String.class)
                        .single())
                .isEqualTo("hand written kind / Hand Written Kind");
        assertThatThrownBy(() ->
                        jdbc.sql("update record set kind = 'NO_SUCH_KIND'").update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private void migrate(String target) {
        var configuration = Flyway.configure()
                .dataSource(url, server.username(), server.password())
                .locations("classpath:db/migration");
        if (target != null) {
            configuration.target(target);
        }
        configuration.load().migrate();
    }

    private void execute(String database, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database, server.username(), server.password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
