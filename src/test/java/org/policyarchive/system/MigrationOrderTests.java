package org.policyarchive.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Flyway migrations take one ascending sequence: each new migration is numbered one above the highest there is.
 * Flyway refuses to start on a database whose applied migrations include a higher number than a pending one (the
 * archive does not allow out-of-order migrations), so a migration numbered into a gap would stop every archive that
 * already has the higher ones. The numbers taken before the rule, with gaps, stay as archives applied them.
 */
class MigrationOrderTests {

    /** Applied by archives before migrations took one sequence; never to be renumbered or filled in between. */
    static final List<Integer> BEFORE_ONE_SEQUENCE = List.of(1, 2, 10, 11, 15, 16, 30, 31, 32);

    private static final Pattern VERSION = Pattern.compile("V(\\d+)__\\w+\\.(sql|java)");

    @Test
    void everyMigrationAfterThoseBeforeTheRuleIsOneAboveTheLast() throws IOException {
        List<Integer> versions = versions();
        assertThat(versions).containsAll(BEFORE_ONE_SEQUENCE);
        int highest = versions.get(versions.size() - 1);
        int expected = BEFORE_ONE_SEQUENCE.get(BEFORE_ONE_SEQUENCE.size() - 1) + 1;
        for (int version : versions) {
            if (BEFORE_ONE_SEQUENCE.contains(version)) {
                continue;
            }
            assertThat(version)
                    .as(
                            "V%d breaks the one ascending sequence (V%d was due here): number a new migration one above"
                                    + " the highest, V%d; a number below one that archives may have applied makes Flyway"
                                    + " refuse to start them",
                            version, expected, highest + 1)
                    .isEqualTo(expected);
            expected++;
        }
    }

    /** The versions of the SQL migrations and of the Java ones ({@code db.migration}), in ascending order. */
    private static List<Integer> versions() throws IOException {
        List<Integer> versions = new ArrayList<>();
        for (Path folder : List.of(Path.of("src/main/resources/db/migration"), Path.of("src/main/java/db/migration"))) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                files.map(file -> file.getFileName().toString()).forEach(name -> {
                    Matcher matcher = VERSION.matcher(name);
                    assertThat(matcher.matches())
                            .as("%s is named V<number>__<description>.sql or .java", name)
                            .isTrue();
                    versions.add(Integer.parseInt(matcher.group(1)));
                });
            }
        }
        assertThat(versions).doesNotHaveDuplicates();
        return versions.stream().sorted().toList();
    }
}
