package org.policyarchive.export;

import java.util.Map;
import java.util.UUID;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A command-line export runs beside a running archive, as a command-line import does: its web server listens on a free
 * random port, and it runs as a node of its own rather than under the archive's node id.
 */
class ExportCommandEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (ExportCommand.isRequested(environment)) {
            environment
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "archiveExportCommand",
                            Map.of(
                                    "server.port",
                                    "0",
                                    "archive.node-id",
                                    UUID.randomUUID().toString())));
        }
    }
}
