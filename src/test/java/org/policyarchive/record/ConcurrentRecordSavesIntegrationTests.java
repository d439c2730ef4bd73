package org.policyarchive.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.policyarchive.account.UserAccounts;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.SaveRace;
import org.policyarchive.testing.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Editors who save the same record at the same moment, each from the same version of the form, over real HTTP: one of
 * them wins each race, and every other one gets the conflict page with both versions and what they typed, never an
 * error page; the record's history holds exactly the winners' saves.
 */
@Tag("long")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@CleanArchive
class ConcurrentRecordSavesIntegrationTests {

    static final int EDITORS = 8;
    static final int RACES = 5;

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyEditorWhoLosesARaceGetsTheConflictPageWithWhatTheyTyped() {
        long recordId = jdbc.sql("select id from record").query(Long.class).single();
        String path = "/admin/records/" + recordId + "/edit";
        List<WebClient> editors = SaveRace.editors(accounts, port, "racer", EDITORS);
        List<String> won = new ArrayList<>();
        for (int race = 1; race <= RACES; race++) {
            int round = race;
            List<SaveRace.Save> saves = SaveRace.run(
                    editors,
                    path,
                    (editor, form) -> Map.of(
                            "body",
                            form.select("textarea[name=body]").val() + "\n\n" + mark(round, editor),
                            "action",
                            "save"));
            int winners = 0;
            for (int i = 0; i < saves.size(); i++) {
                SaveRace.Save save = saves.get(i);
                int status = save.response().statusCode();
                assertThat(status)
                        .as("a save in race %d (a redirect when it won, the conflict page when it lost)", race)
                        .isIn(302, 409);
                if (status == 302) {
                    winners++;
                    won.add(mark(race, i));
                } else {
                    Document conflict = Jsoup.parse(save.response().body());
                    assertThat(conflict.select("h1").text()).isEqualTo("Someone else changed this record");
                    assertThat(conflict.select("input[type=hidden][name=body]").val())
                            .isEqualTo(save.changes().get("body"));
                }
            }
            // all posted the same version: exactly one of them can have saved it
            assertThat(winners).as("winners of race %d", race).isEqualTo(1);
        }
        List<String> saved = jdbc.sql("select snapshot ->> 'body' from revision where record_id = ? and created_by like"
                        + " 'racer-%' order by number")
                .param(recordId)
                .query(String.class)
                .list();
        assertThat(saved).hasSameSizeAs(won);
        for (int i = 0; i < saved.size(); i++) {
            assertThat(saved.get(i)).endsWith(won.get(i));
        }
    }

    private static String mark(int race, int editor) {
        return "Race " + race + ", editor " + editor + ".";
    }
}
