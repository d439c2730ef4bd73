package org.policyarchive.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextFingerprintTests {

    static final String ENGLISH = "Fellow citizens of the Senate and of the House of Representatives: among the"
            + " vicissitudes incident to life no event could have filled me with greater anxieties than that of which"
            + " the notification was transmitted by your order, and received on the fourteenth day of the present month.";

    static final String CHINESE = "过去一年，我国发展历程很不平凡。党的二十届三中全会胜利召开，对进一步全面深化改革、推进中国式现代化作出部署。"
            + "我们隆重庆祝中华人民共和国成立75周年，极大激发了全国各族人民的爱国热情和奋斗精神。"
            + "面对外部压力加大、内部困难增多的复杂严峻形势，在以习近平同志为核心的党中央坚强领导下，全国各族人民迎难而上。";

    @Test
    void findsTheSameTextWhateverItsLayoutAndPunctuation() {
        String relaid =
                ENGLISH.toUpperCase().replace(" ", "\n  ").replace(",", " ;").replace(":", "");

        assertThat(TextFingerprint.of(relaid).hash())
                .isEqualTo(TextFingerprint.of(ENGLISH).hash());
        assertThat(TextFingerprint.of(CHINESE.replace("，", ", ").replace("。", ".\n\n"))
                        .sameAs(TextFingerprint.of(CHINESE)))
                .isTrue();
        // full-width digits are the same digits (NFKC)
        assertThat(TextFingerprint.of(CHINESE.replace("75", "７５")).sameAs(TextFingerprint.of(CHINESE)))
                .isTrue();
    }

    @Test
    void findsATextWithAFewWordsChangedNearlyTheSameAndAnotherTextUnlike() {
        String edited = ENGLISH.replace("anxieties", "anxiety");
        String chineseEdited = CHINESE.replace("极大激发了", "激发了");

        assertThat(TextFingerprint.of(edited).likeness(TextFingerprint.of(ENGLISH)))
                .isBetween(0.8, 0.99);
        assertThat(TextFingerprint.of(chineseEdited).likeness(TextFingerprint.of(CHINESE)))
                .isBetween(0.8, 0.99);
        assertThat(TextFingerprint.of(CHINESE).likeness(TextFingerprint.of(ENGLISH)))
                .isLessThan(0.1);
    }

    @Test
    void leavesTextsTooShortForSamenessToMeanAnythingWithoutAFingerprint() {
        assertThat(TextFingerprint.of("Text.")).isNull();
        assertThat(TextFingerprint.of("  ,,, \n ")).isNull();
        assertThat(TextFingerprint.of(null)).isNull();
    }

    @Test
    void indexFindsTheSameTextFirstThenTheMostAlikeAboveItsThreshold() {
        SimilarTexts<String> index = new SimilarTexts<>(0.8);
        index.add("english", TextFingerprint.of(ENGLISH));
        index.add("chinese", TextFingerprint.of(CHINESE));
        index.add("english again", TextFingerprint.of(ENGLISH + " "));

        assertThat(index.size()).isEqualTo(2);
        assertThat(index.find(TextFingerprint.of(ENGLISH.toLowerCase()))).hasValueSatisfying(match -> {
            assertThat(match.key()).isEqualTo("english");
            assertThat(match.same()).isTrue();
            assertThat(match.percent()).isEqualTo(100);
        });
        assertThat(index.find(TextFingerprint.of(CHINESE.replace("极大激发了", "激发了"))))
                .hasValueSatisfying(match -> {
                    assertThat(match.key()).isEqualTo("chinese");
                    assertThat(match.same()).isFalse();
                    assertThat(match.percent()).isBetween(80, 99);
                });
        assertThat(index.find(TextFingerprint.of("A text about something else entirely, long enough to be looked up.")))
                .isEmpty();
    }
}
