package org.policyarchive.search;

import java.time.LocalDate;
import org.hibernate.search.mapper.pojo.bridge.ValueBridge;
import org.hibernate.search.mapper.pojo.bridge.runtime.ValueBridgeToIndexedValueContext;
import org.jspecify.annotations.Nullable;

/** Indexes a date as its year, or as the first year of its decade, for the date facets. */
final class YearBridge implements ValueBridge<LocalDate, Integer> {

    private final int span;

    YearBridge(int span) {
        this.span = span;
    }

    @Override
    public @Nullable Integer toIndexedValue(@Nullable LocalDate value, ValueBridgeToIndexedValueContext context) {
        return value == null ? null : Math.floorDiv(value.getYear(), span) * span;
    }

    @Override
    public boolean isCompatibleWith(ValueBridge<?, ?> other) {
        return other instanceof YearBridge year && year.span == span;
    }
}
