package org.policyarchive.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.jspecify.annotations.Nullable;

/**
 * Marks the query's words in a hit's title and in its best sentence, in the text loaded with the record, with
 * {@link RecordSearch#MARK_START} and {@link RecordSearch#MARK_END}. Lucene's unified highlighter re-analyses the
 * text with the index's analyzer. Highlighting through Hibernate Search read every hit's stored fields and merged
 * the field infos of every segment once per field and hit: at 1,000,000 records, most of a rare word's search time.
 * This way is the same for every backend.
 */
final class Highlights {

    /** Text past this many characters is not highlighted (the snippet then shows the start). */
    private static final int MAX_LENGTH = 20_000;

    private static final UnifiedHighlighter WHOLE = highlighter(WholeBreakIterator::new);
    private static final UnifiedHighlighter SENTENCE =
            highlighter(() -> BreakIterator.getSentenceInstance(Locale.ROOT));

    private Highlights() {}

    private static UnifiedHighlighter highlighter(Supplier<BreakIterator> breaks) {
        return UnifiedHighlighter.builderWithoutSearcher(
                        SearchAnalysisConfigurer.analyzer(SearchAnalysisConfigurer.TEXT))
                .withBreakIterator(breaks)
                .withFormatter(new DefaultPassageFormatter(
                        String.valueOf(RecordSearch.MARK_START), String.valueOf(RecordSearch.MARK_END), " … ", false))
                .withMaxNoHighlightPassages(0)
                .withMaxLength(MAX_LENGTH)
                .build();
    }

    /** The whole text with its matches marked, or null when nothing in it matches. */
    static @Nullable String whole(Query query, String field, String text) {
        return highlight(WHOLE, query, field, text);
    }

    /** The sentence with the best matches, marked, or null when nothing matches. */
    static @Nullable String sentence(Query query, String field, String text) {
        return highlight(SENTENCE, query, field, text);
    }

    private static @Nullable String highlight(UnifiedHighlighter highlighter, Query query, String field, String text) {
        try {
            Object marked = highlighter.highlightWithoutSearcher(field, query, text, 1);
            return marked == null || marked.toString().indexOf(RecordSearch.MARK_START) < 0 ? null : marked.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
