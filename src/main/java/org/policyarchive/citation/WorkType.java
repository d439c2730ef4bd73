package org.policyarchive.citation;

import de.undercouch.citeproc.csl.CSLType;
import org.policyarchive.record.Kind;

/**
 * What kind of work a record is to a citation, with its type in CSL, BibTeX and RIS. What was said aloud to an audience
 * is a speech (CSL {@code speech}, which GB/T 7714 marks [Z]); a report is a report ([R]); a letter a personal
 * communication; an interview an interview; every other written text of a government body (policy documents,
 * resolutions, statements, proclamations, messages) a document. The record's kind is the genre ("Study session").
 */
enum WorkType {
    SPEECH(CSLType.SPEECH, "misc", "GEN"),
    INTERVIEW(CSLType.INTERVIEW, "misc", "GEN"),
    LETTER(CSLType.PERSONAL_COMMUNICATION, "misc", "PCOMM"),
    REPORT(CSLType.REPORT, "techreport", "RPRT"),
    DOCUMENT(CSLType.DOCUMENT, "misc", "GOVDOC");

    private final CSLType csl;
    private final String bibtex;
    private final String ris;

    WorkType(CSLType csl, String bibtex, String ris) {
        this.csl = csl;
        this.bibtex = bibtex;
        this.ris = ris;
    }

    /** The type of work of a kind's records, as the kinds vocabulary says (V43 keeps the earlier choice of each). */
    static WorkType of(Kind.CitedAs citedAs) {
        return switch (citedAs) {
            case SPEECH -> SPEECH;
            case INTERVIEW -> INTERVIEW;
            case LETTER -> LETTER;
            case REPORT -> REPORT;
            case DOCUMENT -> DOCUMENT;
        };
    }

    CSLType csl() {
        return csl;
    }

    /** The BibTeX entry type: {@code techreport} for reports, {@code misc} for the rest. */
    String bibtex() {
        return bibtex;
    }

    /** The RIS reference type. */
    String ris() {
        return ris;
    }
}
