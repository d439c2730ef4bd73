package org.policyarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * The estimate that chooses one pass or two ({@link LuceneSearch#estimate}): read from the words' document
 * frequencies, or left to the query's weight, and a query that finds what the query given finds.
 */
class LuceneSearchTests {

    @Test
    void estimatesFromTheWordsDocumentFrequencies() throws Exception {
        try (var directory = new ByteBuffersDirectory();
                var writer = new IndexWriter(directory, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
            writer.addDocument(record("budget deficit", "trade", "7"));
            writer.addDocument(record("budget", "budget trade", "7"));
            writer.addDocument(record("budget", "deficit", "8"));
            writer.addDocument(record("trade", "budget", "8"));
            try (DirectoryReader reader = DirectoryReader.open(writer)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                // "budget" is in three titles and two bodies, in four records
                Query word = new BooleanQuery.Builder()
                        .add(new BoostQuery(term("title", "budget"), 4f), Occur.SHOULD)
                        .add(term("body", "budget"), Occur.SHOULD)
                        .build();
                Query byPerson = new BooleanQuery.Builder()
                        .add(word, Occur.MUST)
                        .add(term("person", "7"), Occur.FILTER)
                        .add(term("title", "deficit"), Occur.MUST_NOT)
                        .build();
                Query phrase = new BooleanQuery.Builder()
                        .add(new PhraseQuery("title", "budget", "deficit"), Occur.MUST)
                        .add(term("person", "7"), Occur.FILTER)
                        .build();
                Query filtersAlone = new ConstantScoreQuery(term("person", "8"));

                assertEstimate(searcher, word, 5);
                assertEstimate(searcher, byPerson, 2);
                assertEstimate(searcher, phrase, LuceneSearch.UNKNOWN);
                assertEstimate(searcher, filtersAlone, LuceneSearch.UNKNOWN);
            }
        }
    }

    private static void assertEstimate(IndexSearcher searcher, Query query, long matches) throws Exception {
        LuceneSearch.Estimated estimated = LuceneSearch.estimate(searcher, query);
        assertThat(estimated.matches()).as(query.toString()).isEqualTo(matches);
        assertThat(estimated.query()).isEqualTo(query);
        assertThat(searcher.search(estimated.query(), 10).scoreDocs)
                .usingRecursiveFieldByFieldElementComparator()
                .containsExactly(searcher.search(query, 10).scoreDocs);
    }

    private static Query term(String field, String value) {
        return new TermQuery(new Term(field, value));
    }

    private static Document record(String title, String body, String person) {
        Document doc = new Document();
        doc.add(new TextField("title", title, Field.Store.NO));
        doc.add(new TextField("body", body, Field.Store.NO));
        doc.add(new StringField("person", person, Field.Store.NO));
        return doc;
    }
}
