package org.policyarchive.record;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.jspecify.annotations.Nullable;

/** Stores a record's kind as its id in {@code record.kind}, which refers to the {@code kind} table. */
@Converter(autoApply = true)
class RecordKindConverter implements AttributeConverter<RecordKind, String> {

    @Override
    public @Nullable String convertToDatabaseColumn(@Nullable RecordKind kind) {
        return kind == null ? null : kind.name();
    }

    @Override
    public @Nullable RecordKind convertToEntityAttribute(@Nullable String id) {
        return id == null ? null : RecordKind.valueOf(id);
    }
}
