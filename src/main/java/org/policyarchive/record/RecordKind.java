package org.policyarchive.record;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.Serializable;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What kind of document a record is, as the value {@code record.kind} holds ({@code STUDY_SESSION}): an entry of the
 * kinds vocabulary ({@link Kinds}), which gives its names, its interchange label and how citations treat it. The
 * constants are the kinds every archive starts with (V43), for the code and tests that name one; admins add others.
 */
public record RecordKind(String name) implements Serializable {

    /** The longest id, the length of {@code record.kind}. */
    public static final int MAX_LENGTH = 60;

    private static final Pattern ID = Pattern.compile("[^\\s\\p{Cntrl}\\p{Ll}-]{1," + MAX_LENGTH + "}");

    public static final RecordKind STUDY_SESSION = new RecordKind("STUDY_SESSION");
    public static final RecordKind MEETING = new RecordKind("MEETING");
    public static final RecordKind SPEECH = new RecordKind("SPEECH");
    public static final RecordKind ADDRESS = new RecordKind("ADDRESS");
    public static final RecordKind INAUGURAL_ADDRESS = new RecordKind("INAUGURAL_ADDRESS");
    public static final RecordKind FAREWELL_ADDRESS = new RecordKind("FAREWELL_ADDRESS");
    public static final RecordKind ANNUAL_MESSAGE = new RecordKind("ANNUAL_MESSAGE");
    public static final RecordKind MESSAGE = new RecordKind("MESSAGE");
    public static final RecordKind VETO_MESSAGE = new RecordKind("VETO_MESSAGE");
    public static final RecordKind REMARKS = new RecordKind("REMARKS");
    public static final RecordKind FIRESIDE_CHAT = new RecordKind("FIRESIDE_CHAT");
    public static final RecordKind DEBATE = new RecordKind("DEBATE");
    public static final RecordKind PRESS_CONFERENCE = new RecordKind("PRESS_CONFERENCE");
    public static final RecordKind STATEMENT = new RecordKind("STATEMENT");
    public static final RecordKind PROCLAMATION = new RecordKind("PROCLAMATION");
    public static final RecordKind LETTER = new RecordKind("LETTER");
    public static final RecordKind INTERVIEW = new RecordKind("INTERVIEW");
    public static final RecordKind POLICY_DOCUMENT = new RecordKind("POLICY_DOCUMENT");
    public static final RecordKind REPORT = new RecordKind("REPORT");
    public static final RecordKind GOVERNMENT_WORK_REPORT = new RecordKind("GOVERNMENT_WORK_REPORT");
    public static final RecordKind RESOLUTION = new RecordKind("RESOLUTION");
    public static final RecordKind NPC_RESOLUTION = new RecordKind("NPC_RESOLUTION");

    public RecordKind {
        if (!ID.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a kind's id: " + name);
        }
    }

    /**
     * The kind whose id is {@code name}, as {@code record.kind}, a revision or a form holds it; whether the archive
     * has such a kind is {@link Kinds}' to say.
     */
    @JsonCreator
    public static RecordKind valueOf(String name) {
        return new RecordKind(name);
    }

    /** The kind whose address code is {@code code} ({@code study-session}), if the code is well formed. */
    static RecordKind ofCode(String code) {
        return new RecordKind(code.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    @Override
    @JsonValue
    public String name() {
        return name;
    }

    /** The lower-case code used in URLs, such as {@code study-session}. */
    public String code() {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public String toString() {
        return name;
    }
}
