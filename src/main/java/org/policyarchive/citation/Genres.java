package org.policyarchive.citation;

import org.policyarchive.record.Kind;
import org.policyarchive.record.Kinds;
import org.policyarchive.record.RecordKind;
import org.springframework.stereotype.Component;

/**
 * A record's kind as a citation sees it: its genre ("[Study session]" in APA), in the record's language rather than
 * the reader's (the kind's Chinese name for a Chinese record when it has one, else its English name), and its type of
 * work, both from the kinds vocabulary.
 */
@Component
class Genres {

    private final Kinds kinds;

    Genres(Kinds kinds) {
        this.kinds = kinds;
    }

    String genre(RecordKind kind, String languageTag) {
        Kind entry = kinds.get(kind);
        if (Languages.isChinese(languageTag) && entry.chineseName() != null) {
            return entry.chineseName();
        }
        return entry.englishName();
    }

    WorkType workType(RecordKind kind) {
        return WorkType.of(kinds.get(kind).citedAs());
    }
}
