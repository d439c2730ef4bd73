package org.policyarchive.record;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What kind of document a record is. Each kind has the label the interchange format uses, so that an export
 * read back in gives the same kind.
 */
public enum RecordKind {
    STUDY_SESSION("study session"),
    MEETING("meeting"),
    SPEECH("speech"),
    ADDRESS("address"),
    INAUGURAL_ADDRESS("inaugural address"),
    FAREWELL_ADDRESS("farewell address"),
    ANNUAL_MESSAGE("annual message / State of the Union"),
    MESSAGE("message"),
    VETO_MESSAGE("veto message"),
    REMARKS("remarks"),
    FIRESIDE_CHAT("fireside chat"),
    DEBATE("debate"),
    PRESS_CONFERENCE("press conference"),
    STATEMENT("statement"),
    PROCLAMATION("proclamation"),
    LETTER("letter"),
    INTERVIEW("interview"),
    POLICY_DOCUMENT("policy document"),
    REPORT("report"),
    GOVERNMENT_WORK_REPORT("government work report"),
    RESOLUTION("resolution"),
    NPC_RESOLUTION("NPC resolution on the government work report");

    private final String label;

    RecordKind(String label) {
        this.label = label;
    }

    /** The interchange label, such as {@code "study session"}. */
    public String label() {
        return label;
    }

    /** The kind for an interchange label or an enum name, ignoring case. */
    public static Optional<RecordKind> fromLabel(String text) {
        String wanted = text.strip();
        return Arrays.stream(values())
                .filter(kind -> kind.label.equalsIgnoreCase(wanted)
                        || kind.name().equalsIgnoreCase(wanted.replace(' ', '_').replace('-', '_')))
                .findFirst();
    }

    /** The lower-case code used in URLs, such as {@code study-session}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<RecordKind> fromCode(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code().equals(code)).findFirst();
    }
}
