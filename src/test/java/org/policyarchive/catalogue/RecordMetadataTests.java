package org.policyarchive.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.policyarchive.record.RecordKind;

class RecordMetadataTests {

    @Test
    void kindsBecomeZoteroItemTypes() {
        assertThat(RecordMetadata.zoteroType(RecordKind.STUDY_SESSION)).isEqualTo("presentation");
        assertThat(RecordMetadata.zoteroType(RecordKind.SPEECH)).isEqualTo("presentation");
        assertThat(RecordMetadata.zoteroType(RecordKind.GOVERNMENT_WORK_REPORT)).isEqualTo("report");
        assertThat(RecordMetadata.zoteroType(RecordKind.INTERVIEW)).isEqualTo("interview");
        assertThat(RecordMetadata.zoteroType(RecordKind.LETTER)).isEqualTo("letter");
        assertThat(RecordMetadata.zoteroType(RecordKind.POLICY_DOCUMENT)).isEqualTo("document");
    }

    @Test
    void scriptSafeJsonCannotCloseItsScript() {
        assertThat(RecordMetadata.scriptSafe("{\"a\":\"</script><!-- & \"}"))
                .isEqualTo("{\"a\":\"\\u003c/script\\u003e\\u003c!-- \\u0026 \"}");
    }
}
