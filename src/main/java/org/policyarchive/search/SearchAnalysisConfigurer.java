package org.policyarchive.search;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.ConditionalTokenFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;
import org.springframework.stereotype.Component;

/**
 * The analyzers of the index (docs/search.md, "Analysis"). One analyzer handles mixed English and Chinese text: the
 * standard tokenizer splits Han characters one by one, Traditional characters are folded into Simplified ones, and
 * the CJK bigram filter joins neighbours into overlapping bigrams, keeping each character too in the index (so
 * 数字经济 is indexed as 数 数字 字 字经 经 经济 济: the word 经济 matches its bigram, and 年 in 2020年 its
 * character wherever it stands). Width folding turns full-width digits and letters into ASCII, and English words lose
 * their inflections (KStem: economies → economy, regulated → regulate, but digital stays apart from digit). The
 * exact analyzer keeps words as written and Han characters single, for quoted phrases. The same analyzers also
 * read query text ({@link TextAnalysis}).
 */
@Component(SearchAnalysisConfigurer.BEAN_NAME)
public class SearchAnalysisConfigurer implements LuceneAnalysisConfigurer {

    static final String BEAN_NAME = "searchAnalysisConfigurer";

    /** Words for the index: English without inflections, Chinese bigrams and characters. */
    static final String TEXT = "text";
    /**
     * What a query's words go through: {@link #TEXT} with bigrams alone, since a query's character matters only
     * where it has no neighbour (年 in 2020年, a one-character search).
     */
    static final String TEXT_QUERY = "text_query";
    /** Words as written, with stop words, single Han characters: for exact phrases. */
    static final String EXACT = "exact";
    /** Prefixes of every word, for suggestions while typing. */
    static final String PREFIX = "prefix";
    /** What a typed suggestion query goes through: {@link #PREFIX} without the prefixes. */
    static final String PREFIX_QUERY = "prefix_query";

    /**
     * Words too common to find anything on their own: Lucene's English stop words with the pronouns, auxiliaries
     * and conjunctions of the Snowball list, and "also". Words that carry meaning in policy texts stay searchable
     * ("against", "before", "more", "who" for WHO, "us" for US). Quoted phrases still find them, in the exact fields,
     * and so does a search of nothing else ({@link LuceneRecordQuery#searchable}).
     */
    static final CharArraySet STOP_WORDS = new CharArraySet(List.of("""
                    a about also am an and any are as at be been being both but by can could did do does doing
                    each for from had has have having he her here hers herself him himself his how i if in into is it
                    its itself me my myself no nor not of on or our ours ourselves ought she should so some such than
                    that the their theirs them themselves then there these they this those through to too until was
                    we were what when where which while whom why will with would you your yours yourself yourselves
                    """.split("\\s+")), false);

    private static final Map<String, Analyzer> ANALYZERS = Map.of(
            TEXT, new Chain(Words.STEMMED_WITH_CHARACTERS),
            TEXT_QUERY, new Chain(Words.STEMMED),
            EXACT, new Chain(Words.AS_WRITTEN),
            PREFIX, new Chain(Words.PREFIXES),
            PREFIX_QUERY, new Chain(Words.AS_WRITTEN));

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        ANALYZERS.forEach((name, analyzer) -> context.analyzer(name).instance(analyzer));
    }

    static Analyzer analyzer(String name) {
        Analyzer analyzer = ANALYZERS.get(name);
        if (analyzer == null) {
            throw new IllegalArgumentException("No analyzer " + name);
        }
        return analyzer;
    }

    /** What becomes of the words once they are split, folded and lower-cased. */
    private enum Words {
        STEMMED_WITH_CHARACTERS,
        STEMMED,
        AS_WRITTEN,
        PREFIXES
    }

    /** The one chain behind every analyzer, so that they cannot fold text differently. */
    private static final class Chain extends Analyzer {

        private static final int CJK_SCRIPTS =
                CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL;

        private final Words words;

        Chain(Words words) {
            this.words = words;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream stream = new LowerCaseFilter(new CJKWidthFilter(source));
            boolean stemmed = words == Words.STEMMED || words == Words.STEMMED_WITH_CHARACTERS;
            if (stemmed) {
                stream = new EnglishPossessiveFilter(stream);
            }
            stream = new HanScriptFolding(new LatinFolding(stream));
            if (stemmed) {
                boolean characters = words == Words.STEMMED_WITH_CHARACTERS;
                stream = new CJKBigramFilter(stream, CJK_SCRIPTS, characters);
                if (!characters) {
                    stream = new RunEndPositions(stream);
                }
                stream = new KStemFilter(new StopFilter(stream, STOP_WORDS));
            } else if (words == Words.PREFIXES) {
                stream = new EdgeNGramTokenFilter(stream, 1, 20, false);
            }
            return new TokenStreamComponents(source, stream);
        }
    }

    /**
     * Gives a query's bigrams the positions they have in the index. The index holds each character of a run at its
     * own position, with its bigram beside it; a query's run of n characters gives n - 1 bigrams, one position short
     * of the index's n. Without the missing position, a phrase that goes on past the run (目标、工作: 目标 then 工作)
     * would look for its next word one position too early and never match.
     */
    private static final class RunEndPositions extends TokenFilter {

        private final TypeAttribute type = addAttribute(TypeAttribute.class);
        private final OffsetAttribute offsets = addAttribute(OffsetAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private boolean afterBigram;
        private int lastBigramEnd;

        RunEndPositions(TokenStream input) {
            super(input);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            boolean bigram = CJKBigramFilter.DOUBLE_TYPE.equals(type.type());
            // a bigram that overlaps the last one goes on with its run; anything else starts after the run's end
            if (afterBigram && !(bigram && offsets.startOffset() < lastBigramEnd)) {
                increment.setPositionIncrement(increment.getPositionIncrement() + 1);
            }
            afterBigram = bigram;
            lastBigramEnd = offsets.endOffset();
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            afterBigram = false;
            lastBigramEnd = 0;
        }
    }

    /**
     * ASCII folding (é → e) of the tokens it can change: not CJK characters (the tokenizer gives those one by one),
     * which folding leaves as they are but would look up, character by character, in a long switch.
     */
    private static final class LatinFolding extends ConditionalTokenFilter {

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        LatinFolding(TokenStream input) {
            super(input, ASCIIFoldingFilter::new);
        }

        @Override
        protected boolean shouldFilter() {
            return term.length() == 0 || term.charAt(0) < '\u2E80';
        }
    }
}
