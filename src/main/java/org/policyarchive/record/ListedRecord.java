package org.policyarchive.record;

import java.util.List;

/**
 * A record as every list of records shows it (browse pages, a person's or a theme's records, search results): its
 * listing, and its title and an excerpt as pieces of text, marked where they matched a search.
 */
public record ListedRecord(RecordListing record, List<Piece> title, List<Piece> excerpt) {

    public ListedRecord {
        title = List.copyOf(title);
        excerpt = List.copyOf(excerpt);
    }

    /** A stretch of text, marked when it matched the search. */
    public record Piece(String text, boolean marked) {}

    /** The record with its title as it is and its summary, if it has one, as the excerpt. */
    public static ListedRecord of(RecordListing record) {
        return new ListedRecord(
                record,
                List.of(new Piece(record.title(), false)),
                record.summary() == null ? List.of() : List.of(new Piece(record.summary(), false)));
    }

    public static List<ListedRecord> of(List<RecordListing> records) {
        return records.stream().map(ListedRecord::of).toList();
    }
}
