package org.policyarchive.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.policyarchive.record.RecordDraft;
import org.policyarchive.record.RecordEditor;
import org.policyarchive.record.RecordKind;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.Drafts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Chinese as readers write it, on the whole corpus ({@link Corpus#all}): a word in Traditional characters finds
 * what the same word in Simplified ones finds and the other way round, and a year finds every report that names it,
 * whatever follows 年 and whichever digits it is written with. The expected records are read from the corpus files.
 */
@SpringBootTest
@CleanArchive(perClass = true)
class ChineseSearchIntegrationTests {

    /** A paragraph of the 2025 report, and its characters that Traditional Chinese writes otherwise. */
    private static final String PARAGRAPH =
            "（四）推动标志性改革举措加快落地，更好发挥经济体制改革牵引作用。扎实推进重点领域改革，着力破除制约发展的体制机制障碍，创造更加公平、更有活力的市场环境。";

    private static final String SIMPLIFIED = "动标志举发挥经济体牵扎实进点领着约机碍创场环";
    private static final String TRADITIONAL = "動標誌舉發揮經濟體牽紮實進點領著約機礙創場環";

    private static final String FULL_WIDTH_DIGITS = "０１２３４５６７８９";

    private static List<RecordDraft> corpus;

    /** The records' ids, in the order of {@link Corpus#all()}. */
    private static List<Long> ids;

    @Autowired
    RecordSearch search;

    @Autowired
    RecordEditor editor;

    /** A word no record holds, so that a test finds only its own records. */
    private final String marker =
            "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    @BeforeAll
    static void loadCorpus(@Autowired RecordEditor editor) {
        corpus = Corpus.all();
        ids = Corpus.importAll(editor, corpus);
    }

    @Test
    void traditionalCopyIsFoundBySimplifiedWords() {
        assertThat(corpus).anyMatch(draft -> draft.body().contains(PARAGRAPH));
        long copy = editor.create(
                Drafts.speech("繁體副本 " + marker)
                        .kind(RecordKind.REPORT)
                        .language("zh-Hant")
                        .body(traditional(PARAGRAPH))
                        .build(),
                "test",
                null);
        assertThat(allFound(marker)).containsOnly(copy);

        assertSoftly(soft -> {
            for (String word : List.of("经济", "发展", "体制机制")) {
                soft.assertThat(allFound(word + " " + marker)).as(word).containsOnly(copy);
            }
        });
    }

    @Test
    void traditionalAndSimplifiedWordsFindTheSameRecords() {
        Set<Long> simplified = allFound("经济");
        Set<Long> traditional = allFound("經濟");

        assertThat(traditional)
                .as("經濟 finds %d, 经济 finds %d", traditional.size(), simplified.size())
                .isEqualTo(simplified);
    }

    @Test
    void personIsFoundByTheTraditionalFormOfTheName() {
        int speech = IntStream.range(0, corpus.size())
                .filter(i -> corpus.get(i).people().stream().anyMatch(row -> "周恩来".equals(row.name())))
                .findFirst()
                .orElseThrow();
        Set<Long> simplified = allFound("周恩来");
        Set<Long> traditional = allFound("周恩來");

        assertThat(simplified).contains(ids.get(speech));
        assertThat(traditional)
                .as("周恩來 finds %d, 周恩来 finds %d", traditional.size(), simplified.size())
                .isEqualTo(simplified);
    }

    /**
     * A year with 年 finds every record that writes it so, with Western or full-width digits: also where 年 is followed
     * by another Han character (2020年经济), where the index holds 年 beside the bigram 年经.
     */
    @ParameterizedTest
    @ValueSource(strings = {"2020", "2010", "2008", "1978"})
    void yearFindsEveryReportThatNamesIt(String year) {
        String fullWidth = fullWidth(year);
        Set<Long> expected = IntStream.range(0, corpus.size())
                .filter(i -> {
                    String text = corpus.get(i).title() + "\n" + corpus.get(i).body();
                    return text.contains(year + "年") || text.contains(fullWidth + "年");
                })
                .mapToObj(ids::get)
                .collect(Collectors.toSet());
        assertThat(expected).isNotEmpty();

        assertSoftly(soft -> {
            for (String query : List.of(year + "年", fullWidth + "年")) {
                Set<Long> found = allFound(query);
                soft.assertThat(found)
                        .as("%s finds %d of the %d records", query, found.size(), expected.size())
                        .isEqualTo(expected);
            }
        });
    }

    /** The ids of every record the query finds, through all its pages. */
    private Set<Long> allFound(String query) {
        Set<Long> found = new HashSet<>();
        for (int page = 1; ; page++) {
            SearchResults results = search.search(SearchCriteria.everything()
                    .withSort(SearchSort.RELEVANCE)
                    .withQuery(query)
                    .withPage(page));
            results.hits().forEach(hit -> found.add(hit.record().id()));
            if (!results.hasNext()) {
                return found;
            }
        }
    }

    private static String traditional(String simplified) {
        StringBuilder text = new StringBuilder(simplified.length());
        simplified.chars().forEach(c -> {
            int at = SIMPLIFIED.indexOf(c);
            text.append(at < 0 ? (char) c : TRADITIONAL.charAt(at));
        });
        return text.toString();
    }

    private static String fullWidth(String digits) {
        return digits.chars()
                .mapToObj(c -> String.valueOf(FULL_WIDTH_DIGITS.charAt(c - '0')))
                .collect(Collectors.joining());
    }
}
