package org.policyarchive.imports;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A command-line import must not take the archive's port: its web server (the security configuration needs a web
 * application) listens on a free random port instead, so the import can run beside a running archive.
 */
class ImportCommandEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String file = environment.getProperty(ImportCommand.PROPERTY);
        if (file != null && !file.isBlank()) {
            environment
                    .getPropertySources()
                    .addFirst(new MapPropertySource("archiveImportCommand", Map.of("server.port", "0")));
        }
    }
}
