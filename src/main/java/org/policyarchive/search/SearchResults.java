package org.policyarchive.search;

import java.util.List;
import org.policyarchive.record.ListedRecord;

/** One page of search results with the facet counts of the whole result, and how long each part took. */
public record SearchResults(
        SearchCriteria criteria, long total, int pageSize, List<ListedRecord> hits, Facets facets, Timing timing) {

    public int pageCount() {
        return (int) Math.min(RecordSearch.MAX_PAGE, (total + pageSize - 1) / pageSize);
    }

    public boolean hasPrevious() {
        return criteria.page() > 1;
    }

    public boolean hasNext() {
        return criteria.page() < pageCount();
    }

    /**
     * Milliseconds spent in the index (the count, the facets and the page's ids) and the CPU time that took, in
     * PostgreSQL (the page's records and the facets' people and themes) and highlighting the page.
     */
    public record Timing(double index, double indexCpu, double database, double highlight) {}

    /** One value of a facet: what to put in the URL, what to show, and how many results have it. */
    public record FacetValue(String value, String label, long count) {}

    public record Facets(
            List<FacetValue> kinds,
            List<FacetValue> languages,
            List<FacetValue> people,
            List<FacetValue> roles,
            List<FacetValue> themes,
            List<FacetValue> decades,
            List<FacetValue> years,
            long undated) {}
}
