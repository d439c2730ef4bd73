package org.policyarchive.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.Pages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@CleanArchive
class InterruptedImportsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    InterruptedImports recovery;

    @Autowired
    ImportJobService imports;

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
        Document page = Pages.load(
                mvc, get("/admin/imports/" + dead).with(user("admin-recovery").roles("ADMIN")), 200);
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
    void leavesJobsOfALiveNodeAlone() {
        long otherLive =
                insertJob("live-" + run + ".jsonl", "RUNNING", UUID.randomUUID().toString(), "5 seconds");
        long queuedHere = insertJob("here-" + run + ".jsonl", "QUEUED", ImportJobs.NODE, "1 hour");

        assertThat(recovery.recover()).isEmpty();

        assertThat(imports.find(otherLive).orElseThrow().status()).isEqualTo(ImportStatus.RUNNING);
        assertThat(imports.find(queuedHere).orElseThrow().status()).isEqualTo(ImportStatus.QUEUED);
        assertThat(jdbc.sql("select count(*) from audit_event")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private long insertJob(String fileName, String status, String node, String heartbeatAge) {
        return jdbc.sql("insert into import_job (file_name, format, size_bytes, stored_path, status, records_imported,"
                        + " created_by, started_at, owner_node, heartbeat_at) values (?, 'JSONL', 100, '/nowhere', ?,"
                        + " 3, 'admin-recovery', now() - interval '1 hour', ?, now() - cast(? as interval))"
                        + " returning id")
                .params(fileName, status, node, heartbeatAge)
                .query(Long.class)
                .single();
    }
}
