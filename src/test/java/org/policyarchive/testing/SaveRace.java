package org.policyarchive.testing;

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
import java.util.function.BiFunction;
import org.jsoup.nodes.FormElement;
import org.policyarchive.account.AccountRole;
import org.policyarchive.account.UserAccounts;

/**
 * Editors who all open the same edit form and then submit it at the same moment over real HTTP, each with their own
 * changes: what the archive answers when writers of one thing race.
 */
public final class SaveRace {

    /** One editor's submission: the fields they changed and the archive's answer. */
    public record Save(Map<String, String> changes, HttpResponse<String> response) {}

    private SaveRace() {}

    /** {@code count} new editors, each signed in over HTTP in a session of their own. */
    public static List<WebClient> editors(UserAccounts accounts, int port, String prefix, int count) {
        List<WebClient> editors = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String username =
                    prefix + "-" + i + "-" + UUID.randomUUID().toString().substring(0, 8);
            String password = "correct horse battery " + i;
            accounts.createUser(username, password, AccountRole.EDITOR);
            editors.add(WebClient.signedIn(port, username, password));
        }
        return editors;
    }

    /**
     * Each of {@code editors} opens {@code path} and, once all have the form, submits its main form with the changes
     * that {@code changes} gives for the editor's index and the form as they saw it. The saves come back in the
     * editors' order.
     */
    public static List<Save> run(
            List<WebClient> editors, String path, BiFunction<Integer, FormElement, Map<String, String>> changes) {
        CyclicBarrier start = new CyclicBarrier(editors.size());
        ExecutorService threads = Executors.newFixedThreadPool(editors.size());
        try {
            List<CompletableFuture<Save>> saves = new ArrayList<>();
            for (int i = 0; i < editors.size(); i++) {
                WebClient editor = editors.get(i);
                FormElement form = Pages.mainForm(editor.page(path));
                Map<String, String> changed = changes.apply(i, form);
                saves.add(CompletableFuture.supplyAsync(
                        () -> {
                            await(start);
                            return new Save(changed, editor.submit(form, changed));
                        },
                        threads));
            }
            return saves.stream().map(CompletableFuture::join).toList();
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * Checks that exactly one of {@code saves} won (a redirect) and that every other one was told of the conflict
     * (409, a page that says {@code conflict} and still holds what that editor typed in {@code field}); returns what
     * the winner typed there.
     */
    public static String oneWon(List<Save> saves, String conflict, String field) {
        assertThat(saves)
                .extracting(save -> save.response().statusCode())
                .as("answers (a redirect when the save won, a conflict when it lost)")
                .containsOnly(302, 409)
                .containsOnlyOnce(302);
        String winner = null;
        for (Save save : saves) {
            if (save.response().statusCode() == 302) {
                winner = save.changes().get(field);
            } else {
                assertThat(save.response().body())
                        .contains(conflict)
                        .contains(save.changes().get(field));
            }
        }
        return winner;
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
