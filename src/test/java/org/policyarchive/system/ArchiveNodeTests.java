package org.policyarchive.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node's id is the same after every restart: configured, or made once and kept in the data directory. */
class ArchiveNodeTests {

    @TempDir
    Path dataDir;

    @Test
    void makesAnIdOnceAndFindsItAgainAfterARestart() {
        String first = new ArchiveNode(settings(null)).id();

        assertThat(first).matches(ArchiveNode.ID_PATTERN);
        assertThat(dataDir.resolve(ArchiveNode.FILE)).hasContent(first);
        assertThat(new ArchiveNode(settings(null)).id()).isEqualTo(first);
    }

    @Test
    void takesTheConfiguredIdAndWritesNothing() {
        assertThat(new ArchiveNode(settings("node-a")).id()).isEqualTo("node-a");
        assertThat(dataDir.resolve(ArchiveNode.FILE)).doesNotExist();
    }

    @Test
    void refusesToStartWithAnIdFileThatHoldsNoId() throws Exception {
        Files.writeString(dataDir.resolve(ArchiveNode.FILE), "not an id, with spaces");

        assertThatThrownBy(() -> new ArchiveNode(settings(null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("holds no valid node id")
                .hasMessageContaining("archive.node-id");
    }

    private ArchiveProperties settings(@Nullable String nodeId) {
        return new ArchiveProperties(dataDir, "false", nodeId, null, null, null, null, null, null, null, null, null);
    }
}
