package org.policyarchive.search;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.policyarchive.record.ListedRecord;

/**
 * One page of published records, in the order asked for, with the facet counts of the filter that chose them. {@code page}
 * counts from 1.
 */
public record BrowsePage(List<ListedRecord> records, int page, int size, long total, Facets facets) {

    public int totalPages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < totalPages();
    }

    /** The position of the first record of the page in the whole result, from 1. */
    public long firstPosition() {
        return (long) (page - 1) * size + 1;
    }

    public long lastPosition() {
        return firstPosition() + records.size() - 1;
    }

    /**
     * How many records each value of each filter would give, counted over the records that match the other
     * filters (so that choosing another value of the same filter shows what it gives).
     */
    public record Facets(
            List<FacetValue> kinds,
            List<FacetValue> years,
            List<FacetValue> themes,
            List<FacetValue> people,
            List<FacetValue> languages) {

        /** No value of any filter: a list without facets. */
        public static final Facets NONE = new Facets(List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /**
     * A value of a filter as its URL parameter gives it (a kind's code, a year or {@link BrowseFilter#UNDATED}, a slug,
     * a language tag) and its count.
     * {@code name} is the theme's or person's name ({@code nativeName} the Chinese or original-script one); kinds,
     * years and languages are labelled by the page.
     */
    public record FacetValue(
            String value, @Nullable String name, @Nullable String nativeName, long count) {}
}
