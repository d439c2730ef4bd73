package org.policyarchive.search;

import org.apache.lucene.analysis.cjk.CJKBigramFilterFactory;
import org.apache.lucene.analysis.cjk.CJKWidthFilterFactory;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.core.StopFilterFactory;
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
 * phrases.
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

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        context.analyzer(TEXT)
                .custom()
                .tokenizer(StandardTokenizerFactory.class)
                .tokenFilter(CJKWidthFilterFactory.class)
                .tokenFilter(LowerCaseFilterFactory.class)
                .tokenFilter(EnglishPossessiveFilterFactory.class)
                .tokenFilter(ASCIIFoldingFilterFactory.class)
                .tokenFilter(CJKBigramFilterFactory.class)
                .tokenFilter(StopFilterFactory.class)
                .tokenFilter(PorterStemFilterFactory.class);
        context.analyzer(EXACT)
                .custom()
                .tokenizer(StandardTokenizerFactory.class)
                .tokenFilter(CJKWidthFilterFactory.class)
                .tokenFilter(LowerCaseFilterFactory.class)
                .tokenFilter(ASCIIFoldingFilterFactory.class);
        context.analyzer(PREFIX)
                .custom()
                .tokenizer(StandardTokenizerFactory.class)
                .tokenFilter(CJKWidthFilterFactory.class)
                .tokenFilter(LowerCaseFilterFactory.class)
                .tokenFilter(ASCIIFoldingFilterFactory.class)
                .tokenFilter(EdgeNGramFilterFactory.class)
                .param("minGramSize", "1")
                .param("maxGramSize", "20");
        context.analyzer(PREFIX_QUERY)
                .custom()
                .tokenizer(StandardTokenizerFactory.class)
                .tokenFilter(CJKWidthFilterFactory.class)
                .tokenFilter(LowerCaseFilterFactory.class)
                .tokenFilter(ASCIIFoldingFilterFactory.class);
    }
}
