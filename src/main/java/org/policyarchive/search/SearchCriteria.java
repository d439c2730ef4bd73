package org.policyarchive.search;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.policyarchive.person.Person;
import org.policyarchive.record.RecordKind;
import org.policyarchive.record.Role;
import org.policyarchive.theme.Theme;

/**
 * A checked search: the query text and the filters, resolved to people, themes and kinds that exist. Dates are
 * inclusive; {@code undated} keeps the records without a date alone (and excludes a date range).
 */
public record SearchCriteria(
        String query,
        @Nullable Person person,
        @Nullable Role role,
        @Nullable Theme theme,
        @Nullable RecordKind kind,
        @Nullable String language,
        @Nullable LocalDate from,
        @Nullable LocalDate to,
        boolean undated,
        SearchSort sort,
        int page) {

    /** Everything published, newest first: a search with no words and no filter. */
    public static SearchCriteria everything() {
        return new SearchCriteria("", null, null, null, null, null, null, null, false, SearchSort.NEWEST, 1);
    }

    public SearchCriteria withQuery(String text) {
        return new SearchCriteria(text, person, role, theme, kind, language, from, to, undated, sort, page);
    }

    public SearchCriteria withPerson(@Nullable Person p, @Nullable Role r) {
        return new SearchCriteria(query, p, r, theme, kind, language, from, to, undated, sort, page);
    }

    public SearchCriteria withTheme(@Nullable Theme t) {
        return new SearchCriteria(query, person, role, t, kind, language, from, to, undated, sort, page);
    }

    public SearchCriteria withKind(@Nullable RecordKind k) {
        return new SearchCriteria(query, person, role, theme, k, language, from, to, undated, sort, page);
    }

    public SearchCriteria withLanguage(@Nullable String l) {
        return new SearchCriteria(query, person, role, theme, kind, l, from, to, undated, sort, page);
    }

    public SearchCriteria withDates(@Nullable LocalDate f, @Nullable LocalDate t) {
        return new SearchCriteria(query, person, role, theme, kind, language, f, t, undated, sort, page);
    }

    /** The records without a date alone when {@code u}, else dated or not as the dates say. */
    public SearchCriteria withUndated(boolean u) {
        return new SearchCriteria(query, person, role, theme, kind, language, from, to, u, sort, page);
    }

    public SearchCriteria withSort(SearchSort s) {
        return new SearchCriteria(query, person, role, theme, kind, language, from, to, undated, s, page);
    }

    public SearchCriteria withPage(int p) {
        return new SearchCriteria(query, person, role, theme, kind, language, from, to, undated, sort, p);
    }
}
