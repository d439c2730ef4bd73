package org.policyarchive.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.policyarchive.account.UserAccounts;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.SaveRace;
import org.policyarchive.testing.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Editors who save the same person, or the same theme, at the same moment from the same version of the form: exactly
 * one wins each race, every other one gets the conflict answer with what they typed kept, never an error page.
 */
@Tag("long")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@CleanArchive
class ConcurrentPersonAndThemeSavesIntegrationTests {

    static final int EDITORS = 6;

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest
    @CsvSource({"person, /admin/people/", "theme, /admin/themes/"})
    void oneEditorWinsEachRaceAndTheOthersAreToldOfTheConflict(String table, String admin) {
        long id = jdbc.sql("select min(id) from " + table).query(Long.class).single();
        List<WebClient> editors = SaveRace.editors(accounts, port, table + "-racer", EDITORS);
        for (int race = 1; race <= 3; race++) {
            int round = race;
            List<SaveRace.Save> saves = SaveRace.run(
                    editors,
                    admin + id + "/edit",
                    (editor, form) -> Map.of("description", "Race " + round + ", editor " + editor, "action", "save"));
            String winner = SaveRace.oneWon(saves, "Someone else changed this " + table, "description");
            assertThat(jdbc.sql("select description from " + table + " where id = ?")
                            .param(id)
                            .query(String.class)
                            .single())
                    .isEqualTo(winner);
        }
    }
}
