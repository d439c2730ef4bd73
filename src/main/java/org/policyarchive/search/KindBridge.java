package org.policyarchive.search;

import org.hibernate.search.mapper.pojo.bridge.ValueBridge;
import org.hibernate.search.mapper.pojo.bridge.runtime.ValueBridgeFromIndexedValueContext;
import org.hibernate.search.mapper.pojo.bridge.runtime.ValueBridgeToIndexedValueContext;
import org.jspecify.annotations.Nullable;
import org.policyarchive.record.RecordKind;

/**
 * Indexes a kind as its id ({@code STUDY_SESSION}), the term the index held when kinds were an enum: renaming a kind
 * changes nothing in the index, and an index built before kinds became a vocabulary needs no rebuild.
 */
final class KindBridge implements ValueBridge<RecordKind, String> {

    @Override
    public @Nullable String toIndexedValue(@Nullable RecordKind value, ValueBridgeToIndexedValueContext context) {
        return value == null ? null : value.name();
    }

    @Override
    public @Nullable RecordKind fromIndexedValue(@Nullable String value, ValueBridgeFromIndexedValueContext context) {
        return value == null ? null : RecordKind.valueOf(value);
    }

    @Override
    public boolean isCompatibleWith(ValueBridge<?, ?> other) {
        return other instanceof KindBridge;
    }
}
