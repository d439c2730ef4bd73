package org.policyarchive.search;

import static org.policyarchive.search.SearchAnalysisConfigurer.EXACT;
import static org.policyarchive.search.SearchAnalysisConfigurer.PREFIX;
import static org.policyarchive.search.SearchAnalysisConfigurer.PREFIX_QUERY;
import static org.policyarchive.search.SearchAnalysisConfigurer.TEXT;

import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;
import org.springframework.stereotype.Component;

/**
 * The analyzers of {@link SearchAnalysisConfigurer} for the Elasticsearch/OpenSearch backend, built from the
 * cluster's own components with the same order (see docs/scaling.md for the properties that select this backend).
 */
@Component(ElasticsearchSearchAnalysisConfigurer.BEAN_NAME)
public class ElasticsearchSearchAnalysisConfigurer implements ElasticsearchAnalysisConfigurer {

    static final String BEAN_NAME = "elasticsearchSearchAnalysisConfigurer";

    @Override
    public void configure(ElasticsearchAnalysisConfigurationContext context) {
        context.tokenFilter("archive_possessive").type("stemmer").param("language", "possessive_english");
        context.tokenFilter("archive_stop").type("stop").param("stopwords", "_english_");
        context.tokenFilter("archive_prefix")
                .type("edge_ngram")
                .param("min_gram", 1)
                .param("max_gram", 20);
        context.analyzer(TEXT)
                .custom()
                .tokenizer("standard")
                .tokenFilters(
                        "cjk_width",
                        "lowercase",
                        "archive_possessive",
                        "asciifolding",
                        "cjk_bigram",
                        "archive_stop",
                        "porter_stem");
        context.analyzer(EXACT).custom().tokenizer("standard").tokenFilters("cjk_width", "lowercase", "asciifolding");
        context.analyzer(PREFIX)
                .custom()
                .tokenizer("standard")
                .tokenFilters("cjk_width", "lowercase", "asciifolding", "archive_prefix");
        context.analyzer(PREFIX_QUERY)
                .custom()
                .tokenizer("standard")
                .tokenFilters("cjk_width", "lowercase", "asciifolding");
    }
}
