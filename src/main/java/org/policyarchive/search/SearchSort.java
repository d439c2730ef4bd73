package org.policyarchive.search;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The orders a reader can ask for, by their codes in the {@code sort} parameter. Dates order as {@link RecordOrder}
 * says; titles from A to Z.
 */
public enum SearchSort {
    RELEVANCE,
    NEWEST,
    OLDEST,
    TITLE;

    /** The orders of the lists without words (browse, a person's, a theme's records): relevance means nothing there. */
    public static final List<SearchSort> LIST_ORDERS = List.of(NEWEST, OLDEST, TITLE);

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SearchSort> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }
}
