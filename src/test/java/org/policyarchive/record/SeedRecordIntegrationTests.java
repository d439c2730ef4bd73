package org.policyarchive.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.policyarchive.testing.CleanArchive;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;

@SpringBootTest
@CleanArchive
class SeedRecordIntegrationTests {

    static final String SEED_SLUG = "state-council-study-session-digital-economy-2023-08-21";

    @Autowired
    RecordCatalog catalog;

    @Test
    void seedsTheStudySessionVerbatim() throws IOException {
        String seed = new ClassPathResource("seed/state-council-study-session-2023-08-21.txt")
                .getContentAsString(StandardCharsets.UTF_8);
        List<String> lines = Arrays.asList(seed.split("\n\n"));

        Record record = catalog.findBySlug(SEED_SLUG).orElseThrow();

        assertThat(record.getTitle()).isEqualTo(lines.get(0));
        assertThat(record.getParagraphs()).containsExactlyElementsOf(lines.subList(1, lines.size()));
        assertThat(record.getBody()).contains("“Accelerating", "China’s", "Beijing, China – On");
    }

    @Test
    void testCopyOfTheSeedMatchesTheSharedOriginal() throws IOException {
        Path shared = Path.of("../shared/seed/state-council-study-session-2023-08-21.txt");
        if (Files.exists(shared)) {
            assertThat(new ClassPathResource("seed/state-council-study-session-2023-08-21.txt").getContentAsByteArray())
                    .isEqualTo(Files.readAllBytes(shared));
        }
    }
}
