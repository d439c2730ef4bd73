package org.policyarchive.search;

import static org.policyarchive.search.RecordFields.RECORD_ID;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.Weight;

/**
 * The index's part of a search page or a browse page: the total, the facet counts and the ids of the page's records,
 * straight from Lucene. A query that matches few records runs once, counting facets and keeping the page's hits
 * together, like plain Lucene would. A query that matches many runs twice: first counting without scores, then for
 * the page's hits alone, which may skip the matches that cannot reach the page, where one pass would score and sort
 * every match. The search without words or filters counts from each segment's kept counts
 * ({@link FacetCounter#countEverything}).
 */
final class LuceneSearch {

    /**
     * Up to this many matches, as Lucene estimates them before searching, a search takes one pass. At a million
     * records a rare word (about 6,000 matches) or a person and a theme are under it, a common word (over 300,000)
     * far above. The limit sits between the benchmark's narrow and broad classes; it was not tuned in between.
     */
    static final long ONE_PASS_MAX_MATCHES = 20_000;

    private LuceneSearch() {}

    /**
     * What the index found: every match counted, and the page's records in order, by record id and by document number
     * in the reader searched (for {@link Highlights}).
     */
    record Found(FacetCounter.Counts counts, Page page) {

        List<Long> ids() {
            return page.ids();
        }
    }

    /** The page's hits: each one's record id and its document number in the reader searched. */
    record Page(List<Long> ids, List<Integer> docs) {}

    static Found search(IndexReader reader, Query query, Sort sort, int offset, int size) {
        return search(reader, query, sort, offset, size, ONE_PASS_MAX_MATCHES);
    }

    /** As {@link #search(IndexReader, Query, Sort, int, int)}, with another limit for one pass (for tests). */
    static Found search(IndexReader reader, Query query, Sort sort, int offset, int size, long onePassMaxMatches) {
        try {
            Searcher searcher = new Searcher(reader);
            int hits = offset + size;
            if (FacetCounter.isEverything(query)) {
                return new Found(FacetCounter.countEverything(reader), searcher.pageOnly(query, sort, hits, offset));
            }
            Estimated estimated = estimate(searcher, searcher.rewrite(query));
            // cheap when the estimate is known, since its words' statistics are looked up; else it gives the estimate
            Weight weight = searcher.createWeight(estimated.query(), ScoreMode.COMPLETE, 1f);
            long matches = estimated.matches() == UNKNOWN ? cost(weight, reader) : estimated.matches();
            if (matches <= onePassMaxMatches) {
                return searcher.onePass(weight, FacetCounter.manager(), sort, hits, offset);
            }
            FacetCounter.Counts counts = searcher.search(estimated.query(), FacetCounter.manager());
            return new Found(counts, searcher.pageOnly(estimated.query(), sort, hits, offset));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every match of {@code query} counted with its facet values, without hits. */
    static FacetCounter.Counts count(IndexReader reader, Query query) {
        if (FacetCounter.isEverything(query)) {
            return FacetCounter.countEverything(reader);
        }
        try {
            return new IndexSearcher(reader).search(query, FacetCounter.manager());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An index searcher that can also collect with a weight it made before, which Lucene only lets a subclass do. */
    private static final class Searcher extends IndexSearcher {

        Searcher(IndexReader reader) {
            super(reader);
        }

        /** Counts every match and keeps the page's hits, in one pass over the matches. */
        <C extends Collector> Found onePass(
                Weight weight, CollectorManager<C, FacetCounter.Counts> facets, Sort sort, int hits, int offset)
                throws IOException {
            C counter = facets.newCollector();
            TopFieldCollector top = new TopFieldCollectorManager(sort, hits, null, Integer.MAX_VALUE).newCollector();
            search(getIndexReader().leaves(), weight, MultiCollector.wrap(counter, top));
            return new Found(facets.reduce(List.of(counter)), page(getIndexReader(), top.topDocs(), offset));
        }

        /**
         * The page's hits of a search whose total is known, so that the search may stop counting and skip the
         * matches that cannot reach the page.
         */
        Page pageOnly(Query query, Sort sort, int hits, int offset) throws IOException {
            return page(getIndexReader(), search(query, new TopFieldCollectorManager(sort, hits, null, hits)), offset);
        }
    }

    /** A query whose terms carry their statistics, and Lucene's estimate of its matches or {@link #UNKNOWN}. */
    record Estimated(Query query, long matches) {}

    static final long UNKNOWN = -1;

    /**
     * Lucene's estimate of a query's matches from its words' document frequencies (exact for one word, more for a
     * conjunction: the fewest of its required parts), with its words' statistics looked up once, for the estimate and
     * the search, rather than asking the query's weight for each segment's scorer, which a narrow search felt. A
     * phrase, a date range or a query of filters alone (which Lucene's query cache may hold) is not estimated here,
     * unless it is optional beside required clauses.
     */
    static Estimated estimate(IndexSearcher searcher, Query query) throws IOException {
        if (query instanceof TermQuery term) {
            TermStates states = TermStates.build(searcher, term.getTerm(), true);
            return new Estimated(new TermQuery(term.getTerm(), states), states.docFreq());
        }
        if (query instanceof BoostQuery boost) {
            Estimated inner = estimate(searcher, boost.getQuery());
            return new Estimated(new BoostQuery(inner.query(), boost.getBoost()), inner.matches());
        }
        if (query instanceof MatchAllDocsQuery) {
            return new Estimated(query, searcher.getIndexReader().maxDoc());
        }
        if (!(query instanceof BooleanQuery bool) || bool.getMinimumNumberShouldMatch() > 0) {
            return new Estimated(query, UNKNOWN);
        }
        BooleanQuery.Builder estimated = new BooleanQuery.Builder();
        boolean conjunction = false;
        long required = Long.MAX_VALUE;
        long optional = 0;
        for (BooleanClause clause : bool) {
            Estimated part = estimate(searcher, clause.getQuery());
            estimated.add(part.query(), clause.getOccur());
            if (clause.isProhibited()) {
                continue;
            }
            if (clause.isRequired()) {
                conjunction = true;
                required =
                        part.matches() == UNKNOWN || required == UNKNOWN ? UNKNOWN : Math.min(required, part.matches());
            } else {
                optional = part.matches() == UNKNOWN || optional == UNKNOWN ? UNKNOWN : optional + part.matches();
            }
        }
        // optional clauses beside required ones (the words' proximity) only score: the required ones say how many
        return new Estimated(estimated.build(), conjunction ? required : optional);
    }

    /** Lucene's estimate of the matches, from each segment's scorer. */
    private static long cost(Weight weight, IndexReader reader) throws IOException {
        long cost = 0;
        for (LeafReaderContext leaf : reader.leaves()) {
            ScorerSupplier scorer = weight.scorerSupplier(leaf);
            if (scorer != null) {
                cost += scorer.cost();
            }
        }
        return cost;
    }

    /** The hits from {@code offset} on, with their record ids read from the id's doc values. */
    private static Page page(IndexReader reader, TopDocs top, int offset) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        List<Long> ids = new ArrayList<>();
        List<Integer> docs = new ArrayList<>();
        for (int i = offset; i < top.scoreDocs.length; i++) {
            ScoreDoc hit = top.scoreDocs[i];
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
            SortedNumericDocValues id = DocValues.getSortedNumeric(leaf.reader(), RECORD_ID);
            if (!id.advanceExact(hit.doc - leaf.docBase)) {
                throw new IllegalStateException("The search index lacks the record id field " + RECORD_ID
                        + "; rebuild it (admin page or --archive.reindex)");
            }
            ids.add(id.nextValue());
            docs.add(hit.doc);
        }
        return new Page(ids, docs);
    }
}
