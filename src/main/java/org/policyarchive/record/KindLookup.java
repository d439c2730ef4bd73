package org.policyarchive.record;

import java.util.List;
import java.util.Optional;

/** How a way in (an import line, an API call) finds the kind a text names, and which kinds it would have found. */
public interface KindLookup {

    /** The kind that a spelling names: its label, code or one of its names, ignoring case; empty when none does. */
    Optional<RecordKind> find(String spelling);

    /** The labels of the kinds there are, to tell someone who named an unknown one. */
    List<String> labels();

    /** The kind's spelling in the interchange format, such as {@code study session}. */
    String label(RecordKind kind);

    /**
     * The kind that a file defines ({@code "type": "kind"}): the one with its label, or a new one where adding kinds is
     * allowed (an import); empty when there is none.
     */
    default Optional<RecordKind> define(KindDraft kind) {
        return find(kind.label());
    }
}
