package org.policyarchive.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.policyarchive.person.Person;
import org.policyarchive.record.RecordKind;

class RecordMetadataTests {

    @Test
    void chineseNamesKeepTheirFamilyNameFirst() {
        assertThat(RecordMetadata.familyFirst(person("Chen Chun", "陈纯"))).isEqualTo("Chen, Chun");
        assertThat(RecordMetadata.familyFirst(person("Li Keqiang", "李克强"))).isEqualTo("Li, Keqiang");
        assertThat(RecordMetadata.familyFirst(person("Ouyang Xiu", "歐陽脩"))).isEqualTo("Ouyang, Xiu");
    }

    @Test
    void otherNamesHaveTheirLastWordAsFamilyName() {
        assertThat(RecordMetadata.familyFirst(person("Jane Doe", null))).isEqualTo("Doe, Jane");
        assertThat(RecordMetadata.familyFirst(person("Franklin  D. Roosevelt", null)))
                .isEqualTo("Roosevelt, Franklin D.");
        assertThat(RecordMetadata.familyFirst(person("Chen Chun", "Chen Chun"))).isEqualTo("Chun, Chen");
    }

    @Test
    void namesThatCannotBeSplitStayAsTheyAre() {
        assertThat(RecordMetadata.familyFirst(person("李强", "李强"))).isEqualTo("李强");
        assertThat(RecordMetadata.familyFirst(person("Plato", null))).isEqualTo("Plato");
        assertThat(RecordMetadata.familyFirst(person("Doe, Jane", null))).isEqualTo("Doe, Jane");
    }

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

    private static Person person(String name, @Nullable String nativeName) {
        Person person = new Person("slug", name);
        person.setNativeName(nativeName);
        return person;
    }
}
