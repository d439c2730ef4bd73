package org.policyarchive.ingest;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/** A command-line import needs no web server: it starts without one, so it can run beside a running archive. */
class ImportCommandEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String file = environment.getProperty(ImportCommand.PROPERTY);
        if (file != null && !file.isBlank()) {
            environment
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "archiveImportCommand", Map.of("spring.main.web-application-type", "none")));
        }
    }
}
