package org.policyarchive.search;

import static org.policyarchive.search.RecordFields.RECORD_ID;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TopDocs;
import org.policyarchive.person.PersonDirectory;
import org.policyarchive.record.Kinds;
import org.policyarchive.theme.ThemeVocabulary;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every published record a search matches, not one page of them: for exports of a search. The ids come in ascending
 * order a batch at a time, read from one view of the index with Lucene's search-after, so that a search matching a
 * million records needs one batch in memory, and the caller loads and writes each batch before the next is read.
 */
@Service
@Transactional(readOnly = true)
public class RecordMatches {

    private static final Sort BY_ID = new Sort(new SortedNumericSortField(RECORD_ID, SortField.Type.LONG));

    private final RecordIndex index;
    private final PersonDirectory people;
    private final ThemeVocabulary themes;
    private final Kinds kinds;

    RecordMatches(RecordIndex index, PersonDirectory people, ThemeVocabulary themes, Kinds kinds) {
        this.index = index;
        this.people = people;
        this.themes = themes;
        this.kinds = kinds;
    }

    /**
     * The published records that the search page's parameters match: the query and every filter (the sort and the
     * page are ignored). Checked here, before anything is written.
     *
     * @throws InvalidSearchException when a parameter is malformed or names nothing that exists, or the query cannot
     *     be read or has nothing to search for
     */
    public Matches find(SearchForm form) {
        SearchCriteria criteria = form.resolve(people, themes, kinds);
        return new Matches(
                LuceneRecordQuery.of(criteria, LuceneRecordQuery.searchable(QueryParser.parse(criteria.query()))));
    }

    /** A checked search, whose matches are read a batch at a time. */
    public final class Matches {

        private final Query query;

        private Matches(Query query) {
            this.query = query;
        }

        /** Hands the ids of the matches to {@code batches}, at most {@code batchSize} at a time, in ascending order. */
        public void forEachBatch(int batchSize, Consumer<List<Long>> batches) {
            read(query, batchSize, batches);
        }
    }

    private void read(Query query, int batchSize, Consumer<List<Long>> batches) {
        index.read(reader -> {
            IndexSearcher searcher = new IndexSearcher(reader);
            ScoreDoc after = null;
            while (true) {
                TopDocs top = after == null
                        ? searcher.search(query, batchSize, BY_ID)
                        : searcher.searchAfter(after, query, batchSize, BY_ID);
                if (top.scoreDocs.length == 0) {
                    return null;
                }
                List<Long> ids = new ArrayList<>(top.scoreDocs.length);
                for (ScoreDoc hit : top.scoreDocs) {
                    ids.add((Long) ((FieldDoc) hit).fields[0]);
                }
                batches.accept(ids);
                if (top.scoreDocs.length < batchSize) {
                    return null;
                }
                after = top.scoreDocs[top.scoreDocs.length - 1];
            }
        });
    }
}
