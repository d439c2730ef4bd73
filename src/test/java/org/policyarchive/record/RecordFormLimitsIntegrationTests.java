package org.policyarchive.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyarchive.record.RecordFormIntegrationTests.newRecord;
import static org.policyarchive.record.RecordFormIntegrationTests.valid;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.Pages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What one post of the record form may create besides the record: a few new themes, and only people and themes that
 * it names. A form over the limits comes back with what was typed and says why, and nothing is saved.
 */
@SpringBootTest
@AutoConfigureMockMvc
@CleanArchive
class RecordFormLimitsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aThousandNewThemesInOneSaveAreRefusedAndNothingIsSaved() throws Exception {
        long themes = count("theme");
        long records = count("record");
        String names = IntStream.rangeClosed(1, 1_000)
                .mapToObj(n -> "Pasted theme " + n)
                .collect(Collectors.joining("\n"));

        Document page = Pages.load(mvc, valid(newRecord(), "Many themes", "newThemes", names), 200);

        assertThat(page.select("#newThemes-error").text())
                .isEqualTo("Type at most 20 new themes at a time (there are 1,000 here); pick the themes the archive"
                        + " has from the list above.");
        assertThat(page.select("#newThemes").text()).startsWith("Pasted theme 1\nPasted theme 2\n");
        assertThat(count("theme")).isEqualTo(themes);
        assertThat(count("record")).isEqualTo(records);
    }

    /** Twenty names, however often each is typed, are twenty themes. */
    @Test
    void twentyNewThemesAreSaved() throws Exception {
        long themes = count("theme");
        String names = IntStream.rangeClosed(1, 20)
                .mapToObj(n -> "Typed theme " + n + ", typed THEME " + n)
                .collect(Collectors.joining("\n"));

        mvc.perform(valid(newRecord(), "Twenty themes", "newThemes", names))
                .andExpect(
                        result -> assertThat(result.getResponse().getStatus()).isEqualTo(302));

        assertThat(count("theme")).isEqualTo(themes + 20);
    }

    /** A form offers the themes there are: an id of none would create a theme without a name. */
    @Test
    void aThemeThatDoesNotExistIsRefused() throws Exception {
        long themes = count("theme");

        Document page = Pages.load(mvc, valid(newRecord(), "Unknown theme").param("themeIds", "999999999"), 200);

        assertThat(page.select(".error-summary").text()).contains("A chosen theme no longer exists.");
        assertThat(count("theme")).isEqualTo(themes);
        assertThat(count("record")).isOne();
    }

    /** A person row that names no one, with the id of no one, would create a person without a name. */
    @Test
    void aPersonThatDoesNotExistAndHasNoNameIsRefused() throws Exception {
        long people = count("person");

        Document page = Pages.load(
                mvc,
                valid(newRecord(), "Unknown person", "people[0].personId", "999999999", "people[0].role", "SPOKE"),
                200);

        assertThat(page.select("#people0\\.name ~ p.error").text())
                .isEqualTo("This person no longer exists: type a name, or pick a person.");
        assertThat(count("person")).isEqualTo(people);
        assertThat(count("record")).isOne();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
