package org.policyarchive.catalogue;

import org.jspecify.annotations.Nullable;
import org.policyarchive.record.Kinds;
import org.policyarchive.record.LanguageTag;
import org.policyarchive.record.RecordKind;
import org.policyarchive.record.Role;
import org.policyarchive.search.BrowseFilter;
import org.policyarchive.search.RecordBrowser;
import org.policyarchive.search.SearchSort;
import org.policyarchive.system.InvalidParameterException;

/**
 * Reads the browse pages' request parameters. They arrive as text so that a wrong value gets a 400 page naming the
 * parameter and what it accepts, instead of a conversion error. An empty value means the parameter is absent.
 */
final class BrowseParameters {

    static final int MIN_YEAR = 1;
    static final int MAX_YEAR = 9999;
    static final int MAX_PAGE = RecordBrowser.MAX_PAGE;

    private BrowseParameters() {}

    static int page(@Nullable String value) {
        if (isAbsent(value)) {
            return 1;
        }
        Integer page = wholeNumber(value.strip());
        if (page == null || page < 1 || page > MAX_PAGE) {
            throw new InvalidParameterException("page", value, "error.parameter.page");
        }
        return page;
    }

    /** A year, or null for none or for {@link BrowseFilter#UNDATED} ({@link #undated}). */
    static @Nullable Integer year(@Nullable String value) {
        if (isAbsent(value) || undated(value)) {
            return null;
        }
        Integer year = wholeNumber(value.strip());
        if (year == null || year < MIN_YEAR || year > MAX_YEAR) {
            throw new InvalidParameterException("year", value, "error.parameter.year");
        }
        return year;
    }

    /** Whether the {@code year} parameter asks for the records without a date. */
    static boolean undated(@Nullable String value) {
        return value != null && value.strip().equalsIgnoreCase(BrowseFilter.UNDATED);
    }

    static @Nullable RecordKind kind(@Nullable String value, Kinds kinds) {
        if (isAbsent(value)) {
            return null;
        }
        return kinds.byCode(value)
                .orElseThrow(() -> new InvalidParameterException("kind", value, "error.parameter.kind"));
    }

    static @Nullable String language(@Nullable String value) {
        if (isAbsent(value)) {
            return null;
        }
        if (!LanguageTag.isValid(value)) {
            throw new InvalidParameterException("lang", value, "error.parameter.lang");
        }
        return LanguageTag.canonical(value);
    }

    /** One of the {@link SearchSort#LIST_ORDERS}; the newest first when absent. */
    static SearchSort sort(@Nullable String value) {
        if (isAbsent(value)) {
            return SearchSort.NEWEST;
        }
        return SearchSort.fromCode(value.strip())
                .filter(SearchSort.LIST_ORDERS::contains)
                .orElseThrow(() -> new InvalidParameterException("sort", value, "error.parameter.sort"));
    }

    /** The {@code sort} parameter that links give for {@code sort}: none for the newest first, the default. */
    static @Nullable String sortParameter(SearchSort sort) {
        return sort == SearchSort.NEWEST ? null : sort.code();
    }

    /** A role of a person in a record, by its code; null when absent. */
    static @Nullable Role role(@Nullable String value) {
        if (isAbsent(value)) {
            return null;
        }
        return Role.fromCode(value)
                .orElseThrow(() -> new InvalidParameterException("role", value, "error.parameter.role"));
    }

    static @Nullable String slug(@Nullable String value) {
        return isAbsent(value) ? null : value.strip();
    }

    private static boolean isAbsent(@Nullable String value) {
        return value == null || value.isBlank();
    }

    private static @Nullable Integer wholeNumber(String text) {
        if (!text.matches("[0-9]{1,9}")) {
            return null;
        }
        return Integer.valueOf(text);
    }
}
