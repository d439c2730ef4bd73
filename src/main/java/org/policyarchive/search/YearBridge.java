package org.policyarchive.search;

import java.time.LocalDate;
import org.hibernate.search.mapper.pojo.bridge.ValueBridge;
import org.hibernate.search.mapper.pojo.bridge.runtime.ValueBridgeToIndexedValueContext;
import org.jspecify.annotations.Nullable;

/** Indexes a date as its year, for the date facets (decades are summed from the years). */
final class YearBridge implements ValueBridge<LocalDate, Integer> {

    @Override
    public @Nullable Integer toIndexedValue(@Nullable LocalDate value, ValueBridgeToIndexedValueContext context) {
        return value == null ? null : value.getYear();
    }

    @Override
    public boolean isCompatibleWith(ValueBridge<?, ?> other) {
        return other instanceof YearBridge;
    }
}
