package org.policyarchive.uploads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.policyarchive.testing.SeededKinds;

/**
 * Text that makes a backtracking regular expression quadratic: a megabyte of spaces between two words, a megabyte of
 * Chinese without punctuation. Read linearly, each takes a fraction of a second; quadratically, the first took 21 s
 * for 100 KB and a megabyte would take hours. The bound is far above the linear time, so that a loaded machine does
 * not fail it, and far below the quadratic one.
 */
@Tag("long")
class AdversarialTextTests {

    private static final int MEGABYTE = 1 << 20;
    private static final Duration BOUND = Duration.ofSeconds(5);

    private final TextExtractor extractor = new TextExtractor(SeededKinds.LOOKUP);

    @Test
    void readsAMegabyteOfSpacesBetweenTwoWordsAsOneParagraph() {
        byte[] file = ("first" + " ".repeat(MEGABYTE) + "last\n\n" + "next line\n   \n  \n" + "end")
                .getBytes(StandardCharsets.UTF_8);

        ExtractedText text = assertTimeoutPreemptively(BOUND, () -> extractor.extract("spaces.txt", file));

        assertThat(text.paragraphs()).hasSize(3);
        assertThat(text.paragraphs().get(0)).startsWith("first").endsWith("last");
    }

    @Test
    void joinsTheLinesOfAParagraph() {
        ExtractedText text =
                extractor.extract("lines.txt", "one line \n  next line\n\n数字\n经济".getBytes(StandardCharsets.UTF_8));

        assertThat(text.paragraphs()).containsExactly("one line next line", "数字经济");
    }

    @Test
    void looksForNamesInAMegabyteOfChineseWithoutPunctuation() {
        String chinese = "经".repeat(MEGABYTE / 3) + "，总理李强、丁薛祥";

        assertThat(assertTimeoutPreemptively(BOUND, () -> UploadAnalyzer.newNames(chinese)))
                .containsExactly("李强", "丁薛祥");
        assertThat(assertTimeoutPreemptively(BOUND, () -> UploadAnalyzer.newNames("经".repeat(MEGABYTE / 3))))
                .isEmpty();
    }
}
