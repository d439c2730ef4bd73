package org.policyarchive.testing;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real corpus beside the project ({@code ../shared/corpus}: 1,004 US presidential speeches and 72 Chinese
 * government work reports in the interchange format), which the import and search tests read. A test that needs it
 * fails, saying where it looked, when it is missing: it never passes without having read it.
 */
public final class SharedCorpus {

    public static final String US_SPEECHES = "us-presidential-speeches.jsonl";
    public static final String CHINESE_REPORTS = "zh-government-work-reports.jsonl";

    private static final Path DIRECTORY = Path.of(System.getProperty("archive.test.corpus", "../shared/corpus"));

    private SharedCorpus() {}

    /** The corpus file {@code name}. */
    public static Path file(String name) {
        Path file = DIRECTORY.resolve(name);
        if (!Files.isRegularFile(file)) {
            fail("The test corpus file " + file.toAbsolutePath() + " is missing: check out the shared corpus beside the"
                    + " project, or point -Darchive.test.corpus at its directory.");
        }
        return file;
    }
}
