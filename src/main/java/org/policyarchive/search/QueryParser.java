package org.policyarchive.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reads the query language of the search box: words (all required), {@code "exact phrases"}, {@code -exclusions}
 * (of a word or a phrase) and {@code OR} between two words or phrases. Anything else is taken literally, a quotation
 * mark without its pair included: the analyzers drop punctuation later.
 */
final class QueryParser {

    static final int MAX_LENGTH = 500;
    static final int MAX_TERMS = 30;

    private QueryParser() {}

    /** One word or phrase as typed. */
    record Term(String text, boolean phrase) {}

    /**
     * The parsed query: every group must match (a group matches when one of its terms does), and no exclusion may.
     */
    record ParsedQuery(List<List<Term>> required, List<Term> excluded) {

        boolean isEmpty() {
            return required.isEmpty() && excluded.isEmpty();
        }

        /**
         * The terms as a backend's queries: {@code toQuery} gives null for a term with nothing searchable (punctuation,
         * a stop word), and a group left without a term is dropped. Every backend's query is built from these, so
         * they all mean the same.
         *
         * @throws InvalidSearchException when words were typed but none of them is searchable
         */
        <Q> Clauses<Q> clauses(Function<Term, @Nullable Q> toQuery) {
            List<List<Q>> groups = new ArrayList<>();
            for (List<Term> group : required) {
                List<Q> alternatives =
                        group.stream().map(toQuery).filter(Objects::nonNull).toList();
                if (!alternatives.isEmpty()) {
                    groups.add(alternatives);
                }
            }
            List<Q> exclusions =
                    excluded.stream().map(toQuery).filter(Objects::nonNull).toList();
            if (!isEmpty() && groups.isEmpty() && exclusions.isEmpty()) {
                throw new InvalidSearchException("search.error.nothingToSearch");
            }
            return new Clauses<>(groups, exclusions);
        }
    }

    /** A parsed query as some backend's queries: each group must match one of its alternatives, no exclusion may. */
    record Clauses<Q>(List<List<Q>> required, List<Q> excluded) {}

    static ParsedQuery parse(String query) {
        if (query.length() > MAX_LENGTH) {
            throw new InvalidSearchException("search.error.tooLong", MAX_LENGTH);
        }
        List<List<Term>> required = new ArrayList<>();
        List<Term> excluded = new ArrayList<>();
        boolean pendingOr = false;
        int count = 0;
        int i = 0;
        int n = query.length();
        while (i < n) {
            char c = query.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            boolean negated = false;
            if (c == '-' && i + 1 < n && !Character.isWhitespace(query.charAt(i + 1))) {
                negated = true;
                i++;
                c = query.charAt(i);
            }
            Term term;
            int close = c == '"' ? query.indexOf('"', i + 1) : -1;
            if (close > 0) {
                term = new Term(query.substring(i + 1, close).strip(), true);
                i = close + 1;
            } else {
                if (c == '"') {
                    i++; // a quotation mark without its pair, as pasted passages carry: punctuation, like any other
                }
                int end = i;
                while (end < n && !Character.isWhitespace(query.charAt(end)) && query.charAt(end) != '"') {
                    end++;
                }
                term = new Term(query.substring(i, end), false);
                i = end;
            }
            if (term.text().isEmpty()) {
                continue;
            }
            if (!negated && !term.phrase() && term.text().equals("OR")) {
                if (required.isEmpty() || pendingOr) {
                    throw new InvalidSearchException("search.error.danglingOr");
                }
                pendingOr = true;
                continue;
            }
            if (++count > MAX_TERMS) {
                throw new InvalidSearchException("search.error.tooManyTerms", MAX_TERMS);
            }
            if (negated) {
                if (pendingOr) {
                    throw new InvalidSearchException("search.error.orWithExclusion");
                }
                excluded.add(term);
            } else if (pendingOr) {
                required.get(required.size() - 1).add(term);
                pendingOr = false;
            } else {
                List<Term> group = new ArrayList<>();
                group.add(term);
                required.add(group);
            }
        }
        if (pendingOr) {
            throw new InvalidSearchException("search.error.danglingOr");
        }
        return new ParsedQuery(required, excluded);
    }
}
