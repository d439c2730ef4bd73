package org.policyarchive.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyarchive.search.RecordFields.CURRENT_INDEX_VERSION;
import static org.policyarchive.search.RecordFields.INDEX_VERSION;

import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedNumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The start-up check that rebuilds an index written by an earlier version of the archive (documents of a lower
 * {@code indexVersion}, or without one), on Lucene indexes whose segments the test controls (no merges). That the check leaves a current index alone is tested through the
 * catch-up itself ({@link IndexConsistencyIntegrationTests}), which then reindexes nothing.
 */
class SearchIndexMaintenanceTests {

    @Test
    void anIndexIsRebuiltWhenOneOfItsDocumentsIsOfAnEarlierVersion() throws Exception {
        try (var directory = new ByteBuffersDirectory();
                var writer = new IndexWriter(
                        directory,
                        new IndexWriterConfig(new KeywordAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE))) {
            writer.addDocument(record(1, CURRENT_INDEX_VERSION));
            writer.commit();
            try (DirectoryReader current = DirectoryReader.open(writer)) {
                assertThat(SearchIndexMaintenance.isOutdated(current)).isFalse();
            }

            // a segment from before the field, beside a newer one that has it
            writer.addDocument(record(2, null));
            writer.commit();
            try (DirectoryReader mixed = DirectoryReader.open(writer)) {
                assertThat(mixed.leaves()).hasSize(2);
                assertThat(SearchIndexMaintenance.isOutdated(mixed)).isTrue();
            }

            // once the old document is gone, its empty segment does not matter
            writer.deleteDocuments(new Term("id", "2"));
            writer.commit();
            try (DirectoryReader cleaned = DirectoryReader.open(writer)) {
                assertThat(SearchIndexMaintenance.isOutdated(cleaned)).isFalse();
            }

            // one segment holding both, as a merge of old and new segments would write it
            writer.addDocument(record(3, CURRENT_INDEX_VERSION - 1));
            writer.addDocument(record(4, CURRENT_INDEX_VERSION));
            writer.commit();
            try (DirectoryReader merged = DirectoryReader.open(writer)) {
                assertThat(merged.leaves()
                                .get(merged.leaves().size() - 1)
                                .reader()
                                .maxDoc())
                        .isEqualTo(2);
                assertThat(SearchIndexMaintenance.isOutdated(merged)).isTrue();
            }
            writer.deleteDocuments(new Term("id", "3"));
            writer.commit();
            try (DirectoryReader cleaned = DirectoryReader.open(writer)) {
                assertThat(SearchIndexMaintenance.isOutdated(cleaned)).isFalse();
            }
        }
    }

    private static Document record(long id, @Nullable Integer version) {
        Document doc = new Document();
        doc.add(new StringField("id", String.valueOf(id), Field.Store.NO));
        if (version != null) {
            doc.add(new SortedNumericDocValuesField(INDEX_VERSION, version));
        }
        return doc;
    }
}
