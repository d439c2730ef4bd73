package org.policyarchive.search;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.policyarchive.person.Person;
import org.policyarchive.record.RecordKind;
import org.policyarchive.record.Role;
import org.policyarchive.theme.Theme;

/**
 * A checked search: the query text and the filters, resolved to people, themes and kinds that exist. Dates are
 * inclusive.
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
        SearchSort sort,
        int page) {

    /** Everything published, newest first: a search with no words and no filter. */
    public static SearchCriteria everything() {
        return new SearchCriteria("", null, null, null, null, null, null, null, SearchSort.NEWEST, 1);
    }

    public SearchCriteria withQuery(String text) {
        return new SearchCriteria(text, person, role, theme, kind, language, from, to, sort, page);
    }

    public SearchCriteria withPerson(@Nullable Person p, @Nullable Role r) {
        return new SearchCriteria(query, p, r, theme, kind, language, from, to, sort, page);
    }

    public SearchCriteria withTheme(@Nullable Theme t) {
        return new SearchCriteria(query, person, role, t, kind, language, from, to, sort, page);
    }

    public SearchCriteria withKind(@Nullable RecordKind k) {
        return new SearchCriteria(query, person, role, theme, k, language, from, to, sort, page);
    }

    public SearchCriteria withLanguage(@Nullable String l) {
        return new SearchCriteria(query, person, role, theme, kind, l, from, to, sort, page);
    }

    public SearchCriteria withDates(@Nullable LocalDate f, @Nullable LocalDate t) {
        return new SearchCriteria(query, person, role, theme, kind, language, f, t, sort, page);
    }

    public SearchCriteria withSort(SearchSort s) {
        return new SearchCriteria(query, person, role, theme, kind, language, from, to, s, page);
    }

    public SearchCriteria withPage(int p) {
        return new SearchCriteria(query, person, role, theme, kind, language, from, to, sort, p);
    }
}
