package org.policyarchive.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
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

        assertThat(recovery.recover()).contains(dead);

        ImportJobView job = imports.find(dead).orElseThrow();
        assertThat(job.status()).isEqualTo(ImportStatus.INTERRUPTED);
        assertThat(job.finished()).isTrue();
        assertThat(job.finishedAt()).isNotNull();
        assertThat(job.recordsImported()).isEqualTo(3);
        Document page = Jsoup.parse(mvc.perform(get("/admin/imports/" + dead)
                        .with(user("admin-recovery").roles("ADMIN")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(page.select("[data-field=status]").text()).isEqualTo("Interrupted");
        assertThat(page.select(".import-interrupted").text())
                .contains("was interrupted")
                .contains("records committed before it stopped stay")
                .contains("records already imported are skipped");
        assertThat(page.select("form[action$=/cancel]")).isEmpty();
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'IMPORT_INTERRUPTED' and object_id = ?")
                        .param(String.valueOf(dead))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void leavesJobsOfALiveNodeAlone() {
        long otherLive =
                insertJob("live-" + run + ".jsonl", "RUNNING", UUID.randomUUID().toString(), "5 seconds");
        long queuedHere = insertJob("here-" + run + ".jsonl", "QUEUED", ImportJobs.NODE, "1 hour");

        assertThat(recovery.recover()).doesNotContain(otherLive, queuedHere);

        assertThat(imports.find(otherLive).orElseThrow().status()).isEqualTo(ImportStatus.RUNNING);
        assertThat(imports.find(queuedHere).orElseThrow().status()).isEqualTo(ImportStatus.QUEUED);
        jdbc.sql("update import_job set status = 'CANCELLED', finished_at = now() where id in (?, ?)")
                .params(otherLive, queuedHere)
                .update();
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
