package org.policyarchive.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.policyarchive.audit.AuditLog;
import org.policyarchive.person.Person;
import org.policyarchive.person.PersonDirectory;
import org.policyarchive.record.Record;
import org.policyarchive.record.RecordCatalog;
import org.policyarchive.record.RecordStatus;
import org.policyarchive.system.NotFoundException;
import org.policyarchive.system.Slugs;
import org.policyarchive.theme.Theme;
import org.policyarchive.theme.ThemeVocabulary;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates and changes records from {@link RecordForm}s, one transaction per save, and stores a revision after every
 * change. A form based on an older version than the stored one is refused with an {@link EditConflictException}.
 */
@Service
@Transactional
public class RecordEditor {

    private final RecordCatalog catalog;
    private final PersonDirectory people;
    private final ThemeVocabulary themes;
    private final RevisionRepository revisions;
    private final JsonMapper json;
    private final AuditLog audit;

    RecordEditor(
            RecordCatalog catalog,
            PersonDirectory people,
            ThemeVocabulary themes,
            RevisionRepository revisions,
            JsonMapper json,
            AuditLog audit) {
        this.catalog = catalog;
        this.people = people;
        this.themes = themes;
        this.revisions = revisions;
        this.json = json;
        this.audit = audit;
    }

    /** The checks Bean Validation cannot make: the date, the language tag, the slugs, the people rows. */
    @Transactional(readOnly = true)
    public void validate(RecordForm form, @Nullable Long recordId, Errors errors) {
        try {
            RecordDates.parse(form.getDate(), form.getDatePrecision());
        } catch (RecordDates.InvalidDate e) {
            errors.rejectValue("date", e.messageKey());
        }
        if (form.getLanguage() != null
                && !form.getLanguage().isBlank()
                && !LanguageTags.isValid(form.getLanguage())
                && !errors.hasFieldErrors("language")) {
            errors.rejectValue("language", "record.language.invalid");
        }
        String slug = form.getSlug();
        if (slug != null && !slug.isBlank() && !errors.hasFieldErrors("slug")) {
            if (!Slugs.slugify(slug).equals(slug.strip())) {
                errors.rejectValue("slug", "record.slug.invalid");
            } else {
                catalog.findBySlug(slug.strip())
                        .filter(other -> !Objects.equals(other.getId(), recordId))
                        .ifPresent(other -> errors.rejectValue("slug", "record.slug.taken"));
            }
        }
        String translation = form.getTranslationSlug();
        if (translation != null && !translation.isBlank() && !errors.hasFieldErrors("translationSlug")) {
            boolean valid = catalog.findBySlug(translation.strip())
                    .filter(other -> !Objects.equals(other.getId(), recordId))
                    .isPresent();
            if (!valid) {
                errors.rejectValue("translationSlug", "record.translation.unknown");
            }
        }
        Set<String> seen = new HashSet<>();
        List<RecordForm.PersonRow> rows = form.getPeople();
        for (int i = 0; i < rows.size(); i++) {
            RecordForm.PersonRow row = rows.get(i);
            if (row == null || row.isBlank()) {
                continue;
            }
            String field = "people[" + i + "]";
            if (row.getRole() == null) {
                if (!errors.hasFieldErrors(field + ".role")) {
                    errors.rejectValue(field + ".role", "record.role.required");
                }
                continue;
            }
            String who = row.getPersonId() != null
                    ? "#" + row.getPersonId()
                    : row.getName().strip().toLowerCase(Locale.ROOT);
            if (!seen.add(who + "/" + row.getRole())) {
                errors.rejectValue(field + ".name", "record.person.duplicate");
            }
        }
    }

    /** The form for editing a stored record, carrying its current version. */
    @Transactional(readOnly = true)
    public RecordForm formFor(long recordId) {
        Record record = load(recordId);
        RecordForm form = RecordSnapshot.of(record).toForm();
        form.setNewThemes(null);
        form.setThemeIds(record.getThemes().stream().map(Theme::getId).collect(Collectors.toList()));
        form.setVersion(record.getVersion());
        return form;
    }

    /** Creates a record from a valid form; returns its id. */
    public long create(RecordForm form, @Nullable String username) {
        String slug = form.getSlug() == null || form.getSlug().isBlank()
                ? catalog.uniqueSlug(text(form.getTitle()))
                : form.getSlug().strip();
        Record record = new Record(
                slug, text(form.getTitle()), form.getKind(), language(form), normalizeBody(text(form.getBody())));
        apply(form, record);
        record.touch(username);
        record = catalog.save(record);
        storeRevision(record, username, form.getComment());
        audit.record("RECORD_CREATED", "record", record.getSlug(), record.getTitle());
        return record.getId();
    }

    /** Saves a valid form over the stored record, unless the record changed since the form's version. */
    public void update(long recordId, RecordForm form, @Nullable String username) {
        update(recordId, form, username, "RECORD_UPDATED");
    }

    private void update(long recordId, RecordForm form, @Nullable String username, String auditAction) {
        Record record = load(recordId);
        if (form.getVersion() == null || form.getVersion() != record.getVersion()) {
            throw new EditConflictException(recordId, record.getVersion());
        }
        RecordSnapshot before = RecordSnapshot.of(record);
        if (form.getSlug() != null && !form.getSlug().isBlank()) {
            record.setSlug(form.getSlug().strip());
        }
        record.setTitle(text(form.getTitle()));
        record.setKind(Objects.requireNonNull(form.getKind()));
        record.setLanguage(language(form));
        record.setBody(normalizeBody(text(form.getBody())));
        // Participations are unique per record, person and role: the old rows must be gone before new ones go in.
        record.getParticipations().clear();
        record.getNotes().clear();
        catalog.saveAndFlush(record);
        apply(form, record);
        record.touch(username);
        catalog.saveAndFlush(record);
        RecordSnapshot after = storeRevision(record, username, form.getComment());
        audit.record(auditAction, "record", record.getSlug(), changes(before, after, form.getComment()));
    }

    /** What an audit entry says changed: the fields, and whether the text did. */
    private static String changes(RecordSnapshot before, RecordSnapshot after, @Nullable String comment) {
        RecordComparison comparison = RecordComparison.of(before, after);
        List<String> fields = new ArrayList<>(comparison.fields().stream()
                .map(RecordComparison.FieldChange::field)
                .toList());
        if (TextDiff.hasChanges(comparison.body())) {
            fields.add("body");
        }
        String changed = fields.isEmpty() ? "no changes" : "changed " + String.join(", ", fields);
        return comment == null || comment.isBlank() ? changed : changed + " (" + comment.strip() + ")";
    }

    /** Withdraws, republishes or unpublishes a record, as a revision of its own. */
    public void changeStatus(long recordId, RecordStatus status, @Nullable String username, @Nullable String comment) {
        Record record = load(recordId);
        if (record.getStatus() == status) {
            return;
        }
        RecordStatus was = record.getStatus();
        record.setStatus(status);
        record.touch(username);
        catalog.saveAndFlush(record);
        storeRevision(record, username, comment);
        String action = status == RecordStatus.WITHDRAWN
                ? "RECORD_WITHDRAWN"
                : was == RecordStatus.WITHDRAWN ? "RECORD_REINSTATED" : "RECORD_" + status.name();
        audit.record(action, "record", record.getSlug(), was.name() + " -> " + status.name());
    }

    /** Saves an old revision's content as the newest revision. */
    public void restore(long recordId, int number, @Nullable String username, @Nullable String comment) {
        RecordForm form = snapshot(revision(recordId, number)).toForm();
        form.setVersion(load(recordId).getVersion());
        form.setComment(comment);
        if (form.getTranslationSlug() != null
                && catalog.findBySlug(form.getTranslationSlug()).isEmpty()) {
            form.setTranslationSlug(null);
        }
        if (catalog.findBySlug(form.getSlug())
                .filter(other -> other.getId() != recordId)
                .isPresent()) {
            form.setSlug(null);
        }
        update(recordId, form, username, "RECORD_RESTORED");
    }

    /** Deletes a record and its revisions for good. */
    public void delete(long recordId) {
        Record record = load(recordId);
        audit.record("RECORD_DELETED", "record", record.getSlug(), record.getTitle());
        catalog.delete(record);
    }

    @Transactional(readOnly = true)
    public String titleOf(long recordId) {
        return load(recordId).getTitle();
    }

    @Transactional(readOnly = true)
    RecordSnapshot current(long recordId) {
        return RecordSnapshot.of(load(recordId));
    }

    @Transactional(readOnly = true)
    long currentVersion(long recordId) {
        return load(recordId).getVersion();
    }

    @Transactional(readOnly = true)
    RecordSnapshot snapshotOf(long recordId, int number) {
        return snapshot(revision(recordId, number));
    }

    @Transactional(readOnly = true)
    List<RevisionSummary> history(long recordId) {
        load(recordId);
        return revisions.findByRecordIdOrderByNumberDesc(recordId).stream()
                .map(r -> new RevisionSummary(r.getNumber(), r.getCreatedAt(), r.getCreatedBy(), r.getComment()))
                .toList();
    }

    /** What the form would save, without saving anything: for the preview and the conflict page. */
    @Transactional(readOnly = true)
    RecordSnapshot preview(RecordForm form) {
        RecordDates.Parsed date = null;
        try {
            date = RecordDates.parse(form.getDate(), form.getDatePrecision());
        } catch (RecordDates.InvalidDate e) {
            // the preview shows what can be shown; validation reports the date on save
        }
        List<RecordSnapshot.PersonEntry> entries = form.getPeople().stream()
                .filter(row -> row != null && !row.isBlank() && row.getRole() != null)
                .map(row -> {
                    Person known = row.getPersonId() != null
                            ? people.findById(row.getPersonId()).orElse(null)
                            : people.findByAnyName(text(row.getName())).orElse(null);
                    return new RecordSnapshot.PersonEntry(
                            known == null ? null : known.getId(),
                            known == null ? text(row.getName()).strip() : known.getName(),
                            row.getRole(),
                            blankToNull(row.getOffice()));
                })
                .toList();
        List<RecordSnapshot.ThemeEntry> themeEntries = new ArrayList<>();
        themes.findAllById(form.getThemeIds())
                .forEach(theme -> themeEntries.add(new RecordSnapshot.ThemeEntry(theme.getId(), theme.getName())));
        for (String name : newThemeNames(form)) {
            if (themeEntries.stream().noneMatch(entry -> entry.name().equalsIgnoreCase(name))) {
                themeEntries.add(new RecordSnapshot.ThemeEntry(null, name));
            }
        }
        return new RecordSnapshot(
                form.getSlug() == null ? "" : form.getSlug().strip(),
                text(form.getTitle()).strip(),
                form.getKind() == null ? org.policyarchive.record.RecordKind.STATEMENT : form.getKind(),
                date == null ? null : date.date(),
                date == null ? null : date.precision(),
                blankToNull(form.getPlace()),
                blankToNull(form.getOrganization()),
                text(form.getLanguage()).strip(),
                blankToNull(form.getSummary()),
                normalizeBody(text(form.getBody())),
                blankToNull(form.getSource()),
                form.getStatus() == null ? RecordStatus.DRAFT : form.getStatus(),
                blankToNull(form.getTranslationSlug()),
                entries,
                themeEntries,
                form.getNotes().stream()
                        .filter(note -> note != null && !note.isBlank())
                        .map(RecordEditor::normalizeNote)
                        .toList());
    }

    /** Paragraphs separated by exactly one blank line, line ends as {@code \n}, no trailing spaces. */
    static String normalizeBody(String body) {
        String unix = body.replace("\r\n", "\n").replace('\r', '\n');
        return Arrays.stream(unix.split("\n[ \t\u00a0]*\n\\s*"))
                .map(String::strip)
                .filter(paragraph -> !paragraph.isEmpty())
                .collect(Collectors.joining(Record.PARAGRAPH_SEPARATOR));
    }

    private static String normalizeNote(String note) {
        return note.replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    private void apply(RecordForm form, Record record) {
        try {
            RecordDates.Parsed date = RecordDates.parse(form.getDate(), form.getDatePrecision());
            record.setDate(date == null ? null : date.date(), date == null ? null : date.precision());
        } catch (RecordDates.InvalidDate e) {
            throw new IllegalArgumentException("unchecked date: " + form.getDate(), e);
        }
        record.setPlace(blankToNull(form.getPlace()));
        record.setOrganization(blankToNull(form.getOrganization()));
        record.setSummary(blankToNull(form.getSummary()));
        record.setSource(blankToNull(form.getSource()));
        record.setStatus(form.getStatus() == null ? RecordStatus.DRAFT : form.getStatus());
        String translation = blankToNull(form.getTranslationSlug());
        record.setTranslation(
                translation == null
                        ? null
                        : catalog.findBySlug(translation.strip()).orElse(null));

        Set<String> added = new HashSet<>();
        for (RecordForm.PersonRow row : form.getPeople()) {
            if (row == null || row.isBlank() || row.getRole() == null) {
                continue;
            }
            Person person = row.getPersonId() != null
                    ? people.findById(row.getPersonId()).orElseGet(() -> people.findOrCreate(text(row.getName())))
                    : people.findOrCreate(text(row.getName()));
            if (added.add(person.getId() + "/" + row.getRole())) {
                record.addParticipation(person, row.getRole(), blankToNull(row.getOffice()));
            }
        }

        Set<Theme> chosen = new LinkedHashSet<>(themes.findAllById(form.getThemeIds()));
        for (String name : newThemeNames(form)) {
            chosen.add(themes.findOrCreate(name));
        }
        record.getThemes().clear();
        record.getThemes().addAll(chosen);

        for (String note : form.getNotes()) {
            if (note != null && !note.isBlank()) {
                record.addNote(normalizeNote(note));
            }
        }
    }

    private static List<String> newThemeNames(RecordForm form) {
        if (form.getNewThemes() == null) {
            return List.of();
        }
        return Arrays.stream(form.getNewThemes().split("[,\\n\\r]+"))
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .distinct()
                .toList();
    }

    /** Stores a revision for a record changed elsewhere in this transaction (such as by a merge of two people). */
    void recordRevision(Record record, @Nullable String username, @Nullable String comment) {
        storeRevision(record, username, comment);
    }

    private RecordSnapshot storeRevision(Record record, @Nullable String username, @Nullable String comment) {
        long recordId = Objects.requireNonNull(record.getId());
        int number = revisions.findLastNumber(recordId) + 1;
        RecordSnapshot snapshot = RecordSnapshot.of(record);
        revisions.save(
                new Revision(recordId, number, json.writeValueAsString(snapshot), username, blankToNull(comment)));
        return snapshot;
    }

    private Revision revision(long recordId, int number) {
        return revisions
                .findByRecordIdAndNumber(recordId, number)
                .orElseThrow(() -> new NotFoundException(
                        "admin.notFound.revision", String.valueOf(number), String.valueOf(recordId)));
    }

    private RecordSnapshot snapshot(Revision revision) {
        return json.readValue(revision.getSnapshot(), RecordSnapshot.class);
    }

    private Record load(long recordId) {
        return catalog.findById(recordId)
                .orElseThrow(() -> new NotFoundException("admin.notFound.record", String.valueOf(recordId)));
    }

    private static String language(RecordForm form) {
        return LanguageTags.canonical(text(form.getLanguage()));
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
