package org.policyarchive.record;

import java.util.Locale;
import org.springframework.format.Formatter;
import org.springframework.stereotype.Component;

/**
 * A kind in a form field or a request parameter, as its id: the record form's choice. A value that cannot be an id is
 * a binding error beside the field ("Choose a kind from the list"); an id the vocabulary lacks is refused by the
 * record's rules ({@link RecordEditor#check}).
 */
@Component
class RecordKindFormatter implements Formatter<RecordKind> {

    @Override
    public RecordKind parse(String text, Locale locale) {
        return RecordKind.valueOf(text.strip());
    }

    @Override
    public String print(RecordKind kind, Locale locale) {
        return kind.name();
    }
}
