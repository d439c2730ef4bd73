package org.policyarchive.search;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.policyarchive.person.Person;
import org.policyarchive.person.PersonDirectory;
import org.policyarchive.record.Kinds;
import org.policyarchive.record.LanguageTag;
import org.policyarchive.record.RecordKind;
import org.policyarchive.record.Role;
import org.policyarchive.system.PartialDate;
import org.policyarchive.theme.Theme;
import org.policyarchive.theme.ThemeVocabulary;

/** The search page's parameters as typed in the URL, before they are checked. */
public class SearchForm {

    static final int MAX_PARAMETER_LENGTH = 200;

    private String q = "";
    private String person = "";
    private String role = "";
    private String theme = "";
    private String kind = "";
    private String lang = "";
    private String from = "";
    private String to = "";
    private String date = "";
    private String sort = "";
    private String page = "";

    /** The parameters that are set, in a stable order, for links that change one of them. */
    public Map<String, String> getParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("q", q);
        parameters.put("person", person);
        parameters.put("role", role);
        parameters.put("theme", theme);
        parameters.put("kind", kind);
        parameters.put("lang", lang);
        parameters.put("from", from);
        parameters.put("to", to);
        parameters.put("date", date);
        parameters.put("sort", sort);
        parameters.put("page", page);
        parameters.values().removeIf(String::isBlank);
        return parameters;
    }

    boolean isBlank() {
        return getParameters().isEmpty();
    }

    /**
     * The checked search.
     *
     * @throws InvalidSearchException naming the first parameter that is malformed or names nothing that exists
     */
    SearchCriteria resolve(PersonDirectory people, ThemeVocabulary themes, Kinds kinds) {
        for (Map.Entry<String, String> parameter : getParameters().entrySet()) {
            if (!parameter.getKey().equals("q") && parameter.getValue().length() > MAX_PARAMETER_LENGTH) {
                throw new InvalidSearchException("search.error.parameterTooLong", parameter.getKey());
            }
        }
        Person p = person.isBlank()
                ? null
                : people.findBySlug(person.strip())
                        .or(() -> people.findByAnyName(person))
                        .orElseThrow(() -> new InvalidSearchException("search.error.unknownPerson", person));
        Role r = role.isBlank()
                ? null
                : Role.fromCode(role).orElseThrow(() -> new InvalidSearchException("search.error.unknownRole", role));
        Theme t = theme.isBlank()
                ? null
                : themes.findBySlug(theme.strip())
                        .or(() -> themes.findByName(theme))
                        .orElseThrow(() -> new InvalidSearchException("search.error.unknownTheme", theme));
        RecordKind k = kind.isBlank()
                ? null
                : kinds.find(kind).orElseThrow(() -> new InvalidSearchException("search.error.unknownKind", kind));
        if (!lang.isBlank() && !LanguageTag.isValid(lang)) {
            throw new InvalidSearchException("search.error.language", lang);
        }
        LocalDate start = from.isBlank() ? null : date(from, true);
        LocalDate end = to.isBlank() ? null : date(to, false);
        if (start != null && end != null && start.isAfter(end)) {
            throw new InvalidSearchException("search.error.reversedDates", from, to);
        }
        boolean undated = !date.isBlank();
        if (undated && !date.strip().equalsIgnoreCase(BrowseFilter.UNDATED)) {
            throw new InvalidSearchException("search.error.dateFilter", date);
        }
        if (undated && (start != null || end != null)) {
            throw new InvalidSearchException("search.error.undatedRange");
        }
        SearchSort s = sort.isBlank()
                ? (q.isBlank() ? SearchSort.NEWEST : SearchSort.RELEVANCE)
                : SearchSort.fromCode(sort).orElseThrow(() -> new InvalidSearchException("search.error.sort", sort));
        int pageNumber = 1;
        if (!page.isBlank()) {
            try {
                pageNumber = Integer.parseInt(page.strip());
            } catch (NumberFormatException e) {
                throw new InvalidSearchException("search.error.page", RecordSearch.MAX_PAGE);
            }
            if (pageNumber < 1 || pageNumber > RecordSearch.MAX_PAGE) {
                throw new InvalidSearchException("search.error.page", RecordSearch.MAX_PAGE);
            }
        }
        return new SearchCriteria(
                q.strip(),
                p,
                r,
                t,
                k,
                lang.isBlank() ? null : LanguageTag.canonical(lang),
                start,
                end,
                undated,
                s,
                pageNumber);
    }

    /** A date as a year, a month or a day; the first day of the period for a start, the last for an end. */
    private static LocalDate date(String text, boolean start) {
        try {
            PartialDate date = PartialDate.parse(text);
            return start ? date.start() : date.end();
        } catch (PartialDate.InvalidDateException e) {
            throw new InvalidSearchException("search.error.date", text);
        }
    }

    public String getQ() {
        return q;
    }

    public void setQ(@Nullable String q) {
        this.q = q == null ? "" : q;
    }

    public String getPerson() {
        return person;
    }

    public void setPerson(@Nullable String person) {
        this.person = person == null ? "" : person;
    }

    public String getRole() {
        return role;
    }

    public void setRole(@Nullable String role) {
        this.role = role == null ? "" : role;
    }

    public String getTheme() {
        return theme;
    }

    public void setTheme(@Nullable String theme) {
        this.theme = theme == null ? "" : theme;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(@Nullable String kind) {
        this.kind = kind == null ? "" : kind;
    }

    public String getLang() {
        return lang;
    }

    public void setLang(@Nullable String lang) {
        this.lang = lang == null ? "" : lang;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(@Nullable String from) {
        this.from = from == null ? "" : from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(@Nullable String to) {
        this.to = to == null ? "" : to;
    }

    /** {@code undated} for the records without a date; nothing else. */
    public String getDate() {
        return date;
    }

    public void setDate(@Nullable String date) {
        this.date = date == null ? "" : date;
    }

    public String getSort() {
        return sort;
    }

    public void setSort(@Nullable String sort) {
        this.sort = sort == null ? "" : sort;
    }

    public String getPage() {
        return page;
    }

    public void setPage(@Nullable String page) {
        this.page = page == null ? "" : page;
    }
}
