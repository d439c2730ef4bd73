package org.policyarchive.system;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.Test;
import org.policyarchive.testing.CleanArchive;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Asking a logger whether it is enabled stays cheap: no turbo filter runs on each such check, which a rendered page
 * makes many times (see application.properties on Micrometer's Logback metrics).
 */
@SpringBootTest
@CleanArchive
class LoggingIntegrationTests {

    @Test
    void noTurboFilterRunsOnEveryLevelCheck() {
        LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
        assertThat(logback.getTurboFilterList()).isEmpty();
    }
}
