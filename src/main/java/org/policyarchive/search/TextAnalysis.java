package org.policyarchive.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.springframework.stereotype.Component;

/** Runs the index's analyzers on query text, to see which searchable tokens a word gives. */
@Component
class TextAnalysis {

    List<String> tokens(String analyzerName, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream =
                SearchAnalysisConfigurer.analyzer(analyzerName).tokenStream("", text)) {
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
}
