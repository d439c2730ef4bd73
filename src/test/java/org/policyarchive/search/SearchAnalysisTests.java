package org.policyarchive.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyarchive.search.SearchAnalysisConfigurer.EXACT;
import static org.policyarchive.search.SearchAnalysisConfigurer.TEXT;
import static org.policyarchive.search.SearchAnalysisConfigurer.TEXT_QUERY;

import java.util.List;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The analyzers on the words where a search's recall and precision are decided (docs/search.md, "Analysis"). */
class SearchAnalysisTests {

    private final TextAnalysis analysis = new TextAnalysis();

    /** Words that Porter's stemmer made one and that mean different things: each must stay itself. */
    @ParameterizedTest
    @CsvSource({
        "digital, digit",
        "general, generous",
        "generation, general",
        "university, universe",
        "police, policy",
        "organization, organ",
        "communism, community",
        "communication, community",
        "experiment, experience",
        "national, nation",
        "industrial, industrious",
        "importance, important",
        "army, arms",
        "news, new",
        "marine, marinate"
    })
    void keepsApartWordsOfDifferentMeaning(String one, String other) {
        assertThat(stem(one)).isNotEqualTo(stem(other));
    }

    /** Inflections of one word, which a search for either should find. */
    @ParameterizedTest
    @CsvSource({
        "economy, economies",
        "regulate, regulated",
        "regulate, regulates",
        "regulate, regulating",
        "tax, taxes",
        "policy, policies",
        "nation, nations",
        "reform, reforms",
        "reform, reformed",
        "negotiation, negotiations"
    })
    void joinsInflectionsOfOneWord(String one, String other) {
        assertThat(stem(one)).isEqualTo(stem(other));
    }

    @ParameterizedTest
    @ValueSource(strings = {"we", "also", "our", "would", "the", "been"})
    void dropsWordsTooCommonToFindAnything(String word) {
        assertThat(analysis.tokens(TEXT_QUERY, word)).isEmpty();
        assertThat(analysis.tokens(EXACT, word)).containsExactly(word);
    }

    @ParameterizedTest
    @ValueSource(strings = {"against", "before", "who", "us", "more"})
    void keepsCommonWordsThatCarryMeaning(String word) {
        assertThat(analysis.tokens(TEXT_QUERY, word)).isNotEmpty();
    }

    @ParameterizedTest
    @CsvSource({"經濟, 经济", "周恩來, 周恩来", "發展, 发展", "臺灣, 台湾"})
    void foldsTraditionalChineseIntoSimplified(String traditional, String simplified) {
        for (String analyzer : List.of(TEXT, TEXT_QUERY, EXACT)) {
            assertThat(analysis.tokens(analyzer, traditional))
                    .as(analyzer)
                    .isEqualTo(analysis.tokens(analyzer, simplified));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2020年奥运会", "２０２０年奥运会", "在2020年，"})
    void indexesEachHanCharacterBesideItsBigrams(String text) {
        // the query 2020年 is 2020 then 年: the index holds 年 even where a character follows it
        assertThat(analysis.tokens(TEXT_QUERY, "2020年")).containsExactly("2020", "年");
        assertThat(analysis.tokens(TEXT, text)).containsSubsequence("2020", "年");
    }

    @ParameterizedTest
    @CsvSource({"数字经济, 数字 字经 经济", "经济, 经济", "年, 年"})
    void readsChineseQueriesAsBigramsAndLoneCharacters(String query, String tokens) {
        assertThat(analysis.tokens(TEXT_QUERY, query)).containsExactly(tokens.split(" "));
    }

    /** A query's words, as a phrase, find the text they were cut from: the query's positions are the index's. */
    @ParameterizedTest
    @CsvSource({
        "发展目标、工作任务全面完成, 目标、工作任务",
        "就。会议强调, 就。会议",
        "在2020年奥运会上, 2020年奥运会",
        "数字经济growth of 2023, 数字经济growth",
        "經濟發展, 经济发展",
        "the rule of law and order, rule of law"
    })
    void queryPhrasesFindTheTextTheyWereCutFrom(String text, String query) {
        MemoryIndex index = new MemoryIndex();
        index.addField("body", text, SearchAnalysisConfigurer.analyzer(TEXT));
        Query phrase = new QueryBuilder(SearchAnalysisConfigurer.analyzer(TEXT_QUERY)).createPhraseQuery("body", query);
        assertThat(index.search(phrase)).as(phrase.toString()).isPositive();
    }

    private String stem(String word) {
        List<String> tokens = analysis.tokens(TEXT_QUERY, word);
        assertThat(tokens).as(word).hasSize(1);
        return tokens.get(0);
    }
}
