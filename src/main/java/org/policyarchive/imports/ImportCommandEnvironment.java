package org.policyarchive.imports;

import java.util.Map;
import java.util.UUID;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A command-line import must not take the archive's port: its web server (the security configuration needs a web
 * application) listens on a free random port instead, so the import can run beside a running archive. Nor must it
 * take the archive's node id, kept in the same data directory: at start a node marks its own unfinished imports as
 * interrupted, and those of the archive beside it are alive. It runs as a node of its own, for its one job.
 */
class ImportCommandEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (ImportCommand.isRequested(environment)) {
            environment
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "archiveImportCommand",
                            Map.of(
                                    "server.port",
                                    "0",
                                    "archive.node-id",
                                    UUID.randomUUID().toString())));
        }
    }
}
