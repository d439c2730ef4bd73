package org.policyarchive.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyarchive.search.RecordFields.KIND;
import static org.policyarchive.search.RecordFields.STATUS;
import static org.policyarchive.search.RecordFields.YEAR;

import java.util.Map;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedNumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.policyarchive.record.RecordStatus;

/**
 * The counts of the search without words, which are kept per segment, with the years among them, on a Lucene index
 * whose segments the test controls (no merges), so that a deletion lands in a segment that was counted before.
 */
class FacetCounterTests {

    @Test
    void keptCountsFollowDeletionsInASegmentAlreadyCounted() throws Exception {
        try (var directory = new ByteBuffersDirectory();
                var writer = new IndexWriter(
                        directory,
                        new IndexWriterConfig(new KeywordAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE))) {
            writer.addDocument(record("1", "SPEECH", 1999));
            writer.addDocument(record("2", "SPEECH", 2001));
            writer.addDocument(record("3", "REPORT", null));
            writer.commit();
            DirectoryReader first = DirectoryReader.open(writer);
            FacetCounter.Counts counted = FacetCounter.countEverything(first);
            assertThat(counted.total()).isEqualTo(3);
            assertThat(counted.top(KIND, 10)).containsExactly(Map.entry("SPEECH", 2L), Map.entry("REPORT", 1L));
            assertThat(counted.years(10)).isEqualTo(Map.of(2001, 1L, 1999, 1L));

            writer.deleteDocuments(new Term("id", "2"));
            writer.addDocument(record("4", "REPORT", 1989));
            DirectoryReader second = DirectoryReader.openIfChanged(first, writer);
            first.close();
            FacetCounter.Counts recounted = FacetCounter.countEverything(second);
            assertThat(recounted.total()).isEqualTo(3);
            assertThat(recounted.top(KIND, 10)).containsExactly(Map.entry("REPORT", 2L), Map.entry("SPEECH", 1L));
            assertThat(recounted.decades(10)).containsExactly(Map.entry(1990, 1L), Map.entry(1980, 1L));
            second.close();
        }
    }

    @Test
    void topValuesAreTheMostFrequentFirstThenInTheOrderOfTheirValues() throws Exception {
        try (var directory = new ByteBuffersDirectory();
                var writer = new IndexWriter(directory, new IndexWriterConfig(new KeywordAnalyzer()))) {
            int id = 0;
            for (String kind : new String[] {"E", "C", "A", "D", "A", "C", "B", "A"}) {
                writer.addDocument(record(String.valueOf(id++), kind, null));
            }
            try (DirectoryReader reader = DirectoryReader.open(writer)) {
                FacetCounter.Counts counted = FacetCounter.countEverything(reader);
                assertThat(counted.top(KIND, 3))
                        .containsExactly(Map.entry("A", 3L), Map.entry("C", 2L), Map.entry("B", 1L));
                assertThat(counted.top(KIND, 10).keySet()).containsExactly("A", "C", "B", "D", "E");
                assertThat(counted.top(YEAR, 10)).isEmpty();
            }
        }
    }

    private static Document record(String id, String kind, @Nullable Integer year) {
        Document doc = new Document();
        doc.add(new StringField("id", id, Field.Store.NO));
        doc.add(new StringField(STATUS, RecordStatus.PUBLISHED.name(), Field.Store.NO));
        doc.add(new StringField(KIND, kind, Field.Store.NO));
        doc.add(new SortedSetDocValuesField(KIND, new BytesRef(kind)));
        if (year != null) {
            doc.add(new SortedNumericDocValuesField(YEAR, year));
        }
        return doc;
    }
}
