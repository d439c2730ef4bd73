package org.policyarchive.citation;

import de.undercouch.citeproc.csl.CSLDate;
import de.undercouch.citeproc.csl.CSLDateBuilder;
import de.undercouch.citeproc.csl.CSLItemData;
import de.undercouch.citeproc.csl.CSLItemDataBuilder;
import de.undercouch.citeproc.csl.CSLName;
import de.undercouch.citeproc.csl.CSLNameBuilder;
import java.time.LocalDate;
import org.policyarchive.person.PersonName;

/** A cited work as a CSL item: what the styles render, and what CSL-JSON carries. */
final class CslItems {

    private CslItems() {}

    /** The item as CSL-JSON gives it to reference managers: every name as family and given name. */
    static CSLItemData exported(CitedWork work) {
        return item(work, false);
    }

    /**
     * The item as the styles render it. citeproc-java would invert a name in Han script ("李, 克强", and "克强 李" in
     * Chicago) where citeproc-js and Zotero keep it whole, so such a name is given whole, as a literal: 李克强.
     */
    static CSLItemData rendered(CitedWork work) {
        return item(work, true);
    }

    private static CSLItemData item(CitedWork work, boolean hanNamesWhole) {
        CSLItemDataBuilder item = new CSLItemDataBuilder()
                .id(work.key())
                .type(work.type().csl())
                .title(work.title())
                .genre(work.genre())
                .URL(work.url())
                .accessed(date(work.accessed()))
                .language(work.language());
        if (!work.authors().isEmpty()) {
            item.author(work.authors().stream()
                    .map(name -> name(name, hanNamesWhole))
                    .toArray(CSLName[]::new));
        }
        if (work.issued() != null) {
            item.issued(new CSLDateBuilder().dateParts(work.issuedParts()).build());
        }
        if (work.publisher() != null) {
            item.publisher(work.publisher());
        }
        if (work.place() != null) {
            item.publisherPlace(work.place()).eventPlace(work.place());
        }
        return item.build();
    }

    private static CSLName name(PersonName name, boolean hanNamesWhole) {
        if (name.given() == null || (name.hanScript() && hanNamesWhole)) {
            return new CSLNameBuilder()
                    .literal(name.hanScript() ? name.han() : name.family())
                    .build();
        }
        return new CSLNameBuilder()
                .family(name.family())
                .given(name.given())
                .suffix(name.suffix())
                .build();
    }

    private static CSLDate date(LocalDate day) {
        return new CSLDateBuilder()
                .dateParts(day.getYear(), day.getMonthValue(), day.getDayOfMonth())
                .build();
    }
}
