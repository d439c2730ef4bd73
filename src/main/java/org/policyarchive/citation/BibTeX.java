package org.policyarchive.citation;

import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import org.policyarchive.person.PersonName;

/**
 * A cited work as one BibTeX entry, readable by BibTeX and biblatex alike: {@code year} and {@code month} for the one,
 * {@code date} and {@code urldate} for the other. Text is UTF-8 with TeX's special characters escaped; the title is
 * braced twice so that no style changes its case; a name is "Family, Given", a one-word name braced whole.
 */
final class BibTeX {

    private static final String[] MONTHS = {
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
    };

    private BibTeX() {}

    static String entry(CitedWork work) {
        StringBuilder entry = new StringBuilder("@")
                .append(work.type().bibtex())
                .append('{')
                .append(work.key())
                .append(",\n");
        if (!work.authors().isEmpty()) {
            field(entry, "author", work.authors().stream().map(BibTeX::name).collect(Collectors.joining(" and ")));
        }
        field(entry, "title", "{" + escape(work.title()) + "}");
        field(entry, "type", escape(work.genre()));
        if (work.issued() != null) {
            int[] parts = work.issuedParts();
            field(entry, "date", work.issued().toString());
            field(entry, "year", String.valueOf(parts[0]));
            if (parts.length > 1) {
                entry.append("  month = ").append(MONTHS[parts[1] - 1]).append(",\n");
            }
        }
        if (work.publisher() != null) {
            // a report's issuing body is its institution; other entries have a publisher
            field(entry, work.type() == WorkType.REPORT ? "institution" : "publisher", escape(work.publisher()));
        }
        if (work.place() != null) {
            field(entry, "address", escape(work.place()));
        }
        field(entry, "url", work.url());
        field(entry, "urldate", work.accessed().format(DateTimeFormatter.ISO_LOCAL_DATE));
        field(entry, "language", work.language());
        return entry.append("}\n").toString();
    }

    private static void field(StringBuilder entry, String name, String value) {
        entry.append("  ").append(name).append(" = {").append(value).append("},\n");
    }

    private static String name(PersonName name) {
        String family = escape(name.family());
        if (name.given() == null) {
            return "{" + family + "}";
        }
        return family + ", " + (name.suffix() == null ? "" : escape(name.suffix()) + ", ") + escape(name.given());
    }

    /** {@code text} with the characters TeX gives a meaning escaped; every other character is UTF-8 as it is. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\\' -> escaped.append("\\textbackslash{}");
                case '{', '}', '&', '%', '$', '#', '_' -> escaped.append('\\').appendCodePoint(c);
                case '~' -> escaped.append("\\textasciitilde{}");
                case '^' -> escaped.append("\\textasciicircum{}");
                default -> escaped.appendCodePoint(c);
            }
        });
        return escaped.toString();
    }
}
