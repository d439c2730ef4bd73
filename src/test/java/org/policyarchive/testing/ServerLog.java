package org.policyarchive.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.springframework.boot.test.system.CapturedOutput;

/**
 * What the archive logged while a test ran, from Spring Boot's captured output: a bad request from a client is
 * answered with a 4xx and at most a line at WARN, never logged as an error with a stack trace.
 */
public final class ServerLog {

    private static final Pattern ERROR_LINE = Pattern.compile("^\\S+\\s+ERROR\\s");

    private final CapturedOutput output;
    private final int start;

    private ServerLog(CapturedOutput output) {
        this.output = output;
        this.start = output.getAll().length();
    }

    /** What is logged from now on. */
    public static ServerLog from(CapturedOutput output) {
        return new ServerLog(output);
    }

    /** Asserts that nothing was logged at ERROR, and no stack trace, since {@link #from}. */
    public void assertNoErrorsOrStackTraces() {
        String logged = output.getAll().substring(start);
        assertThat(logged.lines().filter(line -> ERROR_LINE.matcher(line).find()))
                .as("lines logged at ERROR")
                .isEmpty();
        assertThat(logged).as("stack traces in the log").doesNotContain("\tat ");
    }
}
