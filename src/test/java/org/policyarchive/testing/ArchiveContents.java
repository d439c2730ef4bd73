package org.policyarchive.testing;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Everything an export is meant to carry, read straight from the tables, keyed by slugs and names rather than ids (an
 * archive read back in has new ids): records with their people, themes, notes and translation, people with their
 * aliases and offices, themes with their broader theme. Two archives hold the same when their contents are equal,
 * and AssertJ's comparison of them names the first field that differs.
 */
public record ArchiveContents(List<RecordRow> records, List<PersonRow> people, List<ThemeRow> themes) {

    public record RecordRow(
            String slug,
            String title,
            String kind,
            @Nullable LocalDate date,
            @Nullable String datePrecision,
            @Nullable String place,
            @Nullable String organization,
            String language,
            @Nullable String summary,
            String body,
            @Nullable String source,
            String status,
            @Nullable String translation,
            String people,
            String themes,
            String notes) {}

    public record PersonRow(
            String slug,
            String name,
            @Nullable String nativeName,
            @Nullable String description,
            String aliases,
            String offices) {}

    public record ThemeRow(
            String slug,
            String name,
            @Nullable String nameZh,
            @Nullable String description,
            @Nullable String parent,
            int position) {}

    /** What the archive behind {@code jdbc} holds now. */
    public static ArchiveContents of(JdbcClient jdbc) {
        List<RecordRow> records = jdbc.sql("""
                        select r.slug, r.title, r.kind, r.date, r.date_precision, r.place, r.organization, r.language,
                               r.summary, r.body, r.source, r.status, t.slug as translation,
                               coalesce((select string_agg(p.name || '|' || pa.role || '|' || coalesce(pa.office, ''),
                                                           '; ' order by pa.position)
                                         from participation pa join person p on p.id = pa.person_id
                                         where pa.record_id = r.id), '') as people,
                               coalesce((select string_agg(th.name, '; ' order by th.name)
                                         from record_theme rt join theme th on th.id = rt.theme_id
                                         where rt.record_id = r.id), '') as themes,
                               coalesce((select string_agg(n.body, ' || ' order by n.position)
                                         from editorial_note n where n.record_id = r.id), '') as notes
                        from record r left join record t on t.id = r.translation_id
                        order by r.slug
                        """).query(RecordRow.class).list();
        List<PersonRow> people = jdbc.sql("""
                        select p.slug, p.name, p.native_name, p.description,
                               coalesce((select string_agg(a.alias, '; ' order by a.alias)
                                         from person_alias a where a.person_id = p.id), '') as aliases,
                               coalesce((select string_agg(o.title || '|' || coalesce(o.organization, '') || '|'
                                                           || coalesce(o.start_date::text, '') || '|'
                                                           || coalesce(o.end_date::text, ''), '; ' order by o.position)
                                         from person_office o where o.person_id = p.id), '') as offices
                        from person p
                        order by p.slug
                        """).query(PersonRow.class).list();
        List<ThemeRow> themes = jdbc.sql("""
                        select t.slug, t.name, t.name_zh, t.description, p.slug as parent, t.position
                        from theme t left join theme p on p.id = t.parent_id
                        order by t.slug
                        """).query(ThemeRow.class).list();
        return new ArchiveContents(records, people, themes);
    }

    /** Empties the archive's records, people and themes, seed included: an archive with nothing to read back into. */
    public static void empty(JdbcClient jdbc) {
        jdbc.sql(
                        "truncate table record, participation, record_theme, editorial_note, revision, person, person_alias,"
                                + " person_office, person_redirect, theme, original_file, record_text_fingerprint, record_text_band")
                .update();
    }
}
