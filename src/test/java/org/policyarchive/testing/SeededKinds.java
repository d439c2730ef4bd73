package org.policyarchive.testing;

import java.util.List;
import java.util.Optional;
import org.policyarchive.record.Kind;
import org.policyarchive.record.KindLookup;
import org.policyarchive.record.Kinds;
import org.policyarchive.record.RecordKind;

/**
 * The kinds every archive starts with (V43), for tests that read or write the interchange format without a database:
 * {@code new InterchangeReader(SeededKinds.LOOKUP)}. Tests against PostgreSQL use the {@code Kinds} bean instead.
 */
public final class SeededKinds {

    public static final List<Kind> ALL = List.of(
            kind(RecordKind.STUDY_SESSION, "study session", "Study session", "专题学习", Kind.CitedAs.SPEECH),
            kind(RecordKind.MEETING, "meeting", "Meeting", "会议", Kind.CitedAs.SPEECH),
            kind(RecordKind.SPEECH, "speech", "Speech", "讲话", Kind.CitedAs.SPEECH),
            kind(RecordKind.ADDRESS, "address", "Address", "演讲", Kind.CitedAs.SPEECH),
            kind(RecordKind.INAUGURAL_ADDRESS, "inaugural address", "Inaugural address", "就职演说", Kind.CitedAs.SPEECH),
            kind(RecordKind.FAREWELL_ADDRESS, "farewell address", "Farewell address", "告别演说", Kind.CitedAs.SPEECH),
            kind(
                    RecordKind.ANNUAL_MESSAGE,
                    "annual message / State of the Union",
                    "Annual message / State of the Union",
                    "国情咨文",
                    Kind.CitedAs.DOCUMENT),
            kind(RecordKind.MESSAGE, "message", "Message", "咨文", Kind.CitedAs.DOCUMENT),
            kind(RecordKind.VETO_MESSAGE, "veto message", "Veto message", "否决咨文", Kind.CitedAs.DOCUMENT),
            kind(RecordKind.REMARKS, "remarks", "Remarks", "致辞", Kind.CitedAs.SPEECH),
            kind(RecordKind.FIRESIDE_CHAT, "fireside chat", "Fireside chat", "炉边谈话", Kind.CitedAs.SPEECH),
            kind(RecordKind.DEBATE, "debate", "Debate", "辩论", Kind.CitedAs.SPEECH),
            kind(RecordKind.PRESS_CONFERENCE, "press conference", "Press conference", "记者会", Kind.CitedAs.SPEECH),
            kind(RecordKind.STATEMENT, "statement", "Statement", "声明", Kind.CitedAs.DOCUMENT),
            kind(RecordKind.PROCLAMATION, "proclamation", "Proclamation", "公告", Kind.CitedAs.DOCUMENT),
            kind(RecordKind.LETTER, "letter", "Letter", "信函", Kind.CitedAs.LETTER),
            kind(RecordKind.INTERVIEW, "interview", "Interview", "访谈", Kind.CitedAs.INTERVIEW),
            kind(RecordKind.POLICY_DOCUMENT, "policy document", "Policy document", "政策文件", Kind.CitedAs.DOCUMENT),
            kind(RecordKind.REPORT, "report", "Report", "报告", Kind.CitedAs.REPORT),
            kind(
                    RecordKind.GOVERNMENT_WORK_REPORT,
                    "government work report",
                    "Government work report",
                    "政府工作报告",
                    Kind.CitedAs.REPORT),
            kind(RecordKind.RESOLUTION, "resolution", "Resolution", "决议", Kind.CitedAs.DOCUMENT),
            kind(
                    RecordKind.NPC_RESOLUTION,
                    "NPC resolution on the government work report",
                    "NPC resolution on the government work report",
                    "全国人民代表大会关于政府工作报告的决议",
                    Kind.CitedAs.DOCUMENT));

    /** Finds the seeded kinds by the spellings {@code Kinds} accepts: label, id, code or name, ignoring case. */
    public static final KindLookup LOOKUP = new KindLookup() {
        @Override
        public Optional<RecordKind> find(String spelling) {
            String key = Kinds.key(spelling);
            return ALL.stream()
                    .filter(kind -> key.equals(Kinds.key(kind.label()))
                            || key.equals(Kinds.key(kind.kind().name()))
                            || key.equals(Kinds.key(kind.englishName()))
                            || key.equals(Kinds.key(String.valueOf(kind.chineseName()))))
                    .map(Kind::kind)
                    .findFirst();
        }

        @Override
        public List<String> labels() {
            return ALL.stream().map(Kind::label).toList();
        }

        @Override
        public String label(RecordKind kind) {
            return ALL.stream()
                    .filter(entry -> entry.kind().equals(kind))
                    .map(Kind::label)
                    .findFirst()
                    .orElseThrow();
        }
    };

    private SeededKinds() {}

    private static Kind kind(RecordKind kind, String label, String english, String chinese, Kind.CitedAs citedAs) {
        return new Kind(kind, label, english, chinese, citedAs, 0);
    }
}
