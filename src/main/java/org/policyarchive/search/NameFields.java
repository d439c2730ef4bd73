package org.policyarchive.search;

import org.hibernate.search.engine.backend.document.DocumentElement;
import org.hibernate.search.engine.backend.document.IndexFieldReference;
import org.hibernate.search.engine.backend.document.model.dsl.IndexSchemaElement;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.jspecify.annotations.Nullable;

/** A multi-valued text field written by a bridge together with its unstemmed twin for exact phrases. */
record NameFields(IndexFieldReference<String> text, IndexFieldReference<String> exact) {

    static NameFields declare(IndexSchemaElement schema, String field) {
        return new NameFields(
                schema.field(
                                field,
                                f -> f.asString()
                                        .analyzer(SearchAnalysisConfigurer.TEXT)
                                        .searchAnalyzer(SearchAnalysisConfigurer.TEXT_QUERY))
                        .multiValued()
                        .toReference(),
                schema.field(RecordFields.exact(field), f -> f.asString().analyzer(SearchAnalysisConfigurer.EXACT))
                        .multiValued()
                        .toReference());
    }

    /** A multi-valued keyword field, for filters and, when aggregable, facets. */
    static IndexFieldReference<String> keyword(IndexSchemaElement schema, String field, boolean aggregable) {
        return schema.field(field, f -> f.asString().aggregable(aggregable ? Aggregable.YES : Aggregable.NO))
                .multiValued()
                .toReference();
    }

    void add(DocumentElement target, @Nullable String name) {
        if (name != null && !name.isBlank()) {
            target.addValue(text, name);
            target.addValue(exact, name);
        }
    }
}
