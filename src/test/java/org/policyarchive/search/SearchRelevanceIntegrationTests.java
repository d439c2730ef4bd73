package org.policyarchive.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.policyarchive.record.RecordDraft;
import org.policyarchive.record.RecordEditor;
import org.policyarchive.search.KnownItems.KnownItem;
import org.policyarchive.testing.CleanArchive;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * How well search finds what a reader is looking for, measured on the whole corpus with known-item queries
 * ({@link KnownItems}): a pasted passage, a speaker's name with a word, a rare word. Each set's figures go to the
 * standard output and {@code target/relevance.md}, so that a change to the analysis or the scoring can be compared
 * with the figures before it; the assertions hold the targets, or today's figures where there is no target yet.
 */
@Tag("long")
@SpringBootTest
@CleanArchive(perClass = true)
class SearchRelevanceIntegrationTests {

    private static final long SEED = 20_240_601L;
    private static final Path REPORT = Path.of("target", "relevance.md");

    /** Each measured set's figures, in the order measured. */
    private static final Map<String, Figures> measured = new LinkedHashMap<>();

    private static KnownItems knownItems;

    /** The records' ids, in the order of {@link Corpus#all()}: a known item's target. */
    private static List<Long> ids;

    @Autowired
    RecordSearch search;

    @BeforeAll
    static void loadCorpus(@Autowired RecordEditor editor) {
        List<RecordDraft> corpus = Corpus.all();
        ids = Corpus.importAll(editor, corpus);
        knownItems = new KnownItems(corpus);
    }

    /** The targets: a pasted passage finds its speech on the first page, nearly always first. */
    @Test
    void pastedSentenceFindsItsSpeechFirst() {
        Figures figures = measure("Pasted sentences (en)", knownItems.pastedSentences(200, SEED));

        // before (8838654): success@1 0.560, success@10 0.815, MRR@10 0.642, 2 rejected for a quotation mark without
        // its pair (now read as punctuation)
        assertSoftly(soft -> {
            soft.assertThat(figures.successAt10()).as("success@10").isGreaterThanOrEqualTo(0.95);
            soft.assertThat(figures.successAt1()).as("success@1").isGreaterThanOrEqualTo(0.85);
        });
    }

    @Test
    void pastedChinesePassageFindsItsReport() {
        Figures figures = measure("Pasted passages (zh)", knownItems.pastedChinese(30, SEED));

        // before (8838654): success@1 0.700, success@10 0.700, MRR@10 0.700
        assertThat(figures.successAt10()).as("success@10").isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void speakersNameAndARareWordFindTheSpeech() {
        Figures figures = measure("Name + word", knownItems.nameAndWord(100, SEED));

        // before (8838654): success@1 0.820, success@10 0.980, MRR@10 0.877
        assertSoftly(soft -> {
            soft.assertThat(figures.successAt10()).as("success@10").isGreaterThanOrEqualTo(0.98);
            soft.assertThat(figures.mrr()).as("MRR").isGreaterThanOrEqualTo(0.87);
        });
    }

    @Test
    void rareWordFindsTheSpeech() {
        Figures figures = measure("Rare word", knownItems.rareWord(100, SEED));

        // before (8838654): success@1 0.600, success@10 0.900, MRR@10 0.713
        assertSoftly(soft -> {
            soft.assertThat(figures.successAt10()).as("success@10").isGreaterThanOrEqualTo(0.90);
            soft.assertThat(figures.mrr()).as("MRR").isGreaterThanOrEqualTo(0.71);
        });
    }

    /**
     * Searches each item's query, ranked by relevance as the search form does, and notes where on the first page its
     * target is. A query that search rejects (a pasted passage with one quotation mark) counts as a miss.
     */
    private Figures measure(String set, List<KnownItem> items) {
        int first = 0;
        int onFirstPage = 0;
        int rejected = 0;
        double reciprocalRanks = 0;
        for (KnownItem item : items) {
            int rank = rank(item);
            if (rank < 0) {
                rejected++;
            } else if (rank > 0) {
                first += rank == 1 ? 1 : 0;
                onFirstPage++;
                reciprocalRanks += 1.0 / rank;
            }
        }
        int n = items.size();
        Figures figures = new Figures(n, rejected, (double) first / n, (double) onFirstPage / n, reciprocalRanks / n);
        measured.put(set, figures);
        return figures;
    }

    /** The target's rank on the first page (1 to {@value RecordSearch#PAGE_SIZE}), 0 if not there, -1 if rejected. */
    private int rank(KnownItem item) {
        SearchResults results;
        try {
            results = search.search(
                    SearchCriteria.everything().withSort(SearchSort.RELEVANCE).withQuery(item.query()));
        } catch (InvalidSearchException e) {
            return -1;
        }
        long target = ids.get(item.target());
        for (int i = 0; i < results.hits().size(); i++) {
            if (results.hits().get(i).record().id() == target) {
                return i + 1;
            }
        }
        return 0;
    }

    @AfterAll
    static void report() throws IOException {
        StringBuilder table = new StringBuilder("| set | n | rejected | success@1 | success@10 | MRR@10 |\n")
                .append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
        measured.forEach((set, f) -> table.append(String.format(
                Locale.ROOT,
                "| %s | %d | %d | %.3f | %.3f | %.3f |%n",
                set,
                f.n(),
                f.rejected(),
                f.successAt1(),
                f.successAt10(),
                f.mrr())));
        System.out.print(table);
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, "# Search relevance on the corpus (seed " + SEED + ")\n\n" + table);
    }

    /**
     * A set's figures: the share of items whose target came first, and on the first page; the mean reciprocal rank
     * of the target on the first page (0 below it); how many queries search rejected.
     */
    private record Figures(int n, int rejected, double successAt1, double successAt10, double mrr) {}
}
