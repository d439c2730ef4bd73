package org.policyarchive.ingest;

import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.policyarchive.person.Person;
import org.policyarchive.person.PersonDirectory;
import org.policyarchive.record.Record;
import org.policyarchive.record.RecordCatalog;
import org.policyarchive.system.Slugs;
import org.policyarchive.theme.Theme;
import org.policyarchive.theme.ThemeVocabulary;

/**
 * Saves one job's records, inside the caller's transaction. People and themes are found or created by name once
 * per job and then referenced by id, so a batch of 500 records needs no repeated look-ups. A record already in
 * the archive (same slug, or same title and source when the line has no slug) is skipped, never duplicated or
 * overwritten: an editor's corrections survive a re-import.
 */
final class ImportBatchWriter {

    enum Outcome {
        IMPORTED,
        SKIPPED
    }

    private final RecordCatalog catalog;
    private final PersonDirectory people;
    private final ThemeVocabulary themes;
    private final ImportJobs jobs;
    private final EntityManager entityManager;
    private final String username;
    private final Map<String, Long> personIds = new HashMap<>();
    private final Map<String, Long> themeIds = new HashMap<>();
    private final Set<String> batchSlugs = new HashSet<>();
    private final Set<String> batchKeys = new HashSet<>();

    ImportBatchWriter(
            RecordCatalog catalog,
            PersonDirectory people,
            ThemeVocabulary themes,
            ImportJobs jobs,
            EntityManager entityManager,
            String username) {
        this.catalog = catalog;
        this.people = people;
        this.themes = themes;
        this.jobs = jobs;
        this.entityManager = entityManager;
        this.username = username;
    }

    Outcome write(InterchangeRecord line) {
        String key = line.title() + '\u0000' + line.source();
        if (line.slug() != null) {
            if (batchSlugs.contains(line.slug()) || jobs.recordSlugExists(line.slug())) {
                return Outcome.SKIPPED;
            }
        } else if (batchKeys.contains(key) || jobs.recordExists(line.title(), line.source())) {
            return Outcome.SKIPPED;
        }
        String slug = line.slug() != null
                ? line.slug()
                : Slugs.unique(
                        line.date() == null ? line.title() : line.title() + " " + line.date(),
                        candidate -> batchSlugs.contains(candidate) || jobs.recordSlugExists(candidate));
        batchSlugs.add(slug);
        batchKeys.add(key);

        Record record = new Record(slug, line.title(), line.kind(), line.language(), line.body());
        record.setDate(line.date(), line.datePrecision());
        record.setPlace(line.place());
        record.setOrganization(line.organization());
        record.setSummary(line.summary());
        record.setSource(line.source());
        record.setStatus(line.status());
        Set<String> seen = new HashSet<>();
        for (InterchangeRecord.Speaker speaker : line.speakers()) {
            long personId = personId(speaker.name());
            // the schema allows a person once per role in a record
            if (seen.add(personId + "/" + speaker.role())) {
                record.addParticipation(personReference(personId), speaker.role(), speaker.office());
            }
        }
        Set<Long> themeRefs = new LinkedHashSet<>();
        for (String name : line.themes()) {
            themeRefs.add(themeId(name));
        }
        for (Long themeId : themeRefs) {
            record.getThemes().add(entityManager.getReference(Theme.class, themeId));
        }
        line.notes().forEach(record::addNote);
        record.touch(username);
        catalog.save(record);
        return Outcome.IMPORTED;
    }

    /** Called after a batch is committed and the persistence context cleared. */
    void batchCommitted() {
        batchSlugs.clear();
        batchKeys.clear();
    }

    /** Called after a batch rolled back: people and themes it created are gone, so forget them. */
    void batchRolledBack() {
        batchCommitted();
        personIds.clear();
        themeIds.clear();
    }

    private long personId(String name) {
        return personIds.computeIfAbsent(
                name.toLowerCase(Locale.ROOT), n -> people.findOrCreate(name).getId());
    }

    private Person personReference(long id) {
        return entityManager.getReference(Person.class, id);
    }

    private long themeId(String name) {
        return themeIds.computeIfAbsent(
                name.toLowerCase(Locale.ROOT), n -> themes.findOrCreate(name).getId());
    }
}
