package org.policyarchive.record;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.policyarchive.record.RecordPage.FacetValue;
import org.policyarchive.record.RecordPage.Facets;
import org.policyarchive.system.DatePrecision;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The browse query: published records matching a {@link RecordFilter}, newest first, and the facet counts, in four
 * statements whatever the page's size: the count, the page's ids, all facets in one statement, and the records.
 * Every list of records (browse pages, a person's or a theme's records, search results) reads its records here, by
 * id, in one statement ({@link #listings}).
 */
@Component
class RecordBrowsing {

    private enum Dimension {
        KIND,
        YEAR,
        THEME,
        PERSON,
        LANGUAGE
    }

    private static final Comparator<FacetValue> BY_COUNT =
            Comparator.comparingLong(FacetValue::count).reversed();

    private final JdbcClient jdbc;

    RecordBrowsing(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    RecordPage browse(RecordFilter filter, int page, int size) {
        Map<String, Object> parameters = parameters(filter);
        long total = jdbc.sql("select count(*) from record r where " + where(filter, null))
                .params(parameters)
                .query(Long.class)
                .single();
        List<Long> ids = jdbc.sql("select r.id from record r where " + where(filter, null)
                        + " order by r.date desc nulls last, r.id desc limit :limit offset :offset")
                .params(parameters)
                .param("limit", size)
                .param("offset", (long) (page - 1) * size)
                .query(Long.class)
                .list();
        return new RecordPage(listings(ids, false), page, size, total, facets(filter, parameters));
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

    private Facets facets(RecordFilter filter, Map<String, Object> parameters) {
        String sql = "select 'KIND' as facet, r.kind as value, null as name, null as native_name, count(*) as n"
                + " from record r where " + where(filter, Dimension.KIND) + " group by r.kind"
                + " union all"
                + " select 'YEAR', cast(cast(extract(year from r.date) as int) as varchar), null, null, count(*)"
                + " from record r where r.date is not null and " + where(filter, Dimension.YEAR)
                + " group by extract(year from r.date)"
                + " union all"
                + " select 'THEME', t.slug, t.name, t.name_zh, count(distinct r.id)"
                + " from record r join record_theme rt on rt.record_id = r.id"
                + " join theme tagged on tagged.id = rt.theme_id"
                + " join theme t on t.id = tagged.id or t.id = tagged.parent_id"
                + " where " + where(filter, Dimension.THEME) + " group by t.slug, t.name, t.name_zh"
                + " union all"
                + " select 'PERSON', pe.slug, pe.name, pe.native_name, count(distinct r.id)"
                + " from record r join participation pa on pa.record_id = r.id join person pe on pe.id = pa.person_id"
                + " where " + where(filter, Dimension.PERSON) + " group by pe.slug, pe.name, pe.native_name"
                + " union all"
                + " select 'LANGUAGE', r.language, null, null, count(*)"
                + " from record r where " + where(filter, Dimension.LANGUAGE) + " group by r.language";
        Map<Dimension, List<FacetValue>> values = new HashMap<>();
        jdbc.sql(sql)
                .params(parameters)
                .query((ResultSet rs, int row) -> facetRow(rs))
                .list()
                .forEach(entry -> values.computeIfAbsent(entry.dimension(), d -> new ArrayList<>())
                        .add(entry.value()));
        return new Facets(
                sorted(values.get(Dimension.KIND), BY_COUNT.thenComparing(FacetValue::value)),
                sorted(
                        values.get(Dimension.YEAR),
                        Comparator.comparing((FacetValue v) -> Integer.parseInt(v.value()))
                                .reversed()),
                sorted(values.get(Dimension.THEME), BY_COUNT.thenComparing(v -> String.valueOf(v.name()))),
                sorted(values.get(Dimension.PERSON), BY_COUNT.thenComparing(v -> String.valueOf(v.name()))),
                sorted(values.get(Dimension.LANGUAGE), BY_COUNT.thenComparing(FacetValue::value)));
    }

    private static List<FacetValue> sorted(@Nullable List<FacetValue> values, Comparator<FacetValue> order) {
        return values == null ? List.of() : values.stream().sorted(order).toList();
    }

    private record FacetRow(Dimension dimension, FacetValue value) {}

    private static FacetRow facetRow(ResultSet rs) throws SQLException {
        Dimension dimension = Dimension.valueOf(rs.getString("facet"));
        String value = rs.getString("value");
        if (dimension == Dimension.KIND) {
            value = RecordKind.valueOf(value).code();
        }
        return new FacetRow(
                dimension, new FacetValue(value, rs.getString("name"), rs.getString("native_name"), rs.getLong("n")));
    }

    /** The conditions of {@code filter}, leaving out {@code except} (for that dimension's facet counts). */
    private static String where(RecordFilter filter, @Nullable Dimension except) {
        StringBuilder sql = new StringBuilder("r.status = 'PUBLISHED'");
        if (filter.kind() != null && except != Dimension.KIND) {
            sql.append(" and r.kind = :kind");
        }
        if (filter.year() != null && except != Dimension.YEAR) {
            sql.append(" and r.date >= :yearStart and r.date < :yearEnd");
        }
        if (filter.theme() != null && except != Dimension.THEME) {
            sql.append(" and exists (select 1 from record_theme ft join theme ftt on ftt.id = ft.theme_id")
                    .append(" left join theme ftp on ftp.id = ftt.parent_id")
                    .append(" where ft.record_id = r.id and (ftt.slug = :theme or ftp.slug = :theme))");
        }
        if (filter.person() != null && except != Dimension.PERSON) {
            sql.append(" and exists (select 1 from participation fp join person fpp on fpp.id = fp.person_id")
                    .append(" where fp.record_id = r.id and fpp.slug = :person)");
        }
        if (filter.language() != null && except != Dimension.LANGUAGE) {
            sql.append(" and r.language = :language");
        }
        return sql.toString();
    }

    private static Map<String, Object> parameters(RecordFilter filter) {
        Map<String, Object> parameters = new HashMap<>();
        if (filter.kind() != null) {
            parameters.put("kind", filter.kind().name());
        }
        if (filter.year() != null) {
            parameters.put("yearStart", LocalDate.of(filter.year(), 1, 1));
            parameters.put("yearEnd", LocalDate.of(filter.year() + 1, 1, 1));
        }
        if (filter.theme() != null) {
            parameters.put("theme", filter.theme());
        }
        if (filter.person() != null) {
            parameters.put("person", filter.person());
        }
        if (filter.language() != null) {
            parameters.put("language", filter.language());
        }
        return parameters;
    }
}
