package org.policyarchive.imports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.policyarchive.interchange.InterchangeFormat;
import org.policyarchive.record.RecordKind;
import org.policyarchive.system.ArchiveNode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The import_job and import_error tables, read and written with plain SQL (counters move in every batch). */
@Repository
class ImportJobs {

    private static final String COLUMNS = "id, file_name, format, size_bytes, stored_path, status, lines_read,"
            + " bytes_read, records_imported, records_skipped, lines_rejected, cancel_requested, message,"
            + " message_key, message_arguments, created_by, created_at, started_at, finished_at";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;

    /** This node's id: jobs carry it, with a heartbeat, so that nodes can tell live jobs from dead ones. */
    private final String node;

    ImportJobs(JdbcClient jdbc, JdbcTemplate template, JsonMapper json, ArchiveNode node) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
        this.node = node.id();
    }

    /** A new job of this node: queued, or running when the caller runs it itself. */
    long create(
            String fileName,
            InterchangeFormat format,
            long sizeBytes,
            String storedPath,
            String createdBy,
            ImportStatus status) {
        return create(fileName, format, sizeBytes, storedPath, createdBy, status, ImportKinds.NONE);
    }

    /** A new job of this node, which does {@code kinds} with the kinds the archive does not know. */
    long create(
            String fileName,
            InterchangeFormat format,
            long sizeBytes,
            String storedPath,
            String createdBy,
            ImportStatus status,
            ImportKinds kinds) {
        Map<String, String> mappings = new LinkedHashMap<>();
        kinds.mappings().forEach((spelling, kind) -> mappings.put(spelling, kind.name()));
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into import_job (file_name, format, size_bytes, stored_path, status, created_by,"
                        + " owner_node, heartbeat_at, kind_mappings, create_kinds)"
                        + " values (?, ?, ?, ?, ?, ?, ?, now(), ?, ?)")
                .params(
                        fileName,
                        format.name(),
                        sizeBytes,
                        storedPath,
                        status.name(),
                        createdBy,
                        node,
                        mappings.isEmpty() ? null : json.writeValueAsString(mappings),
                        kinds.create())
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    /** What the job does with the kinds the archive does not know, as it was submitted. */
    ImportKinds kinds(long id) {
        return jdbc.sql("select kind_mappings, create_kinds from import_job where id = ?")
                .param(id)
                .query((rs, row) -> {
                    String stored = rs.getString("kind_mappings");
                    Map<String, RecordKind> mappings = new LinkedHashMap<>();
                    if (stored != null) {
                        Map<?, ?> read = json.readValue(stored, Map.class);
                        read.forEach((spelling, kind) ->
                                mappings.put(String.valueOf(spelling), RecordKind.valueOf(String.valueOf(kind))));
                    }
                    return new ImportKinds(mappings, rs.getBoolean("create_kinds"));
                })
                .optional()
                .orElse(ImportKinds.NONE);
    }

    Optional<ImportJobView> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from import_job where id = ?")
                .param(id)
                .query(this::view)
                .optional();
    }

    List<ImportJobView> recent(int limit) {
        return jdbc.sql("select " + COLUMNS + " from import_job order by created_at desc, id desc limit ?")
                .param(limit)
                .query(this::view)
                .list();
    }

    /** A resumed job keeps the time it first started. */
    void markRunning(long id) {
        jdbc.sql("update import_job set status = 'RUNNING', started_at = coalesce(started_at, now()), owner_node = ?,"
                        + " heartbeat_at = now() where id = ?")
                .params(node, id)
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
                .param(node)
                .update();
    }

    /**
     * At this node's start, marks as interrupted the queued or running jobs that no live node is working on: this
     * node's own, which its previous process left (this one has started none yet), those of another node whose
     * heartbeat is older than {@code staleAfter}, and those without an owner (written before owners were recorded).
     * Returns the ids marked.
     */
    List<Long> interruptAbandoned(Duration staleAfter, ImportMessage message) {
        return jdbc.sql("update import_job set status = 'INTERRUPTED', message_key = ?, message_arguments = ?::jsonb,"
                        + " finished_at = now() where status in ('QUEUED', 'RUNNING') and (owner_node is null or"
                        + " owner_node = ? or heartbeat_at is null or heartbeat_at < now() - make_interval(secs => ?))"
                        + " returning id")
                .params(message.key(), arguments(message), node, (double) staleAfter.toSeconds())
                .query(Long.class)
                .list();
    }

    /** Whether the job belongs to another node that has sent a heartbeat within {@code staleAfter}. */
    boolean isRunByAnotherLiveNode(long id, Duration staleAfter) {
        return jdbc.sql("select count(*) from import_job where id = ? and owner_node <> ? and heartbeat_at >= now() -"
                                + " make_interval(secs => ?)")
                        .params(id, node, (double) staleAfter.toSeconds())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Queues an interrupted job again on this node, where it reads on after its last committed line. */
    boolean requeue(long id) {
        return jdbc.sql(
                                "update import_job set status = 'QUEUED', owner_node = ?, heartbeat_at = now(),"
                                        + " cancel_requested = false, message = null, message_key = null,"
                                        + " message_arguments = null, finished_at = null where id = ? and status = 'INTERRUPTED'")
                        .params(node, id)
                        .update()
                > 0;
    }

    /** The paths of the files that unfinished jobs still need: those queued, running or interrupted. */
    List<String> storedPathsInUse() {
        return jdbc.sql("select stored_path from import_job where status in ('QUEUED', 'RUNNING', 'INTERRUPTED')")
                .query(String.class)
                .list();
    }

    /** A line and why it was rejected. */
    record LineError(long lineNumber, ImportMessage message) {}

    void addErrors(long id, List<LineError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        template.batchUpdate(
                "insert into import_error (job_id, line_number, message_key, arguments) values (?, ?, ?, ?::jsonb)",
                errors,
                500,
                (statement, error) -> {
                    statement.setLong(1, id);
                    statement.setLong(2, error.lineNumber());
                    statement.setString(3, error.message().key());
                    statement.setString(4, arguments(error.message()));
                });
    }

    void finish(long id, ImportStatus status, @Nullable ImportMessage message) {
        jdbc.sql("update import_job set status = ?, message_key = ?, message_arguments = ?::jsonb, finished_at = now()"
                        + " where id = ?")
                .params(status.name(), message == null ? null : message.key(), arguments(message), id)
                .update();
    }

    /** Finishes the job only if it is still in one of the statuses {@code from}; false when it was not. */
    boolean finishIf(long id, List<ImportStatus> from, ImportStatus status, ImportMessage message) {
        return jdbc.sql("update import_job set status = :status, message_key = :key,"
                                + " message_arguments = cast(:arguments as jsonb), finished_at = now()"
                                + " where id = :id and status in (:from)")
                        .param("status", status.name())
                        .param("key", message.key())
                        .param("arguments", arguments(message))
                        .param("id", id)
                        .param("from", from.stream().map(ImportStatus::name).toList())
                        .update()
                > 0;
    }

    /** How many jobs of this node wait for the one running. */
    long countQueued() {
        return jdbc.sql("select count(*) from import_job where status = 'QUEUED' and owner_node = ?")
                .param(node)
                .query(Long.class)
                .single();
    }

    /** The oldest job of this node that waits to run. */
    Optional<Long> nextQueued() {
        return jdbc.sql("select id from import_job where status = 'QUEUED' and owner_node = ? order by id limit 1")
                .param(node)
                .query(Long.class)
                .optional();
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

    /** The rejected lines of the job, without its warnings. */
    List<ImportError> errors(long id, int offset, int limit) {
        return jdbc.sql(
                        "select line_number, reason, message_key, arguments from import_error where job_id = ?"
                                + " and (message_key is null or message_key not like ?) order by line_number, id offset ? limit ?")
                .params(id, DuplicateWarning.KEY_PREFIX + "%", offset, limit)
                .query((rs, n) ->
                        new ImportError(rs.getLong(1), rs.getString(2), message(rs.getString(3), rs.getString(4))))
                .list();
    }

    /** The lines whose text was already there (stored with the rejected lines, under keys of their own). */
    List<DuplicateWarning> warnings(long id, int limit) {
        return jdbc.sql("select line_number, message_key, arguments from import_error where job_id = ?"
                        + " and message_key like ? order by line_number, id limit ?")
                .params(id, DuplicateWarning.KEY_PREFIX + "%", limit)
                .query((rs, n) -> DuplicateWarning.of(rs.getLong(1), message(rs.getString(2), rs.getString(3))))
                .list();
    }

    long countWarnings(long id) {
        return jdbc.sql("select count(*) from import_error where job_id = ? and message_key like ?")
                .params(id, DuplicateWarning.KEY_PREFIX + "%")
                .query(Long.class)
                .single();
    }

    private @Nullable String arguments(@Nullable ImportMessage message) {
        return message == null ? null : json.writeValueAsString(message.arguments());
    }

    private @Nullable ImportMessage message(@Nullable String key, @Nullable String arguments) {
        if (key == null) {
            return null;
        }
        List<Object> values = arguments == null ? List.of() : json.readValue(arguments, List.class);
        return new ImportMessage(key, values);
    }

    private ImportJobView view(ResultSet rs, int row) throws SQLException {
        return new ImportJobView(
                rs.getLong("id"),
                rs.getString("file_name"),
                InterchangeFormat.valueOf(rs.getString("format")),
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
                message(rs.getString("message_key"), rs.getString("message_arguments")),
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

    /** A rejected line and why: a message, or the English reason of a job that ran before messages were stored. */
    public record ImportError(
            long lineNumber,
            @Nullable String reason,
            @Nullable ImportMessage message) {}
}
