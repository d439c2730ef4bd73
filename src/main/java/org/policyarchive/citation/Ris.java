package org.policyarchive.citation;

/**
 * A cited work as one RIS record, as reference managers (Zotero, EndNote, Mendeley) import it: tagged lines ending in
 * CR LF, one {@code AU} line per author as "Family, Given", the date as {@code YYYY/MM/DD/} with unknown parts left
 * empty, the genre as the type of work ({@code M3}) and the access date as {@code Y2}.
 */
final class Ris {

    private Ris() {}

    static String record(CitedWork work) {
        StringBuilder ris = new StringBuilder();
        line(ris, "TY", work.type().ris());
        line(ris, "TI", work.title());
        work.authors().forEach(author -> line(ris, "AU", author.inverted()));
        if (work.issued() != null) {
            int[] parts = work.issuedParts();
            line(ris, "PY", String.valueOf(parts[0]));
            line(
                    ris,
                    "DA",
                    String.format(
                            "%04d/%s/%s/",
                            parts[0],
                            parts.length > 1 ? String.format("%02d", parts[1]) : "",
                            parts.length > 2 ? String.format("%02d", parts[2]) : ""));
        }
        line(ris, "M3", work.genre());
        if (work.publisher() != null) {
            line(ris, "PB", work.publisher());
        }
        if (work.place() != null) {
            line(ris, "CY", work.place());
        }
        line(ris, "UR", work.url());
        line(
                ris,
                "Y2",
                String.format(
                        "%04d/%02d/%02d/",
                        work.accessed().getYear(),
                        work.accessed().getMonthValue(),
                        work.accessed().getDayOfMonth()));
        line(ris, "LA", work.language());
        line(ris, "ER", "");
        return ris.toString();
    }

    /** A tag, two spaces, a hyphen and a space, then the value on one line (a line end in it would end the field). */
    private static void line(StringBuilder ris, String tag, String value) {
        ris.append(tag)
                .append("  - ")
                .append(value.replaceAll("[\\r\\n]+", " "))
                .append("\r\n");
    }
}
