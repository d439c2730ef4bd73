package org.policyarchive.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hamcrest.Matchers;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.policyarchive.interchange.InterchangeFormat;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.Pages;
import org.policyarchive.testing.SharedCorpus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A job's page and status follow a real import of the corpus as it happens, before its batch is committed, and a
 * finished job tells its rate over the whole run and how long it took. The import is held still, in the middle of its
 * first batch, by its progress listener, while the test reads the page from another thread.
 */
@SpringBootTest
@AutoConfigureMockMvc
@CleanArchive
class ImportProgressIntegrationTests {

    static final RequestPostProcessor ADMIN = user("admin-watcher").roles("ADMIN");

    /** The Chinese work reports: 72 lines, one batch, written in two steps of the record module. */
    static final int LINES = 72;

    @Autowired
    ImportJobService imports;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void showsTheLinesReadAndRecordsWrittenBeforeTheBatchIsCommittedThenTheFinalRateAndDuration() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        long[] jobId = new long[1];
        ImportProgressListener holdInFirstBatch = new ImportProgressListener() {
            @Override
            public void batchCommitted(ImportJobView job) {}

            @Override
            public void progressed(ImportJobView job) {
                if (held.getCount() > 0 && job.recordsImported() > 0) {
                    jobId[0] = job.id();
                    held.countDown();
                    try {
                        release.await(2, TimeUnit.MINUTES);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<ImportJobView> run = thread.submit(() -> imports.runNow(
                    SharedCorpus.file(SharedCorpus.CHINESE_REPORTS),
                    InterchangeFormat.JSONL,
                    "test",
                    holdInFirstBatch));
            assertThat(held.await(5, TimeUnit.MINUTES)).isTrue();
            String path = "/admin/imports/" + jobId[0];
            try {
                // nothing of the batch is committed: the database alone would say 0 lines read
                assertThat(jdbc.sql("select lines_read from import_job where id = ?")
                                .param(jobId[0])
                                .query(Long.class)
                                .single())
                        .isZero();
                mvc.perform(get(path + "/status").with(ADMIN))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.status").value("RUNNING"))
                        .andExpect(jsonPath("$.finished").value(false))
                        .andExpect(jsonPath("$.linesRead").value(LINES))
                        .andExpect(jsonPath("$.recordsImported").value(Matchers.greaterThan(0)))
                        .andExpect(jsonPath("$.recordsImported").value(Matchers.lessThan(LINES)))
                        .andExpect(jsonPath("$.percent").value(Matchers.greaterThan(0)))
                        .andExpect(jsonPath("$.duration").doesNotExist());
                Document page = Pages.load(mvc, get(path).with(ADMIN), 200);
                assertThat(page.select("[data-field=status]").text()).isEqualTo("Running");
                assertThat(page.select("[data-field=linesRead]").text()).isEqualTo(String.valueOf(LINES));
                assertThat(Integer.parseInt(
                                page.select("progress#import-progress").attr("value")))
                        .isBetween(1, 99);
                assertThat(page.select("[data-field=duration]")).isEmpty();
                // without JavaScript, the page of a running job reloads itself, and links to itself
                assertThat(page.select("noscript meta[http-equiv=refresh]").attr("content"))
                        .isEqualTo(String.valueOf(ImportAdminController.REFRESH_SECONDS));
                assertThat(page.select("a[href=" + path + "]").text())
                        .isEqualTo("Reload this page to see the latest progress");
            } finally {
                release.countDown();
            }
            ImportJobView done = run.get(5, TimeUnit.MINUTES);
            assertThat(done.status()).isEqualTo(ImportStatus.SUCCEEDED);
            assertThat(done.recordsImported()).isEqualTo(LINES);

            Document finished = Pages.load(mvc, get(path).with(ADMIN), 200);
            assertThat(finished.select("[data-field=linesRead]").text()).isEqualTo(String.valueOf(LINES));
            assertThat(finished.select("progress#import-progress").attr("value"))
                    .isEqualTo("100");
            assertThat(finished.select("dt:has(+ [data-field=recordsPerSecond])")
                            .text())
                    .isEqualTo("Records per second, over the whole run");
            assertThat(finished.select("[data-field=recordsPerSecond]").text())
                    .isEqualTo(String.valueOf(done.recordsPerSecond()));
            assertThat(done.recordsPerSecond()).isEqualTo(Math.round(LINES / done.elapsedSeconds()));
            long seconds = Math.round(done.duration().toMillis() / 1000.0);
            assertThat(finished.select("[data-field=duration]").text())
                    .isEqualTo(seconds < 60 ? seconds + " s" : seconds / 60 + " min " + seconds % 60 + " s");
            assertThat(finished.select("[data-field=timeLeft]")).isEmpty();
            assertThat(finished.select("noscript meta[http-equiv=refresh]")).isEmpty();
            assertThat(finished.select("[data-field=startedAt] time").attr("datetime"))
                    .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
            assertThat(finished.select("[data-field=finishedAt] time").text()).endsWith(" UTC");
            mvc.perform(get(path + "/status").with(ADMIN))
                    .andExpect(jsonPath("$.finished").value(true))
                    .andExpect(jsonPath("$.recordsPerSecond").value(done.recordsPerSecond()))
                    .andExpect(jsonPath("$.duration")
                            .value(finished.select("[data-field=duration]").text()));
        } finally {
            release.countDown();
            thread.shutdownNow();
        }
    }
}
