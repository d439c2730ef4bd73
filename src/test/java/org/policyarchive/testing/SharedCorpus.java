package org.policyarchive.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The real corpus beside the project ({@code ../shared/corpus}: 1,004 US presidential speeches and 72 Chinese
 * government work reports in the interchange format), which the import and search tests read. A test that needs it
 * fails, saying where it looked, when it is missing: it never passes without having read it.
 */
public final class SharedCorpus {

    public static final String US_SPEECHES = "us-presidential-speeches.jsonl";
    public static final String CHINESE_REPORTS = "zh-government-work-reports.jsonl";

    /** A kind the archive does not know, which {@link #congressReports()} gives three lines. */
    public static final String CONGRESS_REPORT = "party congress report";

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

    /**
     * Four lines of the Chinese government work reports: the first as it is, the others as the reports of a Party
     * congress would come, with the kind {@value #CONGRESS_REPORT}, which the archive does not know.
     */
    public static String congressReports() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        List<String> lines = Files.readAllLines(file(CHINESE_REPORTS)).stream()
                .filter(line -> !line.isBlank())
                .limit(4)
                .toList();
        StringBuilder reports = new StringBuilder(lines.get(0)).append('\n');
        for (String line : lines.subList(1, 4)) {
            ObjectNode record = (ObjectNode) json.readTree(line);
            record.put("kind", CONGRESS_REPORT);
            reports.append(json.writeValueAsString(record)).append('\n');
        }
        return reports.toString();
    }
}
