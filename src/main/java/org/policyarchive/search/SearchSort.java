package org.policyarchive.search;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The orders a reader can ask for. */
public enum SearchSort {
    RELEVANCE,
    NEWEST,
    OLDEST;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<SearchSort> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }
}
