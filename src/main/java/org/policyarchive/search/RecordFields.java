package org.policyarchive.search;

import java.util.Map;

/** The names of the record index's fields, and the boosts of the fields that words are searched in. */
final class RecordFields {

    static final String INDEX = "record";

    static final String TITLE = "title";
    static final String SUMMARY = "summary";
    static final String BODY = "body";
    static final String PEOPLE = "people";
    static final String THEMES = "themes";
    static final String EXACT_SUFFIX = "_exact";

    static final String PERSON = "person";
    static final String PERSON_ROLE = "personRole";
    static final String ROLE = "role";
    static final String THEME = "theme";
    static final String KIND = "kind";
    static final String LANGUAGE = "language";
    static final String STATUS = "status";
    static final String DATE = "date";
    static final String YEAR = "year";
    static final String DATE_ORDER = "dateOrder";
    static final String TITLE_ORDER = "titleOrder";
    static final String UPDATED_AT = "updatedAt";
    static final String RECORD_ID = "recordId";
    static final String INDEX_VERSION = "indexVersion";

    /**
     * What record documents hold: 2 added broader themes to {@link #THEME}; 3 the analysis of docs/search.md (KStem,
     * script folding, Han characters beside bigrams, offsets in the text fields); 4 the sort keys of
     * {@link RecordOrder}. An index whose documents are of an earlier version is rebuilt at start.
     */
    static final int CURRENT_INDEX_VERSION = 4;

    /** Words are searched in these fields (stemmed), with these boosts; phrases in their exact twins. */
    static final Map<String, Float> WORD_FIELDS =
            Map.of(TITLE, 4.0f, SUMMARY, 2.0f, BODY, 1.0f, PEOPLE, 3.0f, THEMES, 2.0f);

    private RecordFields() {}

    static String exact(String field) {
        return field + EXACT_SUFFIX;
    }

    /** The value of {@link #PERSON_ROLE} for a person in a role. */
    static String personRole(long personId, String roleCode) {
        return personId + ":" + roleCode;
    }
}
