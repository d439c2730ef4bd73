package org.policyarchive.search;

import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.hibernate.search.backend.lucene.LuceneBackend;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.stereotype.Component;

/** Runs the index's own analyzers on query text, to see which searchable tokens a word gives. */
@Component
class TextAnalysis {

    private final EntityManagerFactory entityManagerFactory;

    TextAnalysis(EntityManagerFactory entityManagerFactory) {
        this.entityManagerFactory = entityManagerFactory;
    }

    List<String> tokens(String analyzerName, String text) {
        Analyzer analyzer = Search.mapping(entityManagerFactory)
                .backend()
                .unwrap(LuceneBackend.class)
                .analyzer(analyzerName)
                .orElseThrow(() -> new IllegalStateException("No analyzer " + analyzerName));
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    static boolean hasHan(String text) {
        return text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }
}
