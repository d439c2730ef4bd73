package org.policyarchive.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.policyarchive.system.EmbeddedPostgresServer;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points every test context at a real PostgreSQL created for this test run: an embedded server in a temporary
 * directory by default, or a fresh database on the server named by {@code TEST_DATABASE_URL}, dropped when the run
 * ends. Each context gets its own data directory (for the search index), so contexts never share a lock.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /**
     * A test that reaches the run's database through something else (a proxy it can cut) names that URL in this
     * property; without it, a context reaches the run's database directly.
     */
    public static final String URL_THROUGH = "test.database.url-through";

    private static Database database;

    /** What the run wrote in temporary directories, deleted when it ends: data directories, indexes, browser profiles. */
    private static final List<Path> temporaryDirectories = new CopyOnWriteArrayList<>();

    /** Stops the embedded server or drops the database on the server, when the run ends. */
    private static volatile @Nullable Runnable dropDatabase;

    static {
        // Spring runs its shutdown handlers after it has closed the cached test contexts, which still read the
        // database as they close (Spring Modulith looks for incomplete event publications); a database gone before
        // them would make each of those reads wait for a connection until the pool gives up.
        SpringApplication.getShutdownHandlers().add(TestDatabase::cleanUp);
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Database db = database();
        Map<String, Object> properties = new HashMap<>();
        // a placeholder, resolved when the data source is made: by then a test's own properties are in place too
        properties.put("spring.datasource.url", "${" + URL_THROUGH + ":" + db.url() + "}");
        properties.put("spring.datasource.username", db.username());
        properties.put("spring.datasource.password", db.password());
        properties.put(
                "archive.data-dir", temporaryDirectory("policy-archive-test-").toString());
        // A run caches some thirty contexts, each with its pool. Hikari keeps a pool full (10 connections) by default,
        // which adds up to PostgreSQL's max_connections (100 on a default server, 300 embedded): the contexts started
        // last then failed to start. A cached context waiting for its next test class keeps one connection instead.
        properties.put("spring.datasource.hikari.minimum-idle", "1");
        properties.put("spring.datasource.hikari.idle-timeout", "10000");
        // The cached test contexts share one database: following it, each would index what the others write, and
        // race with the tests that write behind the index's back. The tests of several nodes turn it on.
        if (!context.getEnvironment().containsProperty("archive.search.follow-interval")) {
            properties.put("archive.search.follow-interval", "0");
        }
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testDatabase", properties));
        if (context instanceof GenericApplicationContext beans) {
            beans.registerBean(MockMvcSessions.class);
        }
    }

    /** The run's database, started or created on first use. */
    public static synchronized Database database() {
        if (database == null) {
            String serverUrl = System.getenv("TEST_DATABASE_URL");
            database = serverUrl == null || serverUrl.isBlank() ? startEmbedded() : createOnServer(serverUrl);
        }
        return database;
    }

    /** A new temporary directory, deleted with all it holds when the run ends. */
    public static Path temporaryDirectory(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            temporaryDirectories.add(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Database startEmbedded() {
        try {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(
                    temporaryDirectory("policy-archive-pg-").resolve("postgres"), 0);
            dropDatabase = () -> {
                try {
                    server.close();
                } catch (IOException e) {
                    System.err.println("Could not stop the embedded PostgreSQL: " + e);
                }
            };
            return new Database(server.jdbcUrl(), EmbeddedPostgresServer.USER, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** When the run ends: drops the database and deletes the temporary directories. */
    private static void cleanUp() {
        Runnable drop = dropDatabase;
        if (drop != null) {
            drop.run();
        }
        for (Path dir : temporaryDirectories) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(file -> file.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                // already gone, or still written to by a browser on its way out: the system's temporary cleaner has it
            }
        }
    }

    private static Database createOnServer(String serverUrl) {
        String username = System.getenv().getOrDefault("TEST_DATABASE_USERNAME", "postgres");
        String password = System.getenv().getOrDefault("TEST_DATABASE_PASSWORD", "");
        String name = "policy_archive_test_" + UUID.randomUUID().toString().replace("-", "");
        execute(serverUrl, username, password, "create database " + name);
        dropDatabase =
                () -> execute(serverUrl, username, password, "drop database if exists " + name + " with (force)");
        int slash = serverUrl.indexOf('/', "jdbc:postgresql://".length());
        int query = serverUrl.indexOf('?');
        String url = serverUrl.substring(0, slash + 1) + name + (query < 0 ? "" : serverUrl.substring(query));
        return new Database(url, username, password);
    }

    private static void execute(String url, String username, String password, String sql) {
        try (Connection connection = DriverManager.getConnection(url, username, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run '" + sql + "' on " + url, e);
        }
    }

    /** How to reach the run's database. */
    public record Database(String url, String username, String password) {}
}
