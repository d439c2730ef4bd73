package org.policyarchive.search;

import static org.policyarchive.search.RecordFields.BODY;
import static org.policyarchive.search.RecordFields.SUMMARY;
import static org.policyarchive.search.RecordFields.TITLE;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.jspecify.annotations.Nullable;
import org.policyarchive.record.RecordListing;

/**
 * Marks the query's words in the hits of a page: the whole title, and the best sentence of the summary and of the
 * body, in the text loaded with the record, with {@link RecordSearch#MARK_START} and {@link RecordSearch#MARK_END}.
 * Lucene's unified highlighter reads where each word stands from the index's postings (the text fields keep their
 * offsets, {@link TextWithOffsetsBinder}) instead of analysing each hit's whole text again, which cost most of a
 * search page for long texts. A phrase is marked only where its words stand together, and the sentence chosen is
 * the one with most of the query's words, which puts a pasted sentence's own sentence first.
 */
final class Highlights {

    private static final String[] FIELDS = {TITLE, SUMMARY, BODY};

    private Highlights() {}

    /** One hit's marked texts: each null when nothing in it matched. */
    record Marked(
            @Nullable String title,
            @Nullable String summary,
            @Nullable String body) {}

    /**
     * The marked texts of each record, by record id.
     *
     * @param reader the reader that found the records, since {@code docs} are its document numbers
     * @param docs each record's document number, in the order of {@code records}
     */
    static Map<Long, Marked> mark(IndexReader reader, Query query, List<RecordListing> records, List<Integer> docs) {
        Map<Integer, RecordListing> byDoc = new HashMap<>();
        int[] docIds = new int[records.size()];
        for (int i = 0; i < docIds.length; i++) {
            docIds[i] = docs.get(i);
            byDoc.put(docIds[i], records.get(i));
        }
        int[] passages = {1, 1, 1};
        Map<String, String[]> marked;
        try {
            marked = new Highlighter(new IndexSearcher(reader), byDoc).highlightFields(FIELDS, query, docIds, passages);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<Long, Marked> byRecord = new HashMap<>();
        for (int i = 0; i < docIds.length; i++) {
            byRecord.put(
                    records.get(i).id(),
                    new Marked(found(marked, TITLE, i), found(marked, SUMMARY, i), found(marked, BODY, i)));
        }
        return byRecord;
    }

    private static @Nullable String found(Map<String, String[]> marked, String field, int hit) {
        String text = marked.get(field)[hit];
        return text == null || text.indexOf(RecordSearch.MARK_START) < 0 ? null : text;
    }

    /** The unified highlighter over texts that come from PostgreSQL rather than from stored fields. */
    private static final class Highlighter extends UnifiedHighlighter {

        private static final BreakIterator SENTENCES = BreakIterator.getSentenceInstance(Locale.ROOT);

        private final Map<Integer, RecordListing> byDoc;

        Highlighter(IndexSearcher searcher, Map<Integer, RecordListing> byDoc) {
            super(builder(searcher, SearchAnalysisConfigurer.analyzer(SearchAnalysisConfigurer.TEXT))
                    .withFormatter(new DefaultPassageFormatter(
                            String.valueOf(RecordSearch.MARK_START),
                            String.valueOf(RecordSearch.MARK_END),
                            " … ",
                            false))
                    .withMaxNoHighlightPassages(0)
                    // each word marked on its own, also within a phrase: "Granaries of Rome", not one span
                    .withWeightMatches(false)
                    // offsets come from the postings, so a long text costs no more than a short one
                    .withMaxLength(Integer.MAX_VALUE - 1));
            this.byDoc = byDoc;
        }

        @Override
        protected OffsetSource getOffsetSource(String field) {
            return OffsetSource.POSTINGS; // known: asking the index would merge every segment's field infos
        }

        @Override
        protected BreakIterator getBreakIterator(String field) {
            return TITLE.equals(field) ? new WholeBreakIterator() : (BreakIterator) SENTENCES.clone();
        }

        @Override
        protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold)
                throws IOException {
            List<CharSequence[]> values = new ArrayList<>();
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                RecordListing record = byDoc.get(doc);
                CharSequence[] texts = new CharSequence[fields.length];
                for (int i = 0; i < fields.length; i++) {
                    texts[i] = text(record, fields[i]);
                }
                values.add(texts);
            }
            return values;
        }

        private static String text(RecordListing record, String field) {
            String text = switch (field) {
                case TITLE -> record.title();
                case SUMMARY -> record.summary();
                case BODY -> record.body();
                default -> throw new IllegalArgumentException(field);
            };
            return text == null ? "" : text;
        }
    }
}
