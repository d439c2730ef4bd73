package org.policyarchive.record.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.policyarchive.record.internal.TextDiff.Kind;
import org.policyarchive.record.internal.TextDiff.Paragraph;
import org.policyarchive.record.internal.TextDiff.Segment;

class TextDiffTests {

    @Test
    void keepsUnchangedParagraphsAndMarksAddedAndRemovedOnes() {
        List<Paragraph> diff =
                TextDiff.paragraphs(List.of("One.", "Two.", "Three."), List.of("One.", "Three.", "Four."));

        assertThat(diff)
                .extracting(Paragraph::kind)
                .containsExactly(Kind.EQUAL, Kind.DELETED, Kind.EQUAL, Kind.INSERTED);
        assertThat(TextDiff.hasChanges(diff)).isTrue();
        assertThat(TextDiff.hasChanges(TextDiff.paragraphs(List.of("Same."), List.of("Same."))))
                .isFalse();
    }

    @Test
    void comparesAChangedParagraphWordByWord() {
        List<Paragraph> diff =
                TextDiff.paragraphs(List.of("The economy grew fast."), List.of("The digital economy grew."));

        assertThat(diff).hasSize(1);
        assertThat(diff.get(0).kind()).isEqualTo(Kind.CHANGED);
        assertThat(diff.get(0).segments())
                .containsExactly(
                        new Segment(Kind.EQUAL, "The "),
                        new Segment(Kind.INSERTED, "digital "),
                        new Segment(Kind.EQUAL, "economy grew"),
                        new Segment(Kind.DELETED, " fast"),
                        new Segment(Kind.EQUAL, "."));
    }

    @Test
    void joinsARewrittenPhraseIntoOneRemovalAndOneInsertion() {
        List<Segment> segments = TextDiff.words("Second paragraph.", "A second paragraph rewritten.");

        assertThat(segments)
                .containsExactly(
                        new Segment(Kind.DELETED, "Second "),
                        new Segment(Kind.INSERTED, "A second "),
                        new Segment(Kind.EQUAL, "paragraph"),
                        new Segment(Kind.INSERTED, " rewritten"),
                        new Segment(Kind.EQUAL, "."));
    }

    @Test
    void treatsEachChineseCharacterAsAWord() {
        List<Segment> segments = TextDiff.words("发展数字经济", "发展实体经济");

        assertThat(segments)
                .containsExactly(
                        new Segment(Kind.EQUAL, "发展"),
                        new Segment(Kind.DELETED, "数字"),
                        new Segment(Kind.INSERTED, "实体"),
                        new Segment(Kind.EQUAL, "经济"));
    }
}
