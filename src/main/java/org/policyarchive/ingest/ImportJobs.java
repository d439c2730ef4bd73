package org.policyarchive.ingest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The import_job and import_error tables, read and written with plain SQL (counters move in every batch). */
@Repository
class ImportJobs {

    private static final String COLUMNS = "id, file_name, format, size_bytes, stored_path, status, lines_read,"
            + " bytes_read, records_imported, records_skipped, lines_rejected, cancel_requested, message,"
            + " created_by, created_at, started_at, finished_at";

    /** This JVM's id: jobs carry it, with a heartbeat, so that other nodes can tell live jobs from dead ones. */
    static final String NODE = UUID.randomUUID().toString();

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ImportJobs(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    long create(String fileName, ImportFormat format, long sizeBytes, String storedPath, String createdBy) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into import_job (file_name, format, size_bytes, stored_path, status, created_by,"
                        + " owner_node, heartbeat_at) values (?, ?, ?, ?, 'QUEUED', ?, ?, now())")
                .params(fileName, format.name(), sizeBytes, storedPath, createdBy, NODE)
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    Optional<ImportJobView> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from import_job where id = ?")
                .param(id)
                .query(ImportJobs::view)
                .optional();
    }

    List<ImportJobView> recent(int limit) {
        return jdbc.sql("select " + COLUMNS + " from import_job order by created_at desc, id desc limit ?")
                .param(limit)
                .query(ImportJobs::view)
                .list();
    }

    void markRunning(long id) {
        jdbc.sql("update import_job set status = 'RUNNING', started_at = now(), owner_node = ?,"
                        + " heartbeat_at = now() where id = ?")
                .params(NODE, id)
                .update();
    }

    void updateCounters(long id, ImportCounters counters) {
        jdbc.sql("update import_job set lines_read = ?, bytes_read = ?, records_imported = ?, records_skipped = ?,"
                        + " lines_rejected = ? where id = ?")
                .params(
                        counters.linesRead,
                        counters.bytesRead,
                        counters.imported,
                        counters.skipped,
                        counters.rejected,
                        id)
                .update();
        heartbeat();
    }

    /**
     * Tells other nodes that this node's unfinished jobs are alive: the running one and those queued behind it,
     * which would otherwise look abandoned while they wait.
     */
    void heartbeat() {
        jdbc.sql("update import_job set heartbeat_at = now() where owner_node = ? and status in ('QUEUED', 'RUNNING')")
                .param(NODE)
                .update();
    }

    /**
     * Marks as interrupted the queued or running jobs that no live node is working on: those of another node
     * whose heartbeat is older than {@code staleAfter}, and those without an owner (written before owners were
     * recorded). This node's own jobs are left alone: at start-up it has none, and later they are alive.
     * Returns the ids marked.
     */
    List<Long> interruptAbandoned(java.time.Duration staleAfter, String message) {
        return jdbc.sql("update import_job set status = 'INTERRUPTED', message = ?, finished_at = now()"
                        + " where status in ('QUEUED', 'RUNNING') and (owner_node is null or (owner_node <> ?"
                        + " and (heartbeat_at is null or heartbeat_at < now() - make_interval(secs => ?))))"
                        + " returning id")
                .params(message, NODE, (double) staleAfter.toSeconds())
                .query(Long.class)
                .list();
    }

    void addErrors(long id, List<ImportSource.Entry> rejected) {
        if (rejected.isEmpty()) {
            return;
        }
        template.batchUpdate(
                "insert into import_error (job_id, line_number, reason) values (?, ?, ?)",
                rejected,
                500,
                (statement, entry) -> {
                    statement.setLong(1, id);
                    statement.setLong(2, entry.lineNumber());
                    statement.setString(3, entry.rejection());
                });
    }

    void finish(long id, ImportStatus status, @Nullable String message) {
        jdbc.sql("update import_job set status = ?, message = ?, finished_at = now() where id = ?")
                .params(status.name(), message, id)
                .update();
    }

    /** Asks a queued or running job to stop; false when it has already finished. */
    boolean requestCancel(long id) {
        return jdbc.sql(
                                "update import_job set cancel_requested = true where id = ? and status in ('QUEUED', 'RUNNING')")
                        .param(id)
                        .update()
                > 0;
    }

    boolean isCancelRequested(long id) {
        return jdbc.sql("select cancel_requested from import_job where id = ?")
                .param(id)
                .query(Boolean.class)
                .single();
    }

    List<ImportError> errors(long id, int offset, int limit) {
        return jdbc.sql("select line_number, reason from import_error where job_id = ?"
                        + " order by line_number, id offset ? limit ?")
                .params(id, offset, limit)
                .query((rs, n) -> new ImportError(rs.getLong(1), rs.getString(2)))
                .list();
    }

    /** Whether a record with this slug exists. */
    boolean recordSlugExists(String slug) {
        return jdbc.sql("select exists (select 1 from record where slug = ?)")
                .param(slug)
                .query(Boolean.class)
                .single();
    }

    /** Whether a record with this title and source (both, or the title and no source) exists. */
    boolean recordExists(String title, @Nullable String source) {
        return jdbc.sql("select exists (select 1 from record where title = ? and source is not distinct from ?)")
                .params(title, source)
                .query(Boolean.class)
                .single();
    }

    private static ImportJobView view(ResultSet rs, int row) throws SQLException {
        return new ImportJobView(
                rs.getLong("id"),
                rs.getString("file_name"),
                ImportFormat.valueOf(rs.getString("format")),
                rs.getLong("size_bytes"),
                rs.getString("stored_path"),
                ImportStatus.valueOf(rs.getString("status")),
                rs.getLong("lines_read"),
                rs.getLong("bytes_read"),
                rs.getLong("records_imported"),
                rs.getLong("records_skipped"),
                rs.getLong("lines_rejected"),
                rs.getBoolean("cancel_requested"),
                rs.getString("message"),
                rs.getString("created_by"),
                instant(rs.getTimestamp("created_at")),
                nullableInstant(rs.getTimestamp("started_at")),
                nullableInstant(rs.getTimestamp("finished_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp.toInstant();
    }

    private static @Nullable Instant nullableInstant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** A rejected line and why. */
    public record ImportError(long lineNumber, String reason) {}
}
