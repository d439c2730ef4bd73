package org.policyarchive.record;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.policyarchive.system.ControlCharacters;
import org.policyarchive.system.EditConflictException;
import org.policyarchive.system.NotFoundException;
import org.policyarchive.system.Slugs;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * Changes to the kinds vocabulary: kinds added on the admin pages or by an import, and kinds renamed, each announced as
 * {@link KindChanged}. A kind's id, code and label never change once it exists (records, addresses and exports name it
 * by them); its names and what citations take it for do. Kinds are not deleted: records refer to them, and a kind
 * added by mistake can be renamed to what it should have been.
 */
@Service
@Transactional
public class KindEditor {

    private final JdbcClient jdbc;
    private final Kinds kinds;
    private final ApplicationEventPublisher events;

    KindEditor(JdbcClient jdbc, Kinds kinds, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.kinds = kinds;
        this.events = events;
    }

    /** How many records (drafts and withdrawn ones too) each kind has. */
    @Transactional(readOnly = true)
    Map<String, Long> recordCounts() {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("select kind, count(*) from record group by kind").query(rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }

    @Transactional(readOnly = true)
    KindForm formFor(Kind kind) {
        KindForm form = new KindForm();
        form.setVersion(kind.version());
        form.setEnglishName(kind.englishName());
        form.setChineseName(kind.chineseName());
        form.setCitedAs(kind.citedAs());
        return form;
    }

    /**
     * The checks Bean Validation cannot make: neither name is a name, label or code of another kind (an import could
     * not tell them apart), and a new kind's name gives it a code.
     */
    @Transactional(readOnly = true)
    void validate(KindForm form, @Nullable Kind editing, Errors errors) {
        RecordKind self = editing == null ? null : editing.kind();
        String english = form.getEnglishName();
        if (english != null && !english.isBlank() && !errors.hasFieldErrors("englishName")) {
            if (takenByAnother(english, self)) {
                errors.rejectValue("englishName", "kind.name.taken");
            } else if (editing == null && idFor(english).isEmpty()) {
                errors.rejectValue("englishName", "kind.name.letters");
            }
        }
        String chinese = form.getChineseName();
        if (chinese != null && !chinese.isBlank() && !errors.hasFieldErrors("chineseName")) {
            if (takenByAnother(chinese, self)) {
                errors.rejectValue("chineseName", "kind.name.taken");
            }
        }
    }

    /** Adds a kind from a valid form; its label is its English name as typed. */
    RecordKind create(KindForm form) {
        String english = Objects.requireNonNull(form.getEnglishName()).strip();
        return insert(
                english, english, blankToNull(form.getChineseName()), Objects.requireNonNull(form.getCitedAs()), null);
    }

    /** Saves a valid form over a kind: its names and what citations take it for. */
    void update(Kind kind, KindForm form) {
        String english = Objects.requireNonNull(form.getEnglishName()).strip();
        String chinese = blankToNull(form.getChineseName());
        int updated = jdbc.sql("update kind set name_en = ?, name_zh = ?, cited_as = ?, version = version + 1"
                        + " where id = ? and version = ?")
                .params(
                        english,
                        chinese,
                        Objects.requireNonNull(form.getCitedAs()).name(),
                        kind.kind().name(),
                        Objects.requireNonNullElse(form.getVersion(), -1L))
                .update();
        if (updated == 0) {
            long current = jdbc.sql("select version from kind where id = ?")
                    .param(kind.kind().name())
                    .query(Long.class)
                    .optional()
                    .orElseThrow(() -> notFound(kind.code()));
            throw new EditConflictException(0, current);
        }
        boolean renamed = !kind.englishName().equals(english) || !Objects.equals(kind.chineseName(), chinese);
        events.publishEvent(new KindChanged(kind.code(), english, false, renamed, null));
    }

    /**
     * Adds the kind that an import names and the archive does not know, named as the import spells it (a Chinese
     * spelling is its Chinese name too), cited as a document. See {@link #define}.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<RecordKind> createForImport(String spelling, String username) {
        return define(new KindDraft(spelling.strip(), null, null, Kind.CitedAs.DOCUMENT), username);
    }

    /**
     * The kind an import file defines: the one with its label, left as it is, or else a new one, named as the draft
     * says (a name it lacks is its label's, the Chinese one when the label is Chinese). Empty when the draft cannot be
     * a kind: a label or name too long or with a control character, nothing to make a code of, or a name another kind
     * has. Its own transaction: a kind once added stays, whatever becomes of the import's batch.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<RecordKind> define(KindDraft draft, String username) {
        String label = draft.label().strip();
        Optional<RecordKind> known = kinds.find(label);
        if (known.isPresent() || !acceptable(label) || idFor(label).isEmpty()) {
            return known;
        }
        boolean chinese =
                label.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        String english = draft.englishName() == null || draft.englishName().isBlank()
                ? label.substring(0, 1).toUpperCase(Locale.ROOT) + label.substring(1)
                : draft.englishName().strip();
        String chineseName = draft.chineseName() == null || draft.chineseName().isBlank()
                ? (chinese ? label : null)
                : draft.chineseName().strip();
        if (!acceptable(english)
                || (chineseName != null && !acceptable(chineseName))
                || takenByAnother(english, null)
                || (chineseName != null && !chineseName.equals(label) && takenByAnother(chineseName, null))) {
            return Optional.empty();
        }
        try {
            return Optional.of(insert(label, english, chineseName, draft.citedAs(), username));
        } catch (DuplicateKeyException addedMeanwhile) {
            // another node's import added it first
            return kinds.find(label);
        }
    }

    private static boolean acceptable(String name) {
        return !name.isEmpty() && name.length() <= KindForm.NAME_MAX && !ControlCharacters.inLine(name);
    }

    private RecordKind insert(
            String label, String english, @Nullable String chinese, Kind.CitedAs citedAs, @Nullable String by) {
        String base = idFor(label).orElseThrow();
        String id = base;
        for (int n = 2; kindExists(id); n++) {
            String suffix = "_" + n;
            id = base.substring(0, Math.min(base.length(), RecordKind.MAX_LENGTH - suffix.length())) + suffix;
        }
        jdbc.sql("insert into kind (id, label, name_en, name_zh, cited_as, position)"
                        + " values (?, ?, ?, ?, ?, (select coalesce(max(position), 0) + 1 from kind))")
                .params(id, label, english, chinese, citedAs.name())
                .update();
        RecordKind kind = RecordKind.valueOf(id);
        events.publishEvent(new KindChanged(kind.code(), english, true, false, by));
        return kind;
    }

    private boolean kindExists(String id) {
        return jdbc.sql("select count(*) from kind where id = ?")
                        .param(id)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Whether a name is already a spelling (label, id, code, name) of a kind other than {@code self}. */
    private boolean takenByAnother(String name, @Nullable RecordKind self) {
        String key = Kinds.key(name);
        return jdbc.sql("select id, label, name_en, name_zh from kind")
                .query((rs, row) -> {
                    boolean same = key.equals(Kinds.key(rs.getString("label")))
                            || key.equals(Kinds.key(rs.getString("id")))
                            || key.equals(Kinds.key(rs.getString("name_en")))
                            || (rs.getString("name_zh") != null && key.equals(Kinds.key(rs.getString("name_zh"))));
                    return same && (self == null || !self.name().equals(rs.getString("id")));
                })
                .list()
                .contains(true);
    }

    /** The id a new kind of this name gets: its slug in capitals, {@code PARTY_CONGRESS_REPORT}; empty for none. */
    static Optional<String> idFor(String name) {
        String slug = Slugs.slugify(name);
        // slugify names what it cannot make a slug of "untitled"
        if (slug.equals("untitled") && !name.toLowerCase(Locale.ROOT).contains("untitled")) {
            return Optional.empty();
        }
        String id = slug.toUpperCase(Locale.ROOT).replace('-', '_');
        if (id.length() > RecordKind.MAX_LENGTH) {
            id = id.substring(0, RecordKind.MAX_LENGTH).replaceAll("_+$", "");
        }
        return Optional.of(id);
    }

    static NotFoundException notFound(String code) {
        return new NotFoundException("admin.notFound.kind", code);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
