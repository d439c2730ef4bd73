package org.policyarchive.uploads;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.policyarchive.record.OriginalsOfRecords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The uploaded originals: kept byte for byte in PostgreSQL with their SHA-256, linked to a record once saved. */
@Repository
class OriginalFiles implements OriginalsOfRecords {

    private static final String COLUMNS =
            "id, file_name, media_type, size_bytes, sha256, record_id, uploaded_by, uploaded_at";

    private final JdbcClient jdbc;

    OriginalFiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    long store(String fileName, String mediaType, byte[] content, String uploadedBy) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into original_file (file_name, media_type, size_bytes, sha256, content, uploaded_by)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(fileName, mediaType, content.length, sha256(content), content, uploadedBy)
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    Optional<OriginalFile> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from original_file where id = ?")
                .param(id)
                .query(OriginalFiles::metadata)
                .optional();
    }

    Optional<byte[]> content(long id) {
        return jdbc.sql("select content from original_file where id = ?")
                .param(id)
                .query((rs, n) -> rs.getBytes(1))
                .optional();
    }

    @Override
    public List<Original> of(long recordId) {
        return jdbc
                .sql("select " + COLUMNS + " from original_file where record_id = ? order by uploaded_at, id")
                .param(recordId)
                .query(OriginalFiles::metadata)
                .stream()
                .map(file -> new Original(
                        file.fileName(),
                        file.mediaType(),
                        file.sizeBytes(),
                        file.sha256(),
                        OriginalFileController.PATH + "/" + file.id()))
                .toList();
    }

    /** Links a file not yet linked to the record saved from it; false if it is unknown or already linked. */
    @Transactional
    boolean linkToRecord(long fileId, long recordId) {
        return jdbc.sql("update original_file set record_id = ? where id = ? and record_id is null")
                        .params(recordId, fileId)
                        .update()
                > 0;
    }

    /** Every file's stored checksum next to one recomputed by PostgreSQL from the stored bytes now. */
    List<Checksums> recomputeChecksums() {
        return jdbc.sql("select id, file_name, sha256, encode(sha256(content), 'hex') from original_file order by id")
                .query((rs, n) -> new Checksums(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static OriginalFile metadata(ResultSet rs, int row) throws SQLException {
        // wasNull speaks of the column read last: ask it right after reading record_id
        long recordId = rs.getLong("record_id");
        Long linkedTo = rs.wasNull() ? null : recordId;
        return new OriginalFile(
                rs.getLong("id"),
                rs.getString("file_name"),
                rs.getString("media_type"),
                rs.getLong("size_bytes"),
                rs.getString("sha256"),
                linkedTo,
                rs.getString("uploaded_by"),
                rs.getTimestamp("uploaded_at").toInstant());
    }

    /** A stored original's description, without its bytes. */
    public record OriginalFile(
            long id,
            String fileName,
            String mediaType,
            long sizeBytes,
            String sha256,
            @Nullable Long recordId,
            String uploadedBy,
            Instant uploadedAt) {}

    /** A file's checksum as stored at upload and as recomputed now. */
    public record Checksums(long id, String fileName, String stored, String recomputed) {

        public boolean matches() {
            return stored.equals(recomputed);
        }
    }
}
