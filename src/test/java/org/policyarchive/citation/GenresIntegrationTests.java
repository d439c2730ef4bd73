package org.policyarchive.citation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.policyarchive.record.Kinds;
import org.policyarchive.record.RecordKind;
import org.policyarchive.testing.CleanArchive;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The kinds' genres and types of work come from the vocabulary, as they were for the kinds every archive starts with. */
@SpringBootTest
@CleanArchive
class GenresIntegrationTests {

    /** What each kind was cited as when kinds were fixed in the code (WorkType's switch): V43 seeds the same. */
    static final Map<RecordKind, WorkType> EARLIER_TYPES = Map.ofEntries(
            Map.entry(RecordKind.STUDY_SESSION, WorkType.SPEECH),
            Map.entry(RecordKind.MEETING, WorkType.SPEECH),
            Map.entry(RecordKind.SPEECH, WorkType.SPEECH),
            Map.entry(RecordKind.ADDRESS, WorkType.SPEECH),
            Map.entry(RecordKind.INAUGURAL_ADDRESS, WorkType.SPEECH),
            Map.entry(RecordKind.FAREWELL_ADDRESS, WorkType.SPEECH),
            Map.entry(RecordKind.REMARKS, WorkType.SPEECH),
            Map.entry(RecordKind.FIRESIDE_CHAT, WorkType.SPEECH),
            Map.entry(RecordKind.DEBATE, WorkType.SPEECH),
            Map.entry(RecordKind.PRESS_CONFERENCE, WorkType.SPEECH),
            Map.entry(RecordKind.INTERVIEW, WorkType.INTERVIEW),
            Map.entry(RecordKind.LETTER, WorkType.LETTER),
            Map.entry(RecordKind.REPORT, WorkType.REPORT),
            Map.entry(RecordKind.GOVERNMENT_WORK_REPORT, WorkType.REPORT),
            Map.entry(RecordKind.POLICY_DOCUMENT, WorkType.DOCUMENT),
            Map.entry(RecordKind.STATEMENT, WorkType.DOCUMENT),
            Map.entry(RecordKind.PROCLAMATION, WorkType.DOCUMENT),
            Map.entry(RecordKind.MESSAGE, WorkType.DOCUMENT),
            Map.entry(RecordKind.VETO_MESSAGE, WorkType.DOCUMENT),
            Map.entry(RecordKind.ANNUAL_MESSAGE, WorkType.DOCUMENT),
            Map.entry(RecordKind.RESOLUTION, WorkType.DOCUMENT),
            Map.entry(RecordKind.NPC_RESOLUTION, WorkType.DOCUMENT));

    @Autowired
    Genres genres;

    @Autowired
    Kinds kinds;

    @Test
    void everySeededKindHasAnEnglishAndAChineseGenreAndItsEarlierType() {
        assertThat(genres.genre(RecordKind.STUDY_SESSION, "en")).isEqualTo("Study session");
        assertThat(genres.genre(RecordKind.STUDY_SESSION, "zh-Hans")).isEqualTo("专题学习");
        assertThat(genres.genre(RecordKind.ANNUAL_MESSAGE, "en")).isEqualTo("Annual message / State of the Union");
        assertThat(kinds.all()).hasSize(EARLIER_TYPES.size());
        EARLIER_TYPES.forEach((kind, type) -> {
            assertThat(genres.workType(kind)).as(kind.name()).isEqualTo(type);
            assertThat(genres.genre(kind, "en")).as(kind.name()).isNotBlank();
            assertThat(genres.genre(kind, "zh"))
                    .as(kind.code())
                    .isNotEqualTo(genres.genre(kind, "en"))
                    .matches(genre -> genre.codePoints()
                            .allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN));
        });
    }
}
