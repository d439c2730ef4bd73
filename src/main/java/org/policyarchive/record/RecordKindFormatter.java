package org.policyarchive.record;

import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.format.Formatter;
import org.springframework.stereotype.Component;

/**
 * A kind in a form field or a request parameter, as its id: the record form's choice. A value that is not the id of
 * one of the vocabulary's kinds is a binding error beside the field ("Choose a kind from the list"). The vocabulary is
 * looked up when there is one: MVC test slices of other modules have this formatter but no {@link Kinds}.
 */
@Component
class RecordKindFormatter implements Formatter<RecordKind> {

    private final ObjectProvider<Kinds> kinds;

    RecordKindFormatter(ObjectProvider<Kinds> kinds) {
        this.kinds = kinds;
    }

    @Override
    public RecordKind parse(String text, Locale locale) {
        RecordKind kind = RecordKind.valueOf(text.strip());
        Kinds vocabulary = kinds.getIfAvailable();
        if (vocabulary != null && vocabulary.find(kind).isEmpty()) {
            throw new IllegalArgumentException("Not one of the archive's kinds: " + kind);
        }
        return kind;
    }

    @Override
    public String print(RecordKind kind, Locale locale) {
        return kind.name();
    }
}
