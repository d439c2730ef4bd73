package org.policyarchive.uploads;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.policyarchive.person.Person;
import org.policyarchive.person.PersonDirectory;
import org.policyarchive.record.RecordDraft;
import org.policyarchive.record.RecordKind;
import org.policyarchive.record.RecordStatus;
import org.policyarchive.record.Role;
import org.policyarchive.system.PartialDate;
import org.policyarchive.theme.Theme;
import org.policyarchive.theme.ThemeVocabulary;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns extracted text into a draft record: the title, the paragraphs as the body, the stated date, a guess at
 * kind, language and place, the people with the roles the text gives them, and the vocabulary's themes whose
 * names occur. Roles come from phrases: in each sentence, the people named before "presided over" (主持) presided,
 * those before "delivering a presentation" / "delivered a lecture" (作讲座) lectured, those before "participated"
 * (参加, 出席) participated; known people named anywhere else are mentioned. Known people are found by any of their
 * names (name, native name, aliases); other names next to a role phrase are proposed as new people.
 */
@Component
class UploadAnalyzer {

    static final int TITLE_MAX = 500;

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?。！？；;])\\s*|\\n\\s*\\n");
    private static final Map<Role, Pattern> ROLE_PHRASES = new LinkedHashMap<>();

    static {
        ROLE_PHRASES.put(Role.PRESIDED, Pattern.compile("(?i)\\b(presided|presiding|chaired|chairing)\\b|主持"));
        ROLE_PHRASES.put(
                Role.LECTURED,
                Pattern.compile("(?i)\\b(deliver(ed|ing|s)?|gave|giving)\\s+(a\\s+|the\\s+)?(special\\s+)?"
                        + "(presentation|lecture|talk)\\b|\\blectured\\b|作(了)?(专题)?(讲座|讲解|报告)"));
        ROLE_PHRASES.put(
                Role.PARTICIPATED,
                Pattern.compile("(?i)\\b(participated|participating|took\\s+part|attended)\\b|参加|出席"));
    }

    private static final Pattern ENGLISH_NAME = Pattern.compile("\\b\\p{Lu}\\p{Ll}+(?:[ -]\\p{Lu}\\p{Ll}+){1,3}\\b");
    private static final Set<String> TITLE_WORDS = Set.of(
            "premier",
            "premiers",
            "vice",
            "president",
            "presidents",
            "academician",
            "professor",
            "dr",
            "minister",
            "secretary",
            "general",
            "comrade",
            "mr",
            "mrs",
            "ms",
            "chairman",
            "chairwoman",
            "governor",
            "senator",
            "director",
            "chief",
            "state",
            "councilor",
            "councillor",
            "ambassador",
            "deputy",
            "mayor",
            "with",
            "and");
    private static final Set<String> NOT_NAME_WORDS = Set.of(
            "academy",
            "council",
            "committee",
            "congress",
            "party",
            "university",
            "ministry",
            "government",
            "republic",
            "china",
            "chinese",
            "national",
            "people",
            "peoples",
            "bank",
            "commission",
            "office",
            "institute",
            "association",
            "federation",
            "assembly",
            "court",
            "union",
            "department",
            "bureau",
            "engineering",
            "sciences",
            "science",
            "the",
            "of");
    private static final Pattern CHINESE_TITLE = Pattern.compile(".*(总理|副总理|院士|教授|部长|主任|委员|书记|主席|行长|总书记|研究员|同志)");
    private static final Pattern CHINESE_NAME = Pattern.compile("\\p{IsHan}{2,3}");
    /**
     * Where a clause ends before a list of names. Looked up from the end by {@link #lastClause}: the pattern
     * {@code .*[，,]} it replaces backtracked from every character of a long text without one, quadratic in it.
     */
    private static final String CLAUSE_ENDS = "，,。：:（(\n\r\u0085\u2028\u2029";

    private final PersonDirectory people;
    private final ThemeVocabulary themes;

    UploadAnalyzer(PersonDirectory people, ThemeVocabulary themes) {
        this.people = people;
        this.themes = themes;
    }

    @Transactional(readOnly = true)
    RecordDraft analyze(ExtractedText text, String fileName) {
        if (text.interchange() != null) {
            return fromInterchange(text.interchange());
        }
        List<String> paragraphs = new ArrayList<>(text.paragraphs());
        String title = text.metadataTitle();
        if (title != null && !paragraphs.isEmpty() && paragraphs.get(0).equals(title)) {
            paragraphs.remove(0);
        } else if (title == null) {
            String first = paragraphs.get(0);
            if (first.length() <= TITLE_MAX && paragraphs.size() > 1) {
                title = first;
                paragraphs.remove(0);
            } else {
                title = shorten(first);
            }
        }
        String body = String.join("\n\n", paragraphs);
        String all = title + "\n\n" + body;
        PartialDate date = DateFinder.find(all, fileName).orElse(null);
        return new RecordDraft(
                null,
                shorten(title),
                kindOf(all),
                date == null ? null : date.toString(),
                date == null ? null : date.precision(),
                placeOf(paragraphs),
                null,
                languageOf(all),
                null,
                body,
                null,
                RecordStatus.DRAFT,
                null,
                findPeople(all),
                findThemes(all),
                List.of());
    }

    /** An uploaded interchange record as it is, with its people and themes that the archive knows by their ids. */
    private RecordDraft fromInterchange(RecordDraft record) {
        List<RecordDraft.PersonRow> proposed = record.people().stream()
                .map(row -> new RecordDraft.PersonRow(
                        people.findByAnyName(row.name()).map(Person::getId).orElse(null),
                        row.name(),
                        row.role(),
                        row.office()))
                .toList();
        List<RecordDraft.ThemeRef> proposedThemes = record.themes().stream()
                .map(theme -> new RecordDraft.ThemeRef(
                        themes.findByName(theme.name()).map(Theme::getId).orElse(null), theme.name()))
                .toList();
        return new RecordDraft(
                record.slug(),
                record.title(),
                record.kind(),
                record.date(),
                record.datePrecision(),
                record.place(),
                record.organization(),
                record.language(),
                record.summary(),
                record.body(),
                record.source(),
                RecordStatus.DRAFT,
                null,
                proposed,
                proposedThemes,
                record.notes());
    }

    private List<RecordDraft.PersonRow> findPeople(String text) {
        List<KnownName> names = knownNames();
        Map<String, RecordDraft.PersonRow> found = new LinkedHashMap<>();
        for (String sentence : SENTENCE_END.split(text)) {
            List<RolePhrase> phrases = rolePhrases(sentence);
            int segmentStart = 0;
            for (RolePhrase phrase : phrases) {
                String segment = sentence.substring(segmentStart, phrase.start());
                List<KnownName> known = occurrences(names, segment);
                for (KnownName name : known) {
                    found.putIfAbsent(
                            "id:" + name.person().getId(),
                            new RecordDraft.PersonRow(
                                    name.person().getId(), name.person().getName(), phrase.role(), null));
                }
                if (known.isEmpty()) {
                    for (String candidate : newNames(segment)) {
                        found.putIfAbsent(
                                "name:" + candidate.toLowerCase(Locale.ROOT),
                                new RecordDraft.PersonRow(null, candidate, phrase.role(), null));
                    }
                }
                segmentStart = phrase.end();
            }
        }
        for (KnownName name : occurrences(names, text)) {
            found.putIfAbsent(
                    "id:" + name.person().getId(),
                    new RecordDraft.PersonRow(
                            name.person().getId(), name.person().getName(), Role.MENTIONED, null));
        }
        return List.copyOf(found.values());
    }

    private record RolePhrase(Role role, int start, int end) {}

    private static List<RolePhrase> rolePhrases(String sentence) {
        List<RolePhrase> phrases = new ArrayList<>();
        ROLE_PHRASES.forEach((role, pattern) -> {
            Matcher matcher = pattern.matcher(sentence);
            while (matcher.find()) {
                phrases.add(new RolePhrase(role, matcher.start(), matcher.end()));
            }
        });
        phrases.sort(Comparator.comparingInt(RolePhrase::start));
        return phrases;
    }

    /** A name under which a known person may appear, longest first so "Vice Premier Ding Xuexiang" wins. */
    private record KnownName(Person person, String name, Pattern pattern) {}

    private List<KnownName> knownNames() {
        List<KnownName> names = new ArrayList<>();
        for (Person person : people.findAllByName()) {
            List<String> all = new ArrayList<>();
            all.add(person.getName());
            if (person.getNativeName() != null) {
                all.add(person.getNativeName());
            }
            all.addAll(person.getAliases());
            for (String name : all) {
                if (name.strip().length() >= 2) {
                    names.add(new KnownName(person, name, namePattern(name.strip())));
                }
            }
        }
        names.sort(Comparator.comparingInt((KnownName n) -> n.name().length()).reversed());
        return names;
    }

    private static Pattern namePattern(String name) {
        boolean latin = name.chars().anyMatch(Character::isLetter) && !TextExtractor.isCjk(name.charAt(0));
        String quoted = Pattern.quote(name);
        return latin
                ? Pattern.compile("(?<![\\p{L}\\p{N}])" + quoted + "(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE)
                : Pattern.compile(quoted);
    }

    /** The known people named in the text, in the order of their first appearance. */
    private static List<KnownName> occurrences(List<KnownName> names, String text) {
        Map<Long, Integer> firstSeen = new LinkedHashMap<>();
        Map<Long, KnownName> byPerson = new LinkedHashMap<>();
        for (KnownName name : names) {
            Matcher matcher = name.pattern().matcher(text);
            if (matcher.find()) {
                Long id = name.person().getId();
                if (!firstSeen.containsKey(id) || matcher.start() < firstSeen.get(id)) {
                    firstSeen.put(id, matcher.start());
                    byPerson.put(id, name);
                }
            }
        }
        return byPerson.values().stream()
                .sorted(Comparator.comparingInt(n -> firstSeen.get(n.person().getId())))
                .toList();
    }

    /** Names that look like people's in a stretch of text before a role phrase, titles left off. */
    static List<String> newNames(String segment) {
        List<String> names = new ArrayList<>();
        Matcher latin = ENGLISH_NAME.matcher(segment);
        while (latin.find()) {
            List<String> words = new ArrayList<>(List.of(latin.group().split("[ ]")));
            while (!words.isEmpty() && TITLE_WORDS.contains(words.get(0).toLowerCase(Locale.ROOT))) {
                words.remove(0);
            }
            boolean organization =
                    words.stream().anyMatch(word -> NOT_NAME_WORDS.contains(word.toLowerCase(Locale.ROOT)));
            if (words.size() >= 2 && !organization) {
                names.add(String.join(" ", words));
            }
        }
        if (names.isEmpty()
                && segment.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            String clause = lastClause(segment);
            Matcher title = CHINESE_TITLE.matcher(clause);
            if (title.lookingAt()) {
                for (String piece : clause.substring(title.end()).split("[、和及与，,\\s]+")) {
                    if (CHINESE_NAME.matcher(piece).matches()) {
                        names.add(piece);
                    }
                }
            }
        }
        return names;
    }

    /** What follows the segment's last clause mark or line break, found in one pass from the end. */
    private static String lastClause(String segment) {
        for (int i = segment.length() - 1; i >= 0; i--) {
            if (CLAUSE_ENDS.indexOf(segment.charAt(i)) >= 0) {
                return segment.substring(i + 1);
            }
        }
        return segment;
    }

    private List<RecordDraft.ThemeRef> findThemes(String text) {
        List<RecordDraft.ThemeRef> found = new ArrayList<>();
        for (ThemeVocabulary.ThemeNode node : themes.tree()) {
            addIfNamed(found, node.theme(), text);
            node.children().forEach(child -> addIfNamed(found, child, text));
        }
        return found;
    }

    private static void addIfNamed(List<RecordDraft.ThemeRef> found, Theme theme, String text) {
        boolean named = namePattern(theme.getName()).matcher(text).find()
                || (theme.getNameZh() != null && text.contains(theme.getNameZh()));
        if (named) {
            found.add(new RecordDraft.ThemeRef(theme.getId(), theme.getName()));
        }
    }

    private static @Nullable RecordKind kindOf(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("study session") || text.contains("集体学习") || text.contains("专题学习")) {
            return RecordKind.STUDY_SESSION;
        }
        if (lower.contains("press conference") || text.contains("记者会")) {
            return RecordKind.PRESS_CONFERENCE;
        }
        if (text.contains("政府工作报告")) {
            return RecordKind.GOVERNMENT_WORK_REPORT;
        }
        return null;
    }

    static String languageOf(String text) {
        long letters = text.codePoints().filter(Character::isLetter).count();
        long han = text.codePoints()
                .filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                .count();
        return letters > 0 && han * 3 > letters ? "zh-Hans" : "en";
    }

    private static final Pattern DATELINE =
            Pattern.compile("^(\\p{Lu}[\\p{L} .]{1,40}),\\s*\\p{Lu}[\\p{L} .]{1,40}\\s+[–—-]\\s");

    private static @Nullable String placeOf(List<String> paragraphs) {
        if (paragraphs.isEmpty()) {
            return null;
        }
        Matcher dateline = DATELINE.matcher(paragraphs.get(0));
        return dateline.find() ? dateline.group(1).strip() : null;
    }

    /** The text itself when it fits a title, else its first 200 characters or so, cut at a space. */
    private static String shorten(String text) {
        if (text.length() <= TITLE_MAX) {
            return text;
        }
        int cut = text.lastIndexOf(' ', 200);
        return text.substring(0, cut > 100 ? cut : 200) + "…";
    }
}
