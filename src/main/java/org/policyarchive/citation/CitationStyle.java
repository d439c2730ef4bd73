package org.policyarchive.citation;

/**
 * The citation styles the Cite block offers, each a CSL style bundled under {@code csl/}. Chicago is the
 * notes-bibliography form (18th edition), whose bibliography entry is what the block shows: the form historians and
 * policy scholars cite documents in; APA already gives the author-date form.
 */
public enum CitationStyle {
    GB_T_7714("gb-t-7714", "china-national-standard-gb-t-7714-2015-numeric"),
    APA("apa", "apa"),
    CHICAGO("chicago", "chicago-notes-bibliography");

    private final String code;
    private final String file;

    CitationStyle(String code, String file) {
        this.code = code;
        this.file = file;
    }

    /** The style's name in ids and message keys: {@code gb-t-7714}, {@code apa}, {@code chicago}. */
    public String code() {
        return code;
    }

    /** The key of the style's name in the messages files. */
    public String messageKey() {
        return "citation.style." + code;
    }

    /** The style's CSL file on the classpath. */
    String resource() {
        return "csl/" + file + ".csl";
    }
}
