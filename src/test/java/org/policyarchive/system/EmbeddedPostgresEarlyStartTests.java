package org.policyarchive.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

class EmbeddedPostgresEarlyStartTests {

    @TempDir
    Path dataDir;

    @Test
    void startsTheServerAsTheContextIsCreatedForTheDataSourceToTake() throws Exception {
        GenericApplicationContext context = contextWith(Map.of("archive.data-dir", dataDir.toString()));
        new EmbeddedPostgresEarlyStart().onApplicationEvent(initialized(context));
        context.refresh();

        EmbeddedPostgresEarlyStart.Starting starting = context.getBean(EmbeddedPostgresEarlyStart.Starting.class);
        try (EmbeddedPostgresServer server = starting.take()) {
            EmbeddedPostgresServerTests.execute(server, "select 1");
            assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();
            context.close(); // the server was taken: its taker stops it, not the context
            EmbeddedPostgresServerTests.execute(server, "select 1");
        }
    }

    @Test
    void stopsAServerNobodyTookWhenTheContextGoes() throws Exception {
        GenericApplicationContext context = contextWith(Map.of("archive.data-dir", dataDir.toString()));
        new EmbeddedPostgresEarlyStart().onApplicationEvent(initialized(context));
        context.refresh();
        EmbeddedPostgresEarlyStart.Starting starting = context.getBean(EmbeddedPostgresEarlyStart.Starting.class);
        String url = starting.server().join().jdbcUrl();

        context.close();

        assertThatThrownBy(() -> DriverManager.getConnection(url, EmbeddedPostgresServer.USER, "")
                        .close())
                .isInstanceOf(SQLException.class);
    }

    @Test
    void startsNothingWhenTheArchiveUsesAnotherDatabase() {
        GenericApplicationContext context = contextWith(Map.of(
                "archive.data-dir",
                dataDir.toString(),
                "spring.datasource.url",
                "jdbc:postgresql://127.0.0.1:5432/elsewhere"));
        new EmbeddedPostgresEarlyStart().onApplicationEvent(initialized(context));

        assertThat(context.getBeanFactory().containsBean(EmbeddedPostgresEarlyStart.Starting.BEAN_NAME))
                .isFalse();
        assertThat(dataDir.resolve("postgres")).doesNotExist();
    }

    private static GenericApplicationContext contextWith(Map<String, Object> properties) {
        GenericApplicationContext context = new GenericApplicationContext();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", properties));
        return context;
    }

    private static ApplicationContextInitializedEvent initialized(GenericApplicationContext context) {
        return new ApplicationContextInitializedEvent(new SpringApplication(), new String[0], context);
    }
}
