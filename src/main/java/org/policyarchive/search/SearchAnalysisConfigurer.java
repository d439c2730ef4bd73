package org.policyarchive.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cjk.CJKBigramFilterFactory;
import org.apache.lucene.analysis.cjk.CJKWidthFilterFactory;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.core.StopFilterFactory;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilterFactory;
import org.apache.lucene.analysis.en.PorterStemFilterFactory;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilterFactory;
import org.apache.lucene.analysis.ngram.EdgeNGramFilterFactory;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;
import org.springframework.stereotype.Component;

/**
 * The analyzers of the index. One analyzer handles mixed English and Chinese text: the standard tokenizer splits Han
 * characters one by one, the CJK bigram filter joins neighbours into overlapping bigrams (so 数字经济 is indexed as 数字,
 * 字经, 经济 and the two-character word 经济 matches), width folding turns full-width digits and letters into ASCII,
 * and English words are stemmed. The exact analyzer keeps words unstemmed and Han characters single, for quoted
 * phrases. The same analyzers also read query text ({@link TextAnalysis}).
 */
@Component(SearchAnalysisConfigurer.BEAN_NAME)
public class SearchAnalysisConfigurer implements LuceneAnalysisConfigurer {

    static final String BEAN_NAME = "searchAnalysisConfigurer";

    /** Stemmed English with Chinese bigrams: the default for words. */
    static final String TEXT = "text";
    /** Unstemmed, no stop words, single Han characters: for exact phrases. */
    static final String EXACT = "exact";
    /** Prefixes of every word, for suggestions while typing. */
    static final String PREFIX = "prefix";
    /** What a typed suggestion query goes through: {@link #PREFIX} without the prefixes. */
    static final String PREFIX_QUERY = "prefix_query";

    private static final Map<String, Analyzer> ANALYZERS =
            Map.of(TEXT, text(), EXACT, folding(false), PREFIX, folding(true), PREFIX_QUERY, folding(false));

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

    private static Analyzer text() {
        try {
            return CustomAnalyzer.builder()
                    .withTokenizer(StandardTokenizerFactory.class)
                    .addTokenFilter(CJKWidthFilterFactory.class)
                    .addTokenFilter(LowerCaseFilterFactory.class)
                    .addTokenFilter(EnglishPossessiveFilterFactory.class)
                    .whenTerm(SearchAnalysisConfigurer::mayFold)
                    .addTokenFilter(ASCIIFoldingFilterFactory.class)
                    .endwhen()
                    .addTokenFilter(CJKBigramFilterFactory.class)
                    .addTokenFilter(StopFilterFactory.class)
                    .addTokenFilter(PorterStemFilterFactory.class)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Analyzer folding(boolean prefixes) {
        try {
            CustomAnalyzer.Builder builder = CustomAnalyzer.builder()
                    .withTokenizer(StandardTokenizerFactory.class)
                    .addTokenFilter(CJKWidthFilterFactory.class)
                    .addTokenFilter(LowerCaseFilterFactory.class)
                    .whenTerm(SearchAnalysisConfigurer::mayFold)
                    .addTokenFilter(ASCIIFoldingFilterFactory.class)
                    .endwhen();
            if (prefixes) {
                builder.addTokenFilter(EdgeNGramFilterFactory.class, "minGramSize", "1", "maxGramSize", "20");
            }
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether ASCII folding can change a token: not when it is a CJK character (the tokenizer gives those one by
     * one), which folding leaves as it is but would look up, character by character, in a long switch.
     */
    private static boolean mayFold(CharSequence term) {
        return term.length() == 0 || term.charAt(0) < '\u2E80';
    }
}
