package org.policyarchive.record;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.policyarchive.system.DatePrecision;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every list of records (browse pages, a person's records, search results) reads its records here, by id, in one
 * statement: each record's columns with its people and themes gathered into arrays, instead of loading entities and
 * their collections.
 */
@Component
class RecordListings {

    private final JdbcClient jdbc;

    RecordListings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The records with these ids that exist, in this order, as lists show them, with their text when {@code withBody}
     * (search results cut their snippets from it). One statement, with each record's people and themes gathered into
     * arrays, instead of loading entities and their collections. Themes are sorted as {@link Record#getSortedThemes()}
     * sorts them; {@code collate "C"} compares names by code point, as Java does outside the supplementary planes.
     */
    List<RecordListing> listings(List<Long> ids, boolean withBody) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, RecordListing> byId = new HashMap<>();
        jdbc.sql("select r.id, r.slug, r.title, r.date, r.date_precision, r.kind, r.language, r.place,"
                        + " r.organization, r.summary, " + (withBody ? "r.body," : "null as body,")
                        + " p.slugs as person_slugs, p.names as person_names, p.roles as person_roles,"
                        + " t.slugs as theme_slugs, t.names as theme_names, t.names_zh as theme_names_zh"
                        + " from record r"
                        + " left join lateral (select array_agg(pe.slug order by pa.position) as slugs,"
                        + " array_agg(pe.name order by pa.position) as names,"
                        + " array_agg(pa.role order by pa.position) as roles"
                        + " from participation pa join person pe on pe.id = pa.person_id"
                        + " where pa.record_id = r.id) p on true"
                        + " left join lateral (select"
                        + " array_agg(th.slug order by th.parent_id is not null, th.name collate \"C\") as slugs,"
                        + " array_agg(th.name order by th.parent_id is not null, th.name collate \"C\") as names,"
                        + " array_agg(th.name_zh order by th.parent_id is not null, th.name collate \"C\") as names_zh"
                        + " from record_theme rt join theme th on th.id = rt.theme_id"
                        + " where rt.record_id = r.id) t on true"
                        + " where r.id in (:ids)")
                .param("ids", ids)
                .query((ResultSet rs, int row) -> listing(rs))
                .list()
                .forEach(listing -> byId.put(listing.id(), listing));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    private static RecordListing listing(ResultSet rs) throws SQLException {
        String precision = rs.getString("date_precision");
        String[] personSlugs = strings(rs, "person_slugs");
        String[] personNames = strings(rs, "person_names");
        String[] roles = strings(rs, "person_roles");
        List<RecordListing.Part> people = new ArrayList<>(personSlugs.length);
        for (int i = 0; i < personSlugs.length; i++) {
            people.add(new RecordListing.Part(personSlugs[i], personNames[i], Role.valueOf(roles[i])));
        }
        String[] themeSlugs = strings(rs, "theme_slugs");
        String[] themeNames = strings(rs, "theme_names");
        String[] themeNamesZh = strings(rs, "theme_names_zh");
        List<RecordListing.ThemeName> themes = new ArrayList<>(themeSlugs.length);
        for (int i = 0; i < themeSlugs.length; i++) {
            themes.add(new RecordListing.ThemeName(themeSlugs[i], themeNames[i], themeNamesZh[i]));
        }
        return new RecordListing(
                rs.getLong("id"),
                rs.getString("slug"),
                rs.getString("title"),
                rs.getObject("date", LocalDate.class),
                precision == null ? null : DatePrecision.valueOf(precision),
                RecordKind.valueOf(rs.getString("kind")),
                rs.getString("language"),
                rs.getString("place"),
                rs.getString("organization"),
                rs.getString("summary"),
                rs.getString("body"),
                people,
                themes);
    }

    /** A text array column; array_agg over no rows is null. */
    private static String[] strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? new String[0] : (String[]) array.getArray();
    }
}
