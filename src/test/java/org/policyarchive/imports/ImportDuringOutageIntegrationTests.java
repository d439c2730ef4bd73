package org.policyarchive.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.policyarchive.interchange.InterchangeFormat;
import org.policyarchive.system.ArchiveProperties;
import org.policyarchive.testing.BehindProxy;
import org.policyarchive.testing.CleanArchive;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An import that loses the database after its first batch (a proxy between the archive and PostgreSQL is cut): it
 * neither fails nor stays running, but is marked interrupted once the database is back, keeps its file, and resumed,
 * ends with every record of the file once.
 */
@Tag("long")
@CleanArchive
class ImportDuringOutageIntegrationTests extends BehindProxy {

    @Autowired
    BulkImporter importer;

    @Autowired
    ImportJobs jobs;

    @Autowired
    ImportJobService imports;

    @Autowired
    ArchiveProperties archive;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anImportThatLosesTheDatabaseIsInterruptedAndResumesWhenItIsBack() throws Exception {
        Path folder = Files.createDirectories(archive.dataDir().resolve("imports"));
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 1_200; i++) {
            lines.add("{\"slug\": \"outage-" + i + "\", \"title\": \"Outage " + i
                    + "\", \"kind\": \"speech\", \"language\": \"en\", \"body\": \"Text " + i + ".\"}");
        }
        Path file = Files.write(folder.resolve("outage.jsonl"), lines);
        long id = jobs.create(
                "outage.jsonl",
                InterchangeFormat.JSONL,
                Files.size(file),
                file.toString(),
                "admin",
                ImportStatus.QUEUED);
        AtomicBoolean cut = new AtomicBoolean();

        CompletableFuture<ImportJobView> run = CompletableFuture.supplyAsync(() -> importer.run(id, progress -> {
            if (cut.compareAndSet(false, true)) {
                proxy.cut();
            }
        }));
        await().atMost(Duration.ofSeconds(60)).untilTrue(cut);
        // longer than the pool's 3 s wait for a connection: restored sooner, the next batch may simply get one
        Thread.sleep(6_000);
        assertThat(run).isNotDone();
        proxy.restore();

        ImportJobView interrupted = run.get(60, TimeUnit.SECONDS);
        assertThat(interrupted.status()).isEqualTo(ImportStatus.INTERRUPTED);
        assertThat(interrupted.message().key()).isEqualTo("import.job.database-lost");
        assertThat(interrupted.linesRead()).isEqualTo(500);
        assertThat(file).exists();
        assertThat(imports.resume(id, "admin")).isTrue();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> imports.find(id).orElseThrow().finished());
        assertThat(imports.find(id).orElseThrow().status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(jdbc.sql("select count(*), count(distinct slug) from record where slug like 'outage-%'")
                        .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2)))
                        .single())
                .containsExactly(1_200L, 1_200L);
        // the worker deletes the file once it has finished the job
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(file));
    }
}
