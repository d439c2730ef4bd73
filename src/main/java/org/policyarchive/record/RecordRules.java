package org.policyarchive.record;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.policyarchive.system.ControlCharacters;
import org.policyarchive.system.PartialDate;
import org.policyarchive.system.Slugs;

/**
 * The record's rules that need nothing but the draft: what is required, how long each text may be, what a date, a
 * language tag and a slug look like, and how texts are normalised before they are kept. Every way in (the form, an
 * upload, a bulk import) goes through them, so a record that came in one way can always be saved again another.
 */
final class RecordRules {

    static final int TITLE_MAX = 500;
    static final int SLUG_MAX = 200;
    /** Place, organization, a person's name and office, a theme's name. */
    static final int SHORT_MAX = 300;

    static final int LANGUAGE_MAX = 35;
    static final int SUMMARY_MAX = 20_000;
    static final int BODY_MAX = 1_000_000;
    static final int SOURCE_MAX = 5_000;
    static final int NOTE_MAX = 5_000;
    static final int COMMENT_MAX = 500;

    private RecordRules() {}

    /** Every rule {@code draft} breaks, in the order of the form's fields; empty when it can be kept. */
    static List<RecordViolation> check(RecordDraft draft) {
        List<RecordViolation> violations = new ArrayList<>();
        if (isBlank(draft.title())) {
            violations.add(new RecordViolation("title", "record.title.required"));
        } else {
            max(violations, "title", draft.title().strip(), TITLE_MAX, "record.title.size");
        }
        if (!isBlank(draft.slug())) {
            String slug = draft.slug().strip();
            if (slug.length() > SLUG_MAX) {
                violations.add(new RecordViolation("slug", "record.slug.size", SLUG_MAX));
            } else if (!Slugs.isSlug(slug)) {
                violations.add(new RecordViolation("slug", "record.slug.invalid"));
            }
        }
        if (draft.kind() == null) {
            violations.add(new RecordViolation("kind", "record.kind.required"));
        }
        if (!isBlank(draft.date())) {
            try {
                PartialDate.parse(draft.date(), draft.datePrecision());
            } catch (PartialDate.InvalidDateException e) {
                violations.add(new RecordViolation("date", e.messageKey()));
            }
        }
        max(violations, "place", draft.place(), SHORT_MAX, "record.field.size");
        max(violations, "organization", draft.organization(), SHORT_MAX, "record.field.size");
        if (isBlank(draft.language())) {
            violations.add(new RecordViolation("language", "record.language.required"));
        } else if (draft.language().strip().length() > LANGUAGE_MAX || !LanguageTag.isValid(draft.language())) {
            violations.add(new RecordViolation("language", "record.language.invalid"));
        }
        max(violations, "summary", draft.summary(), SUMMARY_MAX, "record.summary.size");
        if (isBlank(draft.body())) {
            violations.add(new RecordViolation("body", "record.body.required"));
        } else {
            max(violations, "body", draft.body(), BODY_MAX, "record.body.size");
        }
        max(violations, "source", draft.source(), SOURCE_MAX, "record.source.size");
        if (draft.status() == null) {
            violations.add(new RecordViolation("status", "record.status.required"));
        }
        max(violations, "translationSlug", draft.translationSlug(), SLUG_MAX, "record.translation.unknown");
        checkPeople(draft.people(), violations);
        checkStorable(draft, violations);
        for (RecordDraft.ThemeRef theme : draft.themes()) {
            if (theme.themeId() == null
                    && theme.name() != null
                    && theme.name().strip().length() > SHORT_MAX) {
                violations.add(new RecordViolation("newThemes", "record.field.size", SHORT_MAX));
                break;
            }
        }
        for (int i = 0; i < draft.notes().size(); i++) {
            max(violations, "notes[" + i + "]", draft.notes().get(i), NOTE_MAX, "record.note.size");
        }
        return violations;
    }

    /**
     * PostgreSQL keeps no text with a NUL character in it, and no text keeps another control character (see
     * {@link ControlCharacters}), but for the tabs and line ends of the texts written on several lines.
     */
    private static void checkStorable(RecordDraft draft, List<RecordViolation> violations) {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("title", draft.title());
        lines.put("slug", draft.slug());
        lines.put("date", draft.date());
        lines.put("place", draft.place());
        lines.put("organization", draft.organization());
        lines.put("language", draft.language());
        lines.put("translationSlug", draft.translationSlug());
        for (int i = 0; i < draft.people().size(); i++) {
            lines.put("people[" + i + "].name", draft.people().get(i).name());
            lines.put("people[" + i + "].office", draft.people().get(i).office());
        }
        for (RecordDraft.ThemeRef theme : draft.themes()) {
            if (ControlCharacters.inLine(theme.name())) {
                lines.putIfAbsent("newThemes", theme.name());
            }
        }
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("summary", draft.summary());
        texts.put("body", draft.body());
        texts.put("source", draft.source());
        for (int i = 0; i < draft.notes().size(); i++) {
            texts.put("notes[" + i + "]", draft.notes().get(i));
        }
        // A line of nothing but blanks is an empty field ("required" where one is), not a field with tabs in it.
        lines.forEach((field, line) -> {
            if (line != null && !line.isBlank()) {
                checkStorable(field, line, ControlCharacters.inLine(line), violations);
            }
        });
        texts.forEach((field, text) -> checkStorable(field, text, ControlCharacters.inText(text), violations));
    }

    private static void checkStorable(
            String field, @Nullable String text, boolean hasControlCharacter, List<RecordViolation> violations) {
        if (text != null && text.indexOf('\0') >= 0) {
            violations.add(new RecordViolation(field, "record.text.nul"));
        } else if (hasControlCharacter) {
            violations.add(new RecordViolation(field, "text.control"));
        }
    }

    /** The violations of a revision's comment: too long, or holding a control character. */
    static List<RecordViolation> checkComment(@Nullable String comment) {
        List<RecordViolation> violations = new ArrayList<>();
        max(violations, "comment", comment, COMMENT_MAX, "record.comment.size");
        checkStorable("comment", comment, ControlCharacters.inLine(comment), violations);
        return violations;
    }

    private static void checkPeople(List<RecordDraft.PersonRow> rows, List<RecordViolation> violations) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            RecordDraft.PersonRow row = rows.get(i);
            if (row.isBlank()) {
                continue;
            }
            String field = "people[" + i + "]";
            max(violations, field + ".name", row.name(), SHORT_MAX, "record.field.size");
            max(violations, field + ".office", row.office(), SHORT_MAX, "record.field.size");
            if (row.role() == null) {
                violations.add(new RecordViolation(field + ".role", "record.role.required"));
                continue;
            }
            String who = row.personId() != null
                    ? "#" + row.personId()
                    : row.name().strip().toLowerCase(Locale.ROOT);
            if (!seen.add(who + "/" + row.role())) {
                violations.add(new RecordViolation(field + ".name", "record.person.duplicate"));
            }
        }
    }

    /**
     * The draft as the record keeps it: texts stripped and blank ones dropped, the language tag in its canonical
     * case, the date as written canonically, paragraphs separated by exactly one blank line, blank rows, notes and
     * repeated theme names left out. Call it on a draft that {@link #check} passed.
     */
    static RecordDraft normalize(RecordDraft draft) {
        PartialDate date = isBlank(draft.date()) ? null : PartialDate.parse(draft.date(), draft.datePrecision());
        Map<String, RecordDraft.ThemeRef> themes = new LinkedHashMap<>();
        for (RecordDraft.ThemeRef theme : draft.themes()) {
            if (theme.themeId() != null) {
                themes.putIfAbsent("#" + theme.themeId(), theme);
            } else if (!isBlank(theme.name())) {
                String name = theme.name().strip();
                themes.putIfAbsent(name.toLowerCase(Locale.ROOT), new RecordDraft.ThemeRef(null, name));
            }
        }
        return new RecordDraft(
                blankToNull(draft.slug()),
                draft.title().strip(),
                draft.kind(),
                date == null ? null : date.toString(),
                date == null ? null : date.precision(),
                blankToNull(draft.place()),
                blankToNull(draft.organization()),
                LanguageTag.canonical(draft.language()),
                blankToNull(unixLineEnds(draft.summary())),
                normalizeBody(draft.body()),
                blankToNull(unixLineEnds(draft.source())),
                draft.status(),
                blankToNull(draft.translationSlug()),
                draft.people().stream()
                        .filter(row -> !row.isBlank())
                        .map(row -> new RecordDraft.PersonRow(
                                row.personId(), blankToNull(row.name()), row.role(), blankToNull(row.office())))
                        .toList(),
                List.copyOf(themes.values()),
                draft.notes().stream()
                        .filter(note -> !isBlank(note))
                        .map(RecordRules::normalizeNote)
                        .toList());
    }

    /** Paragraphs separated by exactly one blank line, line ends as {@code \n}, no spaces around a paragraph. */
    static String normalizeBody(String body) {
        // a line of spaces, tabs or no-break spaces is blank wherever it is in a run of blank lines
        return Arrays.stream(unixLineEnds(body).split("\n[ \t\u00a0]*\n[\\s\u00a0]*"))
                .map(String::strip)
                .filter(paragraph -> !paragraph.isEmpty())
                .collect(Collectors.joining(Record.PARAGRAPH_SEPARATOR));
    }

    private static String normalizeNote(String note) {
        return unixLineEnds(note).strip();
    }

    private static @Nullable String unixLineEnds(@Nullable String text) {
        return text == null || text.indexOf('\r') < 0
                ? text
                : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static void max(
            List<RecordViolation> violations, String field, @Nullable String text, int max, String messageKey) {
        if (text != null && text.strip().length() > max) {
            violations.add(new RecordViolation(field, messageKey, max));
        }
    }

    private static boolean isBlank(@Nullable String text) {
        return text == null || text.isBlank();
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return isBlank(text) ? null : text.strip();
    }
}
