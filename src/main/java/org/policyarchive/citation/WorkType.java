package org.policyarchive.citation;

import de.undercouch.citeproc.csl.CSLType;
import org.policyarchive.record.RecordKind;

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

    static WorkType of(RecordKind kind) {
        return switch (kind) {
            case STUDY_SESSION,
                    MEETING,
                    SPEECH,
                    ADDRESS,
                    INAUGURAL_ADDRESS,
                    FAREWELL_ADDRESS,
                    REMARKS,
                    FIRESIDE_CHAT,
                    DEBATE,
                    PRESS_CONFERENCE -> SPEECH;
            case INTERVIEW -> INTERVIEW;
            case LETTER -> LETTER;
            case REPORT, GOVERNMENT_WORK_REPORT -> REPORT;
            case POLICY_DOCUMENT,
                    STATEMENT,
                    PROCLAMATION,
                    MESSAGE,
                    VETO_MESSAGE,
                    ANNUAL_MESSAGE,
                    RESOLUTION,
                    NPC_RESOLUTION -> DOCUMENT;
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
