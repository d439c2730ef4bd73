package org.policyarchive.record;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.policyarchive.person.PeopleMerged;
import org.policyarchive.person.Person;
import org.policyarchive.person.PersonDirectory;
import org.policyarchive.record.internal.RecordComparison;
import org.policyarchive.record.internal.RecordSnapshot;
import org.policyarchive.record.internal.Revisions;
import org.policyarchive.system.EditConflictException;
import org.policyarchive.system.NotFoundException;
import org.policyarchive.system.PartialDate;
import org.policyarchive.system.Slugs;
import org.policyarchive.system.TextFingerprint;
import org.policyarchive.theme.Theme;
import org.policyarchive.theme.ThemeVocabulary;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record module's one way to write records, whatever they come from (the form, an upload, a bulk import): each
 * draft passes the record's rules ({@link RecordRules}) and is normalised the same way, every change is kept as a
 * revision, and every write is announced as an event ({@link RecordCreated}, {@link RecordChanged},
 * {@link RecordStatusChanged}, {@link RecordDeleted}, {@link RecordsImported}). A bulk import's batch goes through
 * {@link #importAll}: the same rules and revisions, with one query per batch where one save would make one per record.
 * The fingerprint of a record's text ({@link RecordTexts}) is written with the text, in the same transaction.
 */
@Service
@Transactional
public class RecordEditor {

    private final RecordRepository records;
    private final Revisions revisions;
    private final PersonDirectory people;
    private final ThemeVocabulary themes;
    private final Kinds kinds;
    private final RecordTexts texts;
    private final ApplicationEventPublisher events;

    RecordEditor(
            RecordRepository records,
            Revisions revisions,
            PersonDirectory people,
            ThemeVocabulary themes,
            Kinds kinds,
            RecordTexts texts,
            ApplicationEventPublisher events) {
        this.records = records;
        this.revisions = revisions;
        this.people = people;
        this.themes = themes;
        this.kinds = kinds;
        this.texts = texts;
        this.events = events;
    }

    /**
     * Every rule the draft breaks as record {@code recordId} (null for a new record), with the revision's
     * {@code comment}: the rules of {@link RecordRules}, a kind the vocabulary does not have, a slug another record
     * uses, a translation that does not exist.
     */
    @Transactional(readOnly = true)
    public List<RecordViolation> check(RecordDraft draft, @Nullable Long recordId, @Nullable String comment) {
        List<RecordViolation> violations = new ArrayList<>(RecordRules.check(draft));
        violations.addAll(RecordRules.checkComment(comment));
        checkKind(draft, violations);
        if (draft.slug() != null && !draft.slug().isBlank() && !hasViolation(violations, "slug")) {
            records.findIdBySlug(draft.slug().strip())
                    .filter(other -> !Objects.equals(other, recordId))
                    .ifPresent(other -> violations.add(new RecordViolation("slug", "record.slug.taken")));
        }
        checkReferences(draft, violations);
        if (draft.translationSlug() != null
                && !draft.translationSlug().isBlank()
                && !hasViolation(violations, "translationSlug")) {
            boolean exists = records.findIdBySlug(draft.translationSlug().strip())
                    .filter(other -> !Objects.equals(other, recordId))
                    .isPresent();
            if (!exists) {
                violations.add(new RecordViolation("translationSlug", "record.translation.unknown"));
            }
        }
        return violations;
    }

    private void checkKind(RecordDraft draft, List<RecordViolation> violations) {
        if (draft.kind() != null && kinds.find(draft.kind()).isEmpty()) {
            violations.add(new RecordViolation("kind", "record.kind.unknown"));
        }
    }

    /**
     * The themes and people a draft picks by id must exist: saving would make a theme of a missing one, and a person of
     * a missing one whose row names nobody, without a name. A person's row with a name finds or creates that person
     * instead (the one picked may have been merged into another since the form was opened).
     */
    private void checkReferences(RecordDraft draft, List<RecordViolation> violations) {
        List<Long> themeIds = draft.themes().stream()
                .map(RecordDraft.ThemeRef::themeId)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        if (!themeIds.isEmpty() && themes.labels(themeIds).size() < themeIds.size()) {
            violations.add(new RecordViolation("themeIds", "record.theme.unknown"));
        }
        List<Long> unnamed = draft.people().stream()
                .filter(row -> row.personId() != null
                        && (row.name() == null || row.name().isBlank()))
                .map(RecordDraft.PersonRow::personId)
                .toList();
        if (unnamed.isEmpty()) {
            return;
        }
        Set<Long> known = people.labels(unnamed).keySet();
        for (int i = 0; i < draft.people().size(); i++) {
            RecordDraft.PersonRow row = draft.people().get(i);
            if (unnamed.contains(row.personId()) && !known.contains(row.personId())) {
                violations.add(new RecordViolation("people[" + i + "].name", "record.person.unknown"));
            }
        }
    }

    /**
     * Creates a record from a draft; returns its id.
     *
     * @throws RecordRejectedException when the draft breaks a rule ({@link #check} says which)
     */
    public long create(RecordDraft draft, @Nullable String username, @Nullable String comment) {
        requireValid(draft, null, comment);
        RecordDraft normalized = RecordRules.normalize(draft);
        String slug = normalized.slug() != null ? normalized.slug() : uniqueSlug(baseSlug(normalized));
        Record record = newRecord(normalized, slug);
        apply(normalized, record, this::findOrCreate, this::findOrCreate);
        record.touch(username);
        records.save(record);
        revisions.store(record, username, blankToNull(comment));
        // the row refers to the record, which must be written first
        records.flush();
        texts.store(record.getId(), TextFingerprint.of(record.getBody()));
        events.publishEvent(new RecordCreated(record.getId(), record.getSlug(), record.getTitle()));
        return record.getId();
    }

    /**
     * Saves a draft over a stored record, unless the record changed since {@code expectedVersion}. A draft without a
     * slug keeps the record's.
     *
     * @throws EditConflictException when the record's version is no longer {@code expectedVersion}
     * @throws RecordRejectedException when the draft breaks a rule
     */
    public void update(
            long recordId,
            long expectedVersion,
            RecordDraft draft,
            @Nullable String username,
            @Nullable String comment) {
        // Locked before the version is compared: two editors saving the same version at once would both pass the
        // check, and the later one would fail at flush instead of getting the conflict page.
        Record record = loadForUpdate(recordId);
        if (record.getVersion() != expectedVersion) {
            throw new EditConflictException(recordId, record.getVersion());
        }
        requireValid(draft, recordId, comment);
        change(record, RecordRules.normalize(draft), username, comment, RecordChanged.Cause.EDITED);
    }

    private void change(
            Record record,
            RecordDraft normalized,
            @Nullable String username,
            @Nullable String comment,
            RecordChanged.Cause cause) {
        RecordSnapshot before = RecordSnapshot.of(record);
        if (normalized.slug() != null) {
            record.setSlug(normalized.slug());
        }
        record.setTitle(normalized.title());
        record.setKind(Objects.requireNonNull(normalized.kind()));
        record.setLanguage(Objects.requireNonNull(normalized.language()));
        record.setBody(Objects.requireNonNull(normalized.body()));
        // Participations are unique per record, person and role: the old rows must be gone before new ones go in.
        record.clearParticipationsAndNotes();
        records.saveAndFlush(record);
        apply(normalized, record, this::findOrCreate, this::findOrCreate);
        record.touch(username);
        records.saveAndFlush(record);
        // a title or a person changed is no new text: its fingerprint and band rows stay (the filler writes a missing
        // one)
        if (!before.body().equals(record.getBody())) {
            texts.store(record.getId(), TextFingerprint.of(record.getBody()));
        }
        RecordSnapshot after = revisions.store(record, username, blankToNull(comment));
        events.publishEvent(
                new RecordChanged(record.getId(), record.getSlug(), cause, described(before, after, comment)));
    }

    /** Publishes, unpublishes, withdraws or reinstates a record, as a revision of its own. */
    public void changeStatus(long recordId, RecordStatus status, @Nullable String username, @Nullable String comment) {
        Record record = loadForUpdate(recordId);
        RecordStatus was = record.getStatus();
        if (was == status) {
            return;
        }
        record.setStatus(status);
        record.touch(username);
        records.saveAndFlush(record);
        revisions.store(record, username, blankToNull(comment));
        events.publishEvent(new RecordStatusChanged(recordId, record.getSlug(), was, status));
    }

    /**
     * Saves an earlier revision's content as the newest revision. A translation that no longer exists is dropped, and
     * a slug another record has taken since stays the record's current one.
     */
    public void restore(long recordId, int number, @Nullable String username, @Nullable String comment) {
        Record record = loadForUpdate(recordId);
        RecordDraft old = revisions.snapshot(recordId, number).toDraft();
        List<RecordViolation> violations = check(old, recordId, comment);
        RecordDraft restorable = new RecordDraft(
                hasViolation(violations, "slug") ? null : old.slug(),
                old.title(),
                old.kind(),
                old.date(),
                old.datePrecision(),
                old.place(),
                old.organization(),
                old.language(),
                old.summary(),
                old.body(),
                old.source(),
                old.status(),
                hasViolation(violations, "translationSlug") ? null : old.translationSlug(),
                old.people(),
                old.themes(),
                old.notes());
        requireValid(restorable, recordId, comment);
        change(record, RecordRules.normalize(restorable), username, comment, RecordChanged.Cause.RESTORED);
    }

    /** Deletes a record and its revisions for good. */
    public void delete(long recordId) {
        Record record = loadForUpdate(recordId);
        events.publishEvent(new RecordDeleted(recordId, record.getSlug(), record.getTitle()));
        records.delete(record);
    }

    /**
     * What {@link #importAll} did with one draft; for a record written, its text's fingerprint as stored (null for a
     * text too short to have one), for the import's check of texts already there.
     */
    public record Imported(
            Outcome outcome,
            @Nullable Long recordId,
            List<RecordViolation> violations,
            @Nullable TextFingerprint fingerprint) {

        static Imported notWritten(Outcome outcome, List<RecordViolation> violations) {
            return new Imported(outcome, null, violations, null);
        }

        public enum Outcome {
            /** Written as a new record. */
            IMPORTED,
            /** Already in the archive: the same slug, or the same title and source when the draft has no slug. */
            SKIPPED,
            /** Breaks a rule; nothing was written. */
            REJECTED
        }
    }

    /**
     * Writes a batch of a bulk import in the caller's transaction, and returns what happened to each draft, in order.
     * A draft that breaks a rule is rejected, one already in the archive is skipped (never duplicated or overwritten,
     * so an editor's corrections survive a re-import), every other one is created, published by default, with its
     * first revision. People and themes are found or created by name, once per batch.
     */
    public List<Imported> importAll(List<RecordDraft> drafts, String username) {
        List<Imported> results = new ArrayList<>(drafts.size());
        List<RecordDraft> fresh = new ArrayList<>();
        List<Integer> freshIndexes = new ArrayList<>();
        Set<String> slugs = records.findExistingSlugs(
                drafts.stream().map(RecordDraft::slug).filter(Objects::nonNull).toList());
        Set<String> titlesAndSources = new HashSet<>();
        records.findSourcesOfTitles(drafts.stream()
                        .filter(draft -> draft.slug() == null && draft.title() != null)
                        .map(draft -> draft.title().strip())
                        .toList())
                .forEach(row -> titlesAndSources.add(key(row.title(), row.source())));
        for (RecordDraft draft : drafts) {
            List<RecordViolation> violations = new ArrayList<>(RecordRules.check(draft));
            checkKind(draft, violations);
            if (!violations.isEmpty()) {
                results.add(Imported.notWritten(Imported.Outcome.REJECTED, violations));
                continue;
            }
            RecordDraft normalized = RecordRules.normalize(draft);
            boolean present = normalized.slug() != null
                    ? !slugs.add(normalized.slug())
                    : !titlesAndSources.add(key(normalized.title(), normalized.source()));
            if (present) {
                results.add(Imported.notWritten(Imported.Outcome.SKIPPED, List.of()));
            } else {
                freshIndexes.add(results.size());
                results.add(null);
                fresh.add(normalized);
            }
        }
        if (fresh.isEmpty()) {
            return results;
        }
        Map<String, Person> persons = people.findOrCreateAll(fresh.stream()
                .flatMap(draft -> draft.people().stream())
                .map(RecordDraft.PersonRow::name)
                .filter(Objects::nonNull)
                .toList());
        Map<String, Theme> topics = themes.findOrCreateAll(fresh.stream()
                .flatMap(draft -> draft.themes().stream())
                .map(RecordDraft.ThemeRef::name)
                .filter(Objects::nonNull)
                .toList());
        List<String> newSlugs = slugsFor(fresh, slugs);
        List<Record> created = new ArrayList<>(fresh.size());
        for (int i = 0; i < fresh.size(); i++) {
            Record record = newRecord(fresh.get(i), newSlugs.get(i));
            apply(
                    fresh.get(i),
                    record,
                    row -> row.personId() != null ? findOrCreate(row) : persons.get(key(row.name())),
                    ref -> ref.themeId() != null ? findOrCreate(ref) : topics.get(key(ref.name())));
            record.touch(username);
            created.add(record);
        }
        records.saveAll(created);
        revisions.storeFirst(created, username, null);
        records.flush();
        List<Long> ids = created.stream().map(Record::getId).toList();
        List<@Nullable TextFingerprint> fingerprints = created.stream()
                .map(record -> TextFingerprint.of(record.getBody()))
                .toList();
        texts.storeAll(ids, fingerprints);
        for (int i = 0; i < ids.size(); i++) {
            results.set(
                    freshIndexes.get(i),
                    new Imported(Imported.Outcome.IMPORTED, ids.get(i), List.of(), fingerprints.get(i)));
        }
        events.publishEvent(new RecordsImported(ids, username));
        return results;
    }

    /**
     * Links records to their translations by slug, for the links an import could not make when it wrote them: a
     * record's translation may come later in the file, and two records that are each other's translation always put
     * one of them later. A link is added only where the record has none (an import never overwrites), with a revision
     * of its own; a link to a record that does not exist is left out. Returns the ids of the records linked.
     */
    public List<Long> linkTranslations(Map<String, String> translationBySlug, String username) {
        List<Long> linked = new ArrayList<>();
        for (Map.Entry<String, String> link : translationBySlug.entrySet()) {
            Record record = records.findBySlug(link.getKey()).orElse(null);
            if (record == null || record.getTranslation() != null) {
                continue;
            }
            Record translation = records.findBySlug(link.getValue()).orElse(null);
            if (translation == null || translation.equals(record)) {
                continue;
            }
            record.setTranslation(translation);
            records.saveAndFlush(record);
            revisions.store(record, username, "translation linked by import");
            linked.add(record.getId());
        }
        if (!linked.isEmpty()) {
            events.publishEvent(new RecordsImported(linked, username));
        }
        return linked;
    }

    /**
     * Moves the merged person's parts in records to the kept person, in the merge's transaction and before the merged
     * person is deleted; where the kept person already has the same role in a record, the duplicate goes. Every
     * record that changed gets a revision.
     */
    void moveParticipations(PeopleMerged merged) {
        Person kept = people.findById(merged.keptId()).orElseThrow();
        Set<Record> changed = new LinkedHashSet<>();
        for (Participation participation : records.findParticipationsOf(merged.mergedId())) {
            Record record = participation.getRecord();
            boolean duplicate = record.getParticipations().stream()
                    .anyMatch(other -> other.getPerson().equals(kept) && other.getRole() == participation.getRole());
            if (duplicate) {
                record.removeParticipation(participation);
            } else {
                participation.setPerson(kept);
            }
            // the record names other people now: its datestamp (OAI-PMH, feeds) must move like on any other change
            record.touch(merged.mergedBy());
            changed.add(record);
        }
        records.flush();
        String comment = "merged " + merged.mergedName() + " into " + merged.keptName();
        for (Record record : changed) {
            RecordSnapshot snapshot = revisions.store(record, merged.mergedBy(), comment);
            events.publishEvent(new RecordChanged(
                    record.getId(),
                    snapshot.slug(),
                    RecordChanged.Cause.PEOPLE_MERGED,
                    "changed people (" + comment + ")"));
        }
    }

    /**
     * A person's names changed: the records naming the person show the new name (their Dublin Core creators and
     * contributors), so their {@code updated_at}, which harvesters and feed readers read as the datestamp, moves too.
     * No revision: the record's own content is unchanged.
     */
    void touchRecordsNaming(long personId) {
        records.touchRecordsNaming(personId, Instant.now());
    }

    /** A theme's names changed: the records about it show the new name (their subjects), as for a renamed person. */
    void touchRecordsAbout(long themeId) {
        records.touchRecordsAbout(themeId, Instant.now());
    }

    /** What the form would save, without saving anything: for the preview and the conflict page. */
    @Transactional(readOnly = true)
    public RecordSnapshot preview(RecordDraft draft) {
        PartialDate date = null;
        try {
            date = draft.date() == null || draft.date().isBlank()
                    ? null
                    : PartialDate.parse(draft.date(), draft.datePrecision());
        } catch (PartialDate.InvalidDateException e) {
            // the preview shows what can be shown; the rules report the date on save
        }
        List<RecordSnapshot.PersonEntry> entries = draft.people().stream()
                .filter(row -> !row.isBlank() && row.role() != null)
                .map(row -> {
                    Person known = row.personId() != null
                            ? people.findById(row.personId()).orElse(null)
                            : people.findByAnyName(text(row.name())).orElse(null);
                    return new RecordSnapshot.PersonEntry(
                            known == null ? null : known.getId(),
                            known == null ? text(row.name()).strip() : known.getName(),
                            row.role(),
                            blankToNull(row.office()));
                })
                .toList();
        List<RecordSnapshot.ThemeEntry> themeEntries = new ArrayList<>();
        for (RecordDraft.ThemeRef ref : draft.themes()) {
            Theme known = ref.themeId() != null ? themes.findById(ref.themeId()).orElse(null) : null;
            String name = known != null ? known.getName() : ref.name();
            if (name != null
                    && !name.isBlank()
                    && themeEntries.stream().noneMatch(entry -> entry.name().equalsIgnoreCase(name.strip()))) {
                themeEntries.add(new RecordSnapshot.ThemeEntry(known == null ? null : known.getId(), name.strip()));
            }
        }
        return new RecordSnapshot(
                text(draft.slug()).strip(),
                text(draft.title()).strip(),
                draft.kind() == null ? RecordKind.STATEMENT : draft.kind(),
                date == null ? null : date.date(),
                date == null ? null : date.precision(),
                blankToNull(draft.place()),
                blankToNull(draft.organization()),
                text(draft.language()).strip(),
                blankToNull(draft.summary()),
                RecordRules.normalizeBody(text(draft.body())),
                blankToNull(draft.source()),
                draft.status() == null ? RecordStatus.DRAFT : draft.status(),
                blankToNull(draft.translationSlug()),
                entries,
                themeEntries,
                draft.notes().stream()
                        .filter(note -> note != null && !note.isBlank())
                        .map(String::strip)
                        .toList());
    }

    /** The stored record as it is now, for its edit form, history and diffs. */
    @Transactional(readOnly = true)
    public RecordSnapshot current(long recordId) {
        return RecordSnapshot.of(load(recordId));
    }

    @Transactional(readOnly = true)
    public long currentVersion(long recordId) {
        return load(recordId).getVersion();
    }

    private void requireValid(RecordDraft draft, @Nullable Long recordId, @Nullable String comment) {
        List<RecordViolation> violations = check(draft, recordId, comment);
        if (!violations.isEmpty()) {
            throw new RecordRejectedException(violations);
        }
    }

    private static Record newRecord(RecordDraft normalized, String slug) {
        return new Record(
                slug,
                normalized.title(),
                Objects.requireNonNull(normalized.kind()),
                Objects.requireNonNull(normalized.language()),
                Objects.requireNonNull(normalized.body()));
    }

    /** Sets everything but the slug, title, kind, language and body from a normalised draft. */
    private void apply(
            RecordDraft normalized,
            Record record,
            Function<RecordDraft.PersonRow, Person> person,
            Function<RecordDraft.ThemeRef, Theme> theme) {
        record.setDate(
                normalized.date() == null ? null : PartialDate.parse(normalized.date(), normalized.datePrecision()));
        record.setPlace(normalized.place());
        record.setOrganization(normalized.organization());
        record.setSummary(normalized.summary());
        record.setSource(normalized.source());
        record.setStatus(Objects.requireNonNull(normalized.status()));
        record.setTranslation(
                normalized.translationSlug() == null
                        ? null
                        : records.findBySlug(normalized.translationSlug()).orElse(null));
        // two rows may name one person (by a name and by an alias): the schema allows a person once per role
        Set<String> added = new HashSet<>();
        for (RecordDraft.PersonRow row : normalized.people()) {
            Person who = person.apply(row);
            if (added.add(who.getId() + "/" + row.role())) {
                record.addParticipation(who, Objects.requireNonNull(row.role()), row.office());
            }
        }
        Set<Theme> chosen = new LinkedHashSet<>();
        normalized.themes().forEach(ref -> chosen.add(theme.apply(ref)));
        record.setThemes(chosen);
        normalized.notes().forEach(record::addNote);
    }

    private Person findOrCreate(RecordDraft.PersonRow row) {
        return row.personId() != null
                ? people.findById(row.personId()).orElseGet(() -> people.findOrCreate(text(row.name())))
                : people.findOrCreate(text(row.name()));
    }

    private Theme findOrCreate(RecordDraft.ThemeRef ref) {
        return ref.themeId() != null
                ? themes.findById(ref.themeId()).orElseGet(() -> themes.findOrCreate(text(ref.name())))
                : themes.findOrCreate(text(ref.name()));
    }

    /** A new record's slug is made from its title and, when it has one, its date, as precise as it is known. */
    private static String baseSlug(RecordDraft normalized) {
        if (normalized.date() == null) {
            return Slugs.slugify(normalized.title());
        }
        // a long title is shortened to make room for the date, which is never cut
        String date = Slugs.slugify(normalized.date());
        String title = Slugs.slugify(normalized.title());
        int room = Slugs.MAX_LENGTH - date.length() - 1;
        if (title.length() > room) {
            title = title.substring(0, room).replaceAll("-+$", "");
        }
        return title + "-" + date;
    }

    private String uniqueSlug(String base) {
        Set<String> taken = new HashSet<>(records.findTakenForms(base));
        return Slugs.firstFree(base, taken::contains);
    }

    /**
     * The slugs of a batch's new records: given ones as they are, others from their titles and dates, all unique,
     * with one query for the batch and one more for each slug already taken, however many of its forms are.
     */
    private List<String> slugsFor(List<RecordDraft> fresh, Set<String> given) {
        List<String> bases = fresh.stream()
                .map(draft -> draft.slug() != null ? draft.slug() : baseSlug(draft))
                .toList();
        Set<String> taken = records.findExistingSlugs(
                bases.stream().filter(base -> !given.contains(base)).toList());
        Map<String, Set<String>> takenForms = new HashMap<>();
        Set<String> used = new HashSet<>(given);
        List<String> slugs = new ArrayList<>(fresh.size());
        for (int i = 0; i < fresh.size(); i++) {
            String base = bases.get(i);
            String slug;
            if (fresh.get(i).slug() != null || (!taken.contains(base) && !used.contains(base))) {
                slug = base;
            } else {
                Set<String> forms = takenForms.computeIfAbsent(base, b -> new HashSet<>(records.findTakenForms(b)));
                slug = Slugs.firstFree(base, candidate -> used.contains(candidate) || forms.contains(candidate));
            }
            used.add(slug);
            slugs.add(slug);
        }
        return slugs;
    }

    private static String described(RecordSnapshot before, RecordSnapshot after, @Nullable String comment) {
        String changed = RecordComparison.of(before, after).describe();
        return comment == null || comment.isBlank() ? changed : changed + " (" + comment.strip() + ")";
    }

    private Record load(long recordId) {
        return records.findById(recordId).orElseThrow(() -> notFound(recordId));
    }

    /** The record, locked against the other writers of it until this transaction ends, so that they take turns. */
    private Record loadForUpdate(long recordId) {
        return records.findByIdForUpdate(recordId).orElseThrow(() -> notFound(recordId));
    }

    private static NotFoundException notFound(long recordId) {
        return new NotFoundException("admin.notFound.record", String.valueOf(recordId));
    }

    private static boolean hasViolation(Collection<RecordViolation> violations, String field) {
        return violations.stream().anyMatch(v -> v.field().equals(field));
    }

    private static String key(@Nullable String name) {
        return text(name).strip().toLowerCase(Locale.ROOT);
    }

    private static String key(String title, @Nullable String source) {
        return title + '\u0000' + source;
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
