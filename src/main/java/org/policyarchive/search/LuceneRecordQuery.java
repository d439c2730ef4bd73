package org.policyarchive.search;

import static org.policyarchive.search.RecordFields.*;

import java.util.List;
import java.util.Map;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.jspecify.annotations.Nullable;
import org.policyarchive.record.RecordStatus;
import org.policyarchive.search.QueryParser.ParsedQuery;

/**
 * A search as one Lucene query over the record index's fields: words, phrases, exclusions and OR with their
 * fields' boosts, and the filters. {@link LuceneSearch} runs it for the page of hits, the total and the facet counts,
 * so they always agree.
 */
final class LuceneRecordQuery {

    private LuceneRecordQuery() {}

    static Query of(SearchCriteria criteria, ParsedQuery parsed) {
        BooleanQuery.Builder bool = new BooleanQuery.Builder();
        bool.add(new TermQuery(new Term(STATUS, RecordStatus.PUBLISHED.name())), Occur.FILTER);
        QueryParser.Clauses<Query> clauses = parsed.clauses(LuceneRecordQuery::termQuery);
        for (List<Query> group : clauses.required()) {
            if (group.size() == 1) {
                bool.add(group.get(0), Occur.MUST);
            } else {
                BooleanQuery.Builder or = new BooleanQuery.Builder();
                group.forEach(q -> or.add(q, Occur.SHOULD));
                bool.add(or.build(), Occur.MUST);
            }
        }
        clauses.excluded().forEach(q -> bool.add(q, Occur.MUST_NOT));
        if (clauses.required().isEmpty()) {
            bool.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        addFilters(bool, criteria);
        return bool.build();
    }

    /**
     * The order of the hits, undated records last. Lucene's own sort fields let a date order skip the records that
     * cannot reach the page (through the date's points), where Hibernate Search's sort reads every match's date.
     * Without words every match scores the same, so relevance is the newest first, which can skip too.
     */
    static Sort sort(SearchSort sort, ParsedQuery parsed) {
        boolean scored = !parsed.required().isEmpty();
        return switch (sort == SearchSort.RELEVANCE && !scored ? SearchSort.NEWEST : sort) {
            case RELEVANCE -> new Sort(SortField.FIELD_SCORE, date(true));
            case NEWEST -> new Sort(date(true), SortField.FIELD_SCORE);
            case OLDEST -> new Sort(date(false), SortField.FIELD_SCORE);
        };
    }

    private static SortField date(boolean newestFirst) {
        SortField date = new SortedNumericSortField(DATE, SortField.Type.LONG, newestFirst);
        date.setMissingValue(newestFirst ? Long.MIN_VALUE : Long.MAX_VALUE);
        return date;
    }

    private static void addFilters(BooleanQuery.Builder bool, SearchCriteria c) {
        if (c.person() != null) {
            long id = c.person().getId();
            bool.add(
                    c.role() == null
                            ? keyword(PERSON, String.valueOf(id))
                            : keyword(PERSON_ROLE, personRole(id, c.role().code())),
                    Occur.FILTER);
        } else if (c.role() != null) {
            bool.add(keyword(ROLE, c.role().code()), Occur.FILTER);
        }
        if (c.theme() != null) {
            bool.add(keyword(THEME, String.valueOf(c.theme().getId())), Occur.FILTER);
        }
        if (c.kind() != null) {
            bool.add(keyword(KIND, c.kind().name()), Occur.FILTER);
        }
        if (c.language() != null) {
            bool.add(keyword(LANGUAGE, c.language()), Occur.FILTER);
        }
        if (c.from() != null || c.to() != null) {
            // Hibernate Search indexes a LocalDate as a LongPoint of its epoch day
            long from = c.from() == null ? Long.MIN_VALUE : c.from().toEpochDay();
            long to = c.to() == null ? Long.MAX_VALUE : c.to().toEpochDay();
            bool.add(LongPoint.newRangeQuery(DATE, from, to), Occur.FILTER);
        }
    }

    private static Query keyword(String field, String value) {
        return new TermQuery(new Term(field, value));
    }

    /**
     * What {@link Highlights} marks: every required word and phrase, as words of the analysed text (a phrase's
     * unstemmed field is not what the highlighter analyses), or null when the query has no words.
     */
    static @Nullable Query highlight(ParsedQuery parsed) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        int count = 0;
        for (List<QueryParser.Term> group : parsed.required()) {
            for (QueryParser.Term term : group) {
                Query q = fieldsQuery(term.text(), false);
                if (q != null) {
                    any.add(q, Occur.SHOULD);
                    count++;
                }
            }
        }
        return count == 0 ? null : any.build();
    }

    /**
     * One word or phrase in every word field with its boost, or null when the analyzers leave nothing of it. The
     * choice of analyzer and field is {@link #isExact}'s; a word of several tokens (Chinese, hyphenated)
     * becomes a phrase of them, as in the predicate.
     */
    private static @Nullable Query termQuery(QueryParser.Term term) {
        return fieldsQuery(term.text(), isExact(term));
    }

    /** Whether a term is looked up unstemmed: a quoted phrase, or a single Han character (bigrams have none). */
    static boolean isExact(QueryParser.Term term) {
        return term.phrase()
                || (TextAnalysis.hasHan(term.text()) && term.text().strip().length() == 1);
    }

    private static @Nullable Query fieldsQuery(String text, boolean exact) {
        String analyzer = exact ? SearchAnalysisConfigurer.EXACT : SearchAnalysisConfigurer.TEXT;
        QueryBuilder builder = new QueryBuilder(SearchAnalysisConfigurer.analyzer(analyzer));
        BooleanQuery.Builder fields = new BooleanQuery.Builder();
        @Nullable Query first = null;
        for (Map.Entry<String, Float> field : WORD_FIELDS.entrySet()) {
            String name = exact ? exact(field.getKey()) : field.getKey();
            // the word fields share one analyzer: moving the first field's query saves analysing the text again
            Query q = first == null ? null : onField(first, name);
            if (q == null) {
                q = builder.createPhraseQuery(name, text);
            }
            if (q == null) {
                return null;
            }
            first = q;
            fields.add(new BoostQuery(q, field.getValue()), Occur.SHOULD);
        }
        return fields.build();
    }

    /** A word's query on another field: one term, or a phrase of its tokens; null for any other kind. */
    private static @Nullable Query onField(Query query, String field) {
        if (query instanceof TermQuery term) {
            return new TermQuery(new Term(field, term.getTerm().bytes()));
        }
        if (!(query instanceof PhraseQuery phrase)) {
            return null;
        }
        PhraseQuery.Builder moved = new PhraseQuery.Builder().setSlop(phrase.getSlop());
        Term[] terms = phrase.getTerms();
        int[] positions = phrase.getPositions();
        for (int i = 0; i < terms.length; i++) {
            moved.add(new Term(field, terms[i].bytes()), positions[i]);
        }
        return moved.build();
    }
}
