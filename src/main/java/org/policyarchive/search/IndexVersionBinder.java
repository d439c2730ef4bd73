package org.policyarchive.search;

import org.hibernate.search.engine.backend.document.IndexFieldReference;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.bridge.TypeBridge;
import org.hibernate.search.mapper.pojo.bridge.binding.TypeBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.TypeBinder;

/**
 * Writes into every record document the version of what documents hold ({@link RecordFields#INDEX_VERSION}), so
 * that an index written by an earlier version of the archive is found at start and rebuilt
 * ({@link SearchIndexMaintenance#isOutdated}).
 */
final class IndexVersionBinder implements TypeBinder {

    @Override
    public void bind(TypeBindingContext context) {
        context.dependencies().useRootOnly();
        IndexFieldReference<Integer> version = context.indexSchemaElement()
                .field(RecordFields.INDEX_VERSION, f -> f.asInteger().sortable(Sortable.YES))
                .toReference();
        TypeBridge<Object> bridge =
                (target, record, bridgeContext) -> target.addValue(version, RecordFields.CURRENT_INDEX_VERSION);
        context.bridge(bridge);
    }
}
