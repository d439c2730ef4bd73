package org.policyarchive.ingest;

import java.sql.Array;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.policyarchive.person.PersonDirectory;
import org.policyarchive.system.Slugs;
import org.policyarchive.theme.ThemeVocabulary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Saves one job's records a batch at a time, inside the caller's transaction, with JDBC batches: one query finds
 * the records already present, one takes the batch's ids from the record sequence, and one batched statement per
 * table writes the rows, so a batch of 500 costs a handful of round trips instead of thousands. People and themes
 * are found or created through their modules' facades once per job, then referred to by id. A record already in
 * the archive (same slug, or same title and source when the line has no slug) is skipped, never duplicated or
 * overwritten: an editor's corrections survive a re-import.
 */
final class ImportBatchWriter {

    enum Outcome {
        IMPORTED,
        SKIPPED
    }

    private final PersonDirectory people;
    private final ThemeVocabulary themes;
    private final JdbcTemplate jdbc;
    private final String username;
    private final Map<String, Long> personIds = new HashMap<>();
    private final Map<String, Long> themeIds = new HashMap<>();

    ImportBatchWriter(PersonDirectory people, ThemeVocabulary themes, JdbcTemplate jdbc, String username) {
        this.people = people;
        this.themes = themes;
        this.jdbc = jdbc;
        this.username = username;
    }

    /** Writes the records that are new and returns, in order, what happened to each; adds their ids to {@code newIds}. */
    List<Outcome> write(List<InterchangeRecord> records, List<Long> newIds) {
        Set<String> existingSlugs = existing(
                "select slug from record where slug = any(?)",
                records.stream()
                        .map(InterchangeRecord::slug)
                        .filter(s -> s != null)
                        .toList());
        Set<String> existingKeys = new HashSet<>();
        List<String> titles = records.stream()
                .filter(r -> r.slug() == null)
                .map(InterchangeRecord::title)
                .toList();
        if (!titles.isEmpty()) {
            jdbc.query(
                    con -> statement(
                            con.prepareStatement("select title, source from record where title = any(?)"), titles),
                    rs -> {
                        existingKeys.add(key(rs.getString(1), rs.getString(2)));
                    });
        }

        List<Outcome> outcomes = new ArrayList<>();
        List<InterchangeRecord> fresh = new ArrayList<>();
        Set<String> batchSlugs = new HashSet<>();
        for (InterchangeRecord record : records) {
            String slug = record.slug();
            boolean present = slug != null
                    ? existingSlugs.contains(slug) || batchSlugs.contains(slug)
                    : !existingKeys.add(key(record.title(), record.source()));
            if (present) {
                outcomes.add(Outcome.SKIPPED);
            } else {
                outcomes.add(Outcome.IMPORTED);
                fresh.add(record);
                if (slug != null) {
                    batchSlugs.add(slug);
                }
            }
        }
        if (fresh.isEmpty()) {
            return outcomes;
        }

        List<String> slugs = slugsFor(fresh, batchSlugs);
        List<Long> ids = jdbc.queryForList(
                "select nextval(pg_get_serial_sequence('record', 'id')) from generate_series(1, ?)",
                Long.class,
                fresh.size());
        insertRecords(fresh, slugs, ids);
        insertLinks(fresh, ids);
        newIds.addAll(ids);
        return outcomes;
    }

    /** Forgets the people and themes of a batch that rolled back: the rows created with it are gone. */
    void batchRolledBack() {
        personIds.clear();
        themeIds.clear();
    }

    private List<String> slugsFor(List<InterchangeRecord> fresh, Set<String> given) {
        List<String> bases = fresh.stream()
                .map(r -> r.slug() != null
                        ? r.slug()
                        : Slugs.slugify(r.date() == null ? r.title() : r.title() + " " + r.date()))
                .toList();
        Set<String> taken = existing(
                "select slug from record where slug = any(?)",
                bases.stream().filter(b -> !given.contains(b)).toList());
        Set<String> used = new HashSet<>(given);
        List<String> slugs = new ArrayList<>();
        for (int i = 0; i < fresh.size(); i++) {
            String base = bases.get(i);
            String slug;
            if (fresh.get(i).slug() != null) {
                slug = base;
            } else if (!taken.contains(base) && !used.contains(base)) {
                slug = base;
            } else {
                slug = Slugs.unique(base, candidate -> used.contains(candidate) || exists(candidate));
            }
            used.add(slug);
            slugs.add(slug);
        }
        return slugs;
    }

    private void insertRecords(List<InterchangeRecord> fresh, List<String> slugs, List<Long> ids) {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < fresh.size(); i++) {
            indexes.add(i);
        }
        jdbc.batchUpdate(
                "insert into record (id, slug, title, kind, date, date_precision, place, organization, language,"
                        + " summary, body, source, status, created_by, updated_by) values"
                        + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                indexes,
                indexes.size(),
                (ps, i) -> {
                    InterchangeRecord r = fresh.get(i);
                    ps.setLong(1, ids.get(i));
                    ps.setString(2, slugs.get(i));
                    ps.setString(3, r.title());
                    ps.setString(4, r.kind().name());
                    ps.setDate(5, r.date() == null ? null : Date.valueOf(r.date()));
                    ps.setString(
                            6,
                            r.datePrecision() == null ? null : r.datePrecision().name());
                    ps.setString(7, r.place());
                    ps.setString(8, r.organization());
                    ps.setString(9, r.language());
                    ps.setString(10, r.summary());
                    ps.setString(11, r.body());
                    ps.setString(12, r.source());
                    ps.setString(13, r.status().name());
                    ps.setString(14, username);
                    ps.setString(15, username);
                });
    }

    private void insertLinks(List<InterchangeRecord> fresh, List<Long> ids) {
        List<Object[]> participations = new ArrayList<>();
        List<Object[]> recordThemes = new ArrayList<>();
        List<Object[]> notes = new ArrayList<>();
        for (int i = 0; i < fresh.size(); i++) {
            InterchangeRecord record = fresh.get(i);
            long recordId = ids.get(i);
            Set<String> seen = new HashSet<>();
            int position = 0;
            for (InterchangeRecord.Speaker speaker : record.speakers()) {
                long personId = personId(speaker.name());
                // the schema allows a person once per role in a record
                if (seen.add(personId + "/" + speaker.role())) {
                    participations.add(
                            new Object[] {recordId, personId, speaker.role().name(), speaker.office(), ++position});
                }
            }
            Set<Long> themeRefs = new LinkedHashSet<>();
            record.themes().forEach(name -> themeRefs.add(themeId(name)));
            themeRefs.forEach(themeId -> recordThemes.add(new Object[] {recordId, themeId}));
            int notePosition = 0;
            for (String note : record.notes()) {
                notes.add(new Object[] {recordId, note, ++notePosition});
            }
        }
        jdbc.batchUpdate(
                "insert into participation (record_id, person_id, role, office, position) values (?, ?, ?, ?, ?)",
                participations);
        jdbc.batchUpdate("insert into record_theme (record_id, theme_id) values (?, ?)", recordThemes);
        jdbc.batchUpdate("insert into editorial_note (record_id, body, position) values (?, ?, ?)", notes);
    }

    private long personId(String name) {
        return personIds.computeIfAbsent(
                name.toLowerCase(Locale.ROOT), n -> people.findOrCreate(name).getId());
    }

    private long themeId(String name) {
        return themeIds.computeIfAbsent(
                name.toLowerCase(Locale.ROOT), n -> themes.findOrCreate(name).getId());
    }

    private boolean exists(String slug) {
        return Boolean.TRUE.equals(
                jdbc.queryForObject("select exists (select 1 from record where slug = ?)", Boolean.class, slug));
    }

    private Set<String> existing(String sql, List<String> values) {
        Set<String> found = new HashSet<>();
        if (!values.isEmpty()) {
            jdbc.query(con -> statement(con.prepareStatement(sql), values), rs -> {
                found.add(rs.getString(1));
            });
        }
        return found;
    }

    private static PreparedStatement statement(PreparedStatement statement, List<String> values)
            throws java.sql.SQLException {
        Array array = statement.getConnection().createArrayOf("varchar", values.toArray());
        statement.setArray(1, array);
        return statement;
    }

    private static String key(String title, @Nullable String source) {
        return title + '\u0000' + source;
    }
}
