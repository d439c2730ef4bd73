package org.policyarchive.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.policyarchive.interchange.InterchangeFormat;
import org.policyarchive.record.RecordCatalog;
import org.policyarchive.system.ArchiveNode;
import org.policyarchive.system.ArchiveProperties;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.Pages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Imports that a stopped process left unfinished: marked as interrupted at the next start (this node's at once, another
 * node's once it has been silent too long), resumed from the line after the last committed batch, discarded, or
 * cancelled when nobody is running them; and the files in the imports folder that no job needs any more, deleted.
 */
@SpringBootTest
@AutoConfigureMockMvc
@CleanArchive
class InterruptedImportsIntegrationTests {

    static final RequestPostProcessor ADMIN = user("admin-recovery").roles("ADMIN");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    InterruptedImports recovery;

    @Autowired
    ImportJobService imports;

    @Autowired
    ImportJobs jobs;

    @Autowired
    BulkImporter importer;

    @Autowired
    RecordCatalog catalog;

    @Autowired
    ArchiveProperties archive;

    @Autowired
    ArchiveNode node;

    final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void marksAJobAbandonedByADeadNodeAsInterruptedAndSaysSoOnItsPage() throws Exception {
        long dead =
                insertJob("dead-" + run + ".jsonl", "RUNNING", UUID.randomUUID().toString(), "10 minutes");

        assertThat(recovery.recover()).containsExactly(dead);

        ImportJobView job = imports.find(dead).orElseThrow();
        assertThat(job.status()).isEqualTo(ImportStatus.INTERRUPTED);
        assertThat(job.finished()).isTrue();
        assertThat(job.finishedAt()).isNotNull();
        assertThat(job.recordsImported()).isEqualTo(3);
        Document page = Pages.load(mvc, get("/admin/imports/" + dead).with(ADMIN), 200);
        assertThat(page.select("[data-field=status]").text()).isEqualTo("Interrupted");
        assertThat(page.select(".import-message").text())
                .isEqualTo("Interrupted: the application stopped while this import was waiting or running.");
        assertThat(page.select(".import-interrupted").text())
                .contains("was interrupted")
                .contains("records committed before it stopped stay")
                .contains("records already imported are skipped");
        assertThat(page.select("form[action$=/cancel]")).isEmpty();
        assertThat(jdbc.sql("select username, action, object_type, object_id, details from audit_event")
                        .query((rs, n) -> List.of(
                                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                        .list())
                .containsExactly(List.of(
                        "system",
                        "IMPORT_INTERRUPTED",
                        "import",
                        String.valueOf(dead),
                        "the application stopped while this import was waiting or running"));
    }

    @Test
    void leavesTheJobsOfAnotherLiveNodeAlone() {
        long otherLive =
                insertJob("live-" + run + ".jsonl", "RUNNING", UUID.randomUUID().toString(), "5 seconds");

        assertThat(recovery.recover()).isEmpty();

        assertThat(imports.find(otherLive).orElseThrow().status()).isEqualTo(ImportStatus.RUNNING);
        assertThat(jdbc.sql("select count(*) from audit_event")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    /** At start, this node runs nothing yet: whatever it left running or queued died with its last process. */
    @Test
    void interruptsEveryUnfinishedJobOfThisNodeAtStartEvenWithAFreshHeartbeat() {
        long running = insertJob("running-" + run + ".jsonl", "RUNNING", thisNode(), "1 second");
        long queued = insertJob("queued-" + run + ".jsonl", "QUEUED", thisNode(), "1 second");

        assertThat(recovery.recover()).containsExactlyInAnyOrder(running, queued);

        assertThat(imports.find(running).orElseThrow().status()).isEqualTo(ImportStatus.INTERRUPTED);
        assertThat(imports.find(queued).orElseThrow().status()).isEqualTo(ImportStatus.INTERRUPTED);
    }

    /**
     * A process killed after its first batch: at the next start the job is interrupted, and resuming it imports the
     * lines after the last committed one only (the record of line 3, deleted meanwhile, does not come back), so that
     * every record of the file is in the archive once; the stored file goes when the job has finished.
     */
    @Test
    void resumesAnInterruptedImportAfterItsLastCommittedLine() throws Exception {
        Path file = storedFile("resume-" + run + ".jsonl", 1_200);
        long id = jobs.create(
                "resume.jsonl",
                InterchangeFormat.JSONL,
                Files.size(file),
                file.toString(),
                "admin-recovery",
                ImportStatus.QUEUED);
        assertThatThrownBy(() -> importer.run(id, job -> {
                    throw new ProcessKilled();
                }))
                .isInstanceOf(ProcessKilled.class);
        assertThat(imports.find(id).orElseThrow())
                .extracting(ImportJobView::status, ImportJobView::linesRead, ImportJobView::recordsImported)
                .containsExactly(ImportStatus.RUNNING, 500L, 500L);
        jdbc.sql("delete from record where slug = ?")
                .param("resume-" + run + "-3")
                .update();

        assertThat(recovery.recover()).containsExactly(id);
        Document interrupted = Pages.load(mvc, get("/admin/imports/" + id).with(ADMIN), 200);
        assertThat(interrupted.select(".import-interrupted").text()).contains("after line 500");
        assertThat(interrupted.select("form[action$=/resume] button").text()).isEqualTo("Resume the import");
        mvc.perform(post("/admin/imports/" + id + "/resume").with(ADMIN).with(csrf()))
                .andExpect(redirectedUrl("/admin/imports/" + id));

        await().atMost(Duration.ofSeconds(60))
                .until(() -> imports.find(id).orElseThrow().finished());
        ImportJobView job = imports.find(id).orElseThrow();
        assertThat(job.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(job.linesRead()).isEqualTo(1_200);
        assertThat(job.recordsImported()).isEqualTo(1_200);
        assertThat(job.recordsSkipped()).isZero();
        assertThat(jdbc.sql("select count(*), count(distinct title) from record where slug like ?")
                        .param("resume-" + run + "-%")
                        .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2)))
                        .single())
                .containsExactly(1_199L, 1_199L);
        assertThat(catalog.findBySlug("resume-" + run + "-3")).isEmpty();
        assertThat(catalog.findBySlug("resume-" + run + "-1200")).isPresent();
        // the worker deletes the file once it has finished the job
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(file));
    }

    @Test
    void discardingAnInterruptedImportDeletesItsFile() throws Exception {
        Path file = storedFile("discard-" + run + ".jsonl", 3);
        long id = insertJob("discard.jsonl", "INTERRUPTED", thisNode(), "1 hour", file.toString());

        mvc.perform(post("/admin/imports/" + id + "/discard").with(ADMIN).with(csrf()))
                .andExpect(redirectedUrl("/admin/imports/" + id));

        assertThat(imports.find(id).orElseThrow().status()).isEqualTo(ImportStatus.CANCELLED);
        assertThat(file).doesNotExist();
        Document page = Pages.load(mvc, get("/admin/imports/" + id).with(ADMIN), 200);
        assertThat(page.select(".import-message").text())
                .isEqualTo("Discarded after line 3; the records committed before stay in the archive.");
        assertThat(page.select("form[action$=/resume]")).isEmpty();
    }

    /** A job that no live process runs any more stops at once; a live node's job is asked to stop. */
    @Test
    void cancelStopsAJobThatNobodyRunsAtOnce() throws Exception {
        long deadNode =
                insertJob("dead-" + run + ".jsonl", "RUNNING", UUID.randomUUID().toString(), "10 minutes");
        long thisNodeWithoutWorker = insertJob("orphan-" + run + ".jsonl", "RUNNING", thisNode(), "1 second");
        long liveNode =
                insertJob("live-" + run + ".jsonl", "RUNNING", UUID.randomUUID().toString(), "1 second");

        for (long id : List.of(deadNode, thisNodeWithoutWorker, liveNode)) {
            mvc.perform(post("/admin/imports/" + id + "/cancel").with(ADMIN).with(csrf()))
                    .andExpect(redirectedUrl("/admin/imports/" + id));
        }

        assertThat(imports.find(deadNode).orElseThrow().status()).isEqualTo(ImportStatus.CANCELLED);
        assertThat(imports.find(thisNodeWithoutWorker).orElseThrow().status()).isEqualTo(ImportStatus.CANCELLED);
        Document page = Pages.load(mvc, get("/admin/imports/" + deadNode).with(ADMIN), 200);
        assertThat(page.select(".import-message").text())
                .isEqualTo("Cancelled after line 3; the records committed before stay in the archive.");
        ImportJobView live = imports.find(liveNode).orElseThrow();
        assertThat(live.status()).isEqualTo(ImportStatus.RUNNING);
        assertThat(live.cancelRequested()).isTrue();
    }

    @Test
    void deletesTheFilesInTheImportsFolderThatNoUnfinishedJobNeeds() throws Exception {
        Path orphan = storedFile("orphan-" + run + ".jsonl", 2);
        Path kept = storedFile("kept-" + run + ".jsonl", 2);
        insertJob("kept.jsonl", "INTERRUPTED", thisNode(), "1 hour", kept.toString());

        recovery.recover();

        assertThat(orphan).doesNotExist();
        assertThat(kept).exists();
    }

    private String thisNode() {
        return node.id();
    }

    /** A file of {@code lines} records in the imports folder, as the admin page stores one. */
    private Path storedFile(String name, int lines) throws Exception {
        Path folder = Files.createDirectories(archive.dataDir().resolve("imports"));
        String slug = name.substring(0, name.lastIndexOf('.'));
        List<String> records = new ArrayList<>();
        for (int i = 1; i <= lines; i++) {
            records.add("{\"slug\": \"" + slug + "-" + i + "\", \"title\": \"" + slug + " " + i
                    + "\", \"kind\": \"speech\", \"language\": \"en\", \"body\": \"Text " + i + ".\"}");
        }
        return Files.write(folder.resolve(name), records);
    }

    /** Stands for the process being killed: an Error, which the importer does not catch. */
    static class ProcessKilled extends Error {}

    private long insertJob(String fileName, String status, String node, String heartbeatAge) {
        return insertJob(fileName, status, node, heartbeatAge, "/nowhere");
    }

    /** A job that has committed 3 records of its first 3 lines. */
    private long insertJob(String fileName, String status, String node, String heartbeatAge, String storedPath) {
        return jdbc.sql("insert into import_job (file_name, format, size_bytes, stored_path, status, lines_read,"
                        + " records_imported, created_by, started_at, owner_node, heartbeat_at) values (?, 'JSONL',"
                        + " 100, ?, ?, 3, 3, 'admin-recovery', now() - interval '1 hour', ?, now() - cast(? as"
                        + " interval)) returning id")
                .params(fileName, storedPath, status, node, heartbeatAge)
                .query(Long.class)
                .single();
    }
}
