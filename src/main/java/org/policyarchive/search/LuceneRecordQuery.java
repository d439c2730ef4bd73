package org.policyarchive.search;

import static org.policyarchive.search.RecordFields.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
import org.apache.lucene.search.SortedSetSortField;
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
        Query proximity = proximity(parsed);
        if (proximity != null) {
            bool.add(proximity, Occur.SHOULD);
        }
        addFilters(bool, criteria);
        return bool.build();
    }

    /**
     * The query as searched. When none of its words can be searched on its own, since all are too common ("is not for
     * me. It is for the"), a reader means them together: they become one phrase, looked up as written in the exact
     * fields. Otherwise the query itself.
     */
    static ParsedQuery searchable(ParsedQuery parsed) {
        List<QueryParser.Term> words =
                parsed.required().stream().flatMap(List::stream).toList();
        if (words.isEmpty()
                || !parsed.excluded().isEmpty()
                || words.stream().anyMatch(word -> word.phrase() || termQuery(word) != null)) {
            return parsed;
        }
        String phrase = words.stream().map(QueryParser.Term::text).collect(Collectors.joining(" "));
        return new ParsedQuery(List.of(List.of(new QueryParser.Term(phrase, true))), List.of());
    }

    /** How far apart two neighbouring words of a query may stand in a text and still rank it higher. */
    static final int PAIR_SLOP = 1;

    /** How far from their order the words of a whole run may be and still rank a text as holding them together. */
    static final int RUN_SLOP = 2;

    /**
     * The fields where words found together rank a record higher, with their boosts: ten times their words' boosts
     * in the summary, the body and the people. A pasted sentence found in a text as it stands is the record meant,
     * more than one whose title holds a word of it, and a name typed whole is the person meant, more than a speech
     * that mentions the person (measured on the corpus: SearchRelevanceIntegrationTests). Titles and themes are short
     * and often share their phrases ("Annual Message"): their words' boosts already favour them.
     */
    static final Map<String, Float> PROXIMITY_FIELDS =
            Map.of(TITLE, 4.0f, SUMMARY, 20.0f, BODY, 10.0f, PEOPLE, 30.0f, THEMES, 2.0f);

    /**
     * What ranks a record higher where the query's words stand together, as a researcher who types or pastes several
     * words means them: for each run of plain words (typed one after another, no quotes, no OR), every two
     * neighbours as a phrase with {@value #PAIR_SLOP} word between them allowed, and the whole run as a phrase with
     * slop {@value #RUN_SLOP}, in every word field ({@link #PROXIMITY_FIELDS}). Optional clauses: they change the
     * order, never which records match, so the total and the facets stay those of the words alone; and a count
     * without scores skips them. Null when no run has two words.
     */
    static @Nullable Query proximity(ParsedQuery parsed) {
        QueryBuilder builder = new QueryBuilder(SearchAnalysisConfigurer.analyzer(SearchAnalysisConfigurer.TEXT_QUERY));
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        int count = 0;
        for (String run : runs(parsed)) {
            // analysed once, then moved to each field, as the words are
            if (!(builder.createPhraseQuery(BODY, run, RUN_SLOP) instanceof PhraseQuery whole)) {
                continue; // one word or none: nothing to bring together
            }
            for (Map.Entry<String, Float> field : PROXIMITY_FIELDS.entrySet()) {
                for (Query phrase : together((PhraseQuery) onField(whole, field.getKey()))) {
                    any.add(new BoostQuery(phrase, field.getValue()), Occur.SHOULD);
                    count++;
                }
            }
        }
        return count == 0 ? null : any.build();
    }

    /** The runs of plain words of a query: the words of single-word groups between phrases and OR groups. */
    private static List<String> runs(ParsedQuery parsed) {
        List<String> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (List<QueryParser.Term> group : parsed.required()) {
            QueryParser.Term term = group.get(0);
            if (group.size() == 1 && !term.phrase()) {
                run.append(term.text()).append(' ');
            } else if (!run.isEmpty()) {
                runs.add(run.toString());
                run.setLength(0);
            }
        }
        if (!run.isEmpty()) {
            runs.add(run.toString());
        }
        return runs;
    }

    /** A run's words: each two neighbours as a phrase, and all of them when there are more than two. */
    private static List<Query> together(PhraseQuery whole) {
        Term[] terms = whole.getTerms();
        int[] positions = whole.getPositions();
        List<Query> queries = new ArrayList<>();
        for (int i = 0; i + 1 < terms.length; i++) {
            queries.add(new PhraseQuery.Builder()
                    .add(terms[i], positions[i])
                    .add(terms[i + 1], positions[i + 1])
                    .setSlop(PAIR_SLOP)
                    .build());
        }
        if (terms.length > 2) {
            queries.add(whole);
        }
        return queries;
    }

    /**
     * The order of the hits, by the keys of {@link RecordOrder} (undated records last either way), ties by record id.
     * Lucene's own sort fields let a date order skip the records that cannot reach the page (through the keys'
     * points), where Hibernate Search's sort reads every match's date. Without words every match scores the same, so
     * relevance is the newest first, which can skip too.
     */
    static Sort sort(SearchSort sort, ParsedQuery parsed) {
        boolean scored = !parsed.required().isEmpty();
        return switch (sort == SearchSort.RELEVANCE && !scored ? SearchSort.NEWEST : sort) {
            case RELEVANCE -> new Sort(SortField.FIELD_SCORE, date(true), id(true));
            case NEWEST -> new Sort(date(true), id(true));
            case OLDEST -> new Sort(date(false), id(false));
            case TITLE -> new Sort(new SortedSetSortField(TITLE_ORDER, false), date(true), id(true));
        };
    }

    /** The newest change first; of records changed in the same millisecond, the newest record. */
    static Sort latestChangesFirst() {
        return new Sort(
                new SortedNumericSortField(UPDATED_AT, SortField.Type.LONG, true),
                new SortedNumericSortField(RECORD_ID, SortField.Type.LONG, true));
    }

    private static SortField date(boolean newestFirst) {
        SortField date = new SortedNumericSortField(DATE_ORDER, SortField.Type.LONG, newestFirst);
        date.setMissingValue(newestFirst ? Long.MIN_VALUE : Long.MAX_VALUE);
        return date;
    }

    private static SortField id(boolean newestFirst) {
        return new SortedNumericSortField(RECORD_ID, SortField.Type.LONG, newestFirst);
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
        if (c.undated()) {
            // a date range that takes every date: its opposite is the records without one
            bool.add(LongPoint.newRangeQuery(DATE, Long.MIN_VALUE, Long.MAX_VALUE), Occur.MUST_NOT);
        } else if (c.from() != null || c.to() != null) {
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
        Query proximity = proximity(parsed);
        if (proximity != null) {
            any.add(proximity, Occur.SHOULD);
        }
        return count == 0 ? null : any.build();
    }

    /**
     * One word or phrase in every word field with its boost, or null when the analyzers leave nothing of it. A quoted
     * phrase is looked up as written, in the exact fields; a word of several tokens (Chinese, hyphenated) becomes a
     * phrase of them.
     */
    private static @Nullable Query termQuery(QueryParser.Term term) {
        return fieldsQuery(term.text(), term.phrase());
    }

    private static @Nullable Query fieldsQuery(String text, boolean exact) {
        String analyzer = exact ? SearchAnalysisConfigurer.EXACT : SearchAnalysisConfigurer.TEXT_QUERY;
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
