package org.policyarchive.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.Test;
import org.policyarchive.account.AccountRole;
import org.policyarchive.account.UserAccounts;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.Pages;
import org.policyarchive.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Editors who save the same record at the same moment, each from the same version of the form, over real HTTP: one of
 * them wins each race, and every other one gets the conflict page with both versions and what they typed, never an
 * error page; the record's history holds exactly the winners' saves.
 */
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

    /** One editor's save in a race: what they typed, the line that tells it from the others, and the answer. */
    record Save(String body, String mark, HttpResponse<String> response) {}

    @Test
    void everyEditorWhoLosesARaceGetsTheConflictPageWithWhatTheyTyped() throws Exception {
        long recordId = jdbc.sql("select id from record").query(Long.class).single();
        String path = "/admin/records/" + recordId + "/edit";
        List<WebSession> editors = new ArrayList<>();
        for (int i = 0; i < EDITORS; i++) {
            String username = "racer-" + i + "-" + UUID.randomUUID().toString().substring(0, 8);
            String password = "correct horse battery " + i;
            accounts.createUser(username, password, AccountRole.EDITOR);
            editors.add(WebSession.signedIn(port, username, password));
        }
        List<String> won = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(EDITORS);
        try {
            for (int race = 1; race <= RACES; race++) {
                CyclicBarrier start = new CyclicBarrier(EDITORS);
                List<CompletableFuture<Save>> saves = new ArrayList<>();
                for (int i = 0; i < EDITORS; i++) {
                    WebSession editor = editors.get(i);
                    FormElement form = Pages.mainForm(editor.page(path));
                    String mark = "Race " + race + ", editor " + i + ".";
                    String body = form.select("textarea[name=body]").val() + "\n\n" + mark;
                    saves.add(CompletableFuture.supplyAsync(
                            () -> {
                                await(start);
                                return new Save(
                                        body, mark, editor.submit(form, Map.of("body", body, "action", "save")));
                            },
                            threads));
                }
                int winners = 0;
                for (CompletableFuture<Save> future : saves) {
                    Save save = future.get();
                    int status = save.response().statusCode();
                    assertThat(status)
                            .as("a save in race %d (a redirect when it won, the conflict page when it lost)", race)
                            .isIn(302, 409);
                    if (status == 302) {
                        winners++;
                        won.add(save.mark());
                    } else {
                        Document conflict = Jsoup.parse(save.response().body());
                        assertThat(conflict.select("h1").text()).isEqualTo("Someone else changed this record");
                        assertThat(conflict.select("input[type=hidden][name=body]")
                                        .val())
                                .isEqualTo(save.body());
                    }
                }
                // all posted the same version: exactly one of them can have saved it
                assertThat(winners).as("winners of race %d", race).isEqualTo(1);
            }
        } finally {
            threads.shutdownNow();
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

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
