package org.policyarchive.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * This node's name among the nodes that share the database, the same after every restart, so that at start a node can
 * tell the work it left unfinished (the imports it was running when it stopped) from the work of the others. It is
 * {@code archive.node-id} when set, or else made once and kept in the data directory ({@code node-id}); two nodes must
 * therefore not share a data directory.
 */
@Component
public class ArchiveNode {

    /** Fits the 36 characters of a UUID, which the database keeps for a job's node. */
    static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,35}";

    static final String ID_RULE =
            "must be 1 to 36 letters, digits, dots, hyphens or underscores, starting with a letter" + " or digit";

    static final String FILE = "node-id";

    private final String id;

    ArchiveNode(ArchiveProperties archive) {
        this.id = archive.nodeId() != null
                ? archive.nodeId()
                : kept(archive.dataDir().resolve(FILE));
    }

    public String id() {
        return id;
    }

    /** The id kept in {@code file}, made and written there first if there is none. */
    private static String kept(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(file, UUID.randomUUID() + "\n", StandardCharsets.US_ASCII);
            }
            String id = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (!id.matches(ID_PATTERN)) {
                throw new IllegalStateException(file.toAbsolutePath() + " holds no valid node id: it " + ID_RULE
                        + " (delete the file to make a" + " new one, or set archive.node-id)");
            }
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or write the node id in " + file.toAbsolutePath(), e);
        }
    }
}
