package org.policyarchive.oai;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.policyarchive.record.Kind;
import org.policyarchive.record.Kinds;
import org.policyarchive.record.RecordKind;
import org.policyarchive.record.RecordStatus;
import org.policyarchive.record.Role;
import org.policyarchive.system.DatePrecision;
import org.policyarchive.system.PartialDate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the records harvesters see: published ones, and withdrawn ones as deleted; never drafts. Lists go in
 * {@code (updated_at, id)} order (V42 indexes it), a page at a time after a position, with a fixed number of
 * statements per page whatever its size.
 */
@Component
@Transactional(readOnly = true)
class OaiRecords {

    static final List<RecordStatus> SHOWN = List.of(RecordStatus.PUBLISHED, RecordStatus.WITHDRAWN);

    /** What a list asks for: a set's filter (or none), and datestamps from (inclusive) and until (exclusive). */
    record Selection(
            OaiSets.@Nullable Filter set,
            @Nullable Instant from,
            @Nullable Instant until) {}

    /** The {@code (updated_at, id)} of the last item a page gave. */
    record Position(Instant updatedAt, long id) {}

    /** A set as ListSets shows it. */
    record SetEntry(String spec, String name) {}

    private final EntityManager entities;
    private final Kinds kinds;

    OaiRecords(EntityManager entities, Kinds kinds) {
        this.entities = entities;
        this.kinds = kinds;
    }

    /** The record with this slug, unless it is a draft (or does not exist). */
    Optional<OaiItem> find(String slug) {
        List<OaiItem> found = query("r.slug = :slug", Map.of("slug", slug), null, 1);
        withDetails(found, true);
        return found.stream().findFirst();
    }

    /**
     * Up to {@code size} items of the selection after {@code after} (from the start when null), with what their Dublin
     * Core needs when {@code metadata} is true (their sets in any case).
     */
    List<OaiItem> page(Selection selection, @Nullable Position after, int size, boolean metadata) {
        StringBuilder where = new StringBuilder("true");
        Map<String, Object> parameters = new LinkedHashMap<>();
        select(selection, where, parameters);
        if (after != null) {
            where.append(" and (r.updatedAt > :afterUpdated or (r.updatedAt = :afterUpdated and r.id > :afterId))");
            parameters.put("afterUpdated", after.updatedAt());
            parameters.put("afterId", after.id());
        }
        List<OaiItem> items = query(where.toString(), parameters, "r.updatedAt, r.id", size);
        withDetails(items, metadata);
        return items;
    }

    /** How many items the selection holds. */
    long count(Selection selection) {
        StringBuilder where = new StringBuilder("true");
        Map<String, Object> parameters = new LinkedHashMap<>();
        select(selection, where, parameters);
        TypedQuery<Long> count =
                entities.createQuery("select count(r) from Record r where r.status in :shown and " + where, Long.class);
        count.setParameter("shown", SHOWN);
        parameters.forEach(count::setParameter);
        return count.getSingleResult();
    }

    /** The oldest datestamp of any item, or empty when there is none. */
    Optional<Instant> earliest() {
        return Optional.ofNullable(
                entities.createQuery("select min(r.updatedAt) from Record r where r.status in :shown", Instant.class)
                        .setParameter("shown", SHOWN)
                        .getSingleResult());
    }

    /** Whether the theme a set names exists. */
    boolean themeExists(String slug) {
        return !entities.createQuery("select t.id from Theme t where t.slug = :slug", Long.class)
                .setParameter("slug", slug)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    /** Every set: the two parents, each kind, each theme (by name). */
    List<SetEntry> sets() {
        List<SetEntry> sets = new ArrayList<>();
        sets.add(new SetEntry(OaiSets.KIND, "Records by kind"));
        for (Kind kind : kinds.all()) {
            sets.add(new SetEntry(OaiSets.kindSpec(kind.kind()), "Kind: " + kind.label()));
        }
        sets.add(new SetEntry(OaiSets.THEME, "Records by theme"));
        entities.createQuery("select t.slug, t.name from Theme t order by t.name, t.id", Object[].class)
                .getResultList()
                .forEach(row -> sets.add(new SetEntry(OaiSets.themeSpec((String) row[0]), "Theme: " + row[1])));
        return sets;
    }

    private static void select(Selection selection, StringBuilder where, Map<String, Object> parameters) {
        OaiSets.Filter set = selection.set();
        if (set instanceof OaiSets.OfKind of) {
            where.append(" and r.kind = :kind");
            parameters.put("kind", of.kind());
        } else if (set instanceof OaiSets.AnyTheme) {
            where.append(" and r.themes is not empty");
        } else if (set instanceof OaiSets.OfTheme of) {
            where.append(" and exists (select 1 from Record tagged join tagged.themes t"
                    + " where tagged = r and t.slug = :theme)");
            parameters.put("theme", of.slug());
        }
        if (selection.from() != null) {
            where.append(" and r.updatedAt >= :from");
            parameters.put("from", selection.from());
        }
        if (selection.until() != null) {
            where.append(" and r.updatedAt < :until");
            parameters.put("until", selection.until());
        }
    }

    private List<OaiItem> query(String where, Map<String, Object> parameters, @Nullable String orderBy, int size) {
        TypedQuery<Object[]> query = entities.createQuery(
                "select r.id, r.slug, r.status, r.updatedAt, r.kind, r.title, r.language, r.summary, r.organization,"
                        + " r.date, r.datePrecision, r.place, r.source from Record r where r.status in :shown and "
                        + where + (orderBy == null ? "" : " order by " + orderBy),
                Object[].class);
        query.setParameter("shown", SHOWN);
        parameters.forEach(query::setParameter);
        return query.setMaxResults(size).getResultList().stream()
                .map(row -> new OaiItem(
                        (Long) row[0],
                        (String) row[1],
                        (RecordStatus) row[2],
                        (Instant) row[3],
                        (RecordKind) row[4],
                        (String) row[5],
                        (String) row[6],
                        (String) row[7],
                        (String) row[8],
                        PartialDate.of((LocalDate) row[9], (DatePrecision) row[10]),
                        (String) row[11],
                        (String) row[12]))
                .toList();
    }

    /** Adds the themes (and, with {@code metadata}, the people and translations) of the items, a query for each. */
    private void withDetails(List<OaiItem> items, boolean metadata) {
        if (items.isEmpty()) {
            return;
        }
        Map<Long, OaiItem> byId = new LinkedHashMap<>();
        items.forEach(item -> byId.put(item.id, item));
        List<Long> ids = List.copyOf(byId.keySet());
        entities.createQuery(
                        "select r.id, t.slug, t.name, t.nameZh from Record r join r.themes t where r.id in :ids"
                                + " order by t.name, t.id",
                        Object[].class)
                .setParameter("ids", ids)
                .getResultList()
                .forEach(row -> byId.get((Long) row[0])
                        .subjects
                        .add(new OaiItem.Subject((String) row[1], (String) row[2], (String) row[3])));
        if (!metadata) {
            return;
        }
        entities.createQuery(
                        "select p.record.id, p.person.name, p.role from Participation p where p.record.id in :ids"
                                + " order by p.position",
                        Object[].class)
                .setParameter("ids", ids)
                .getResultList()
                .forEach(row -> byId.get((Long) row[0]).parts.add(new OaiItem.Part((String) row[1], (Role) row[2])));
        entities.createQuery(
                        "select r.id, t.slug from Record r join r.translation t where r.id in :ids"
                                + " and t.status = :published order by t.slug",
                        Object[].class)
                .setParameter("ids", ids)
                .setParameter("published", RecordStatus.PUBLISHED)
                .getResultList()
                .forEach(row -> byId.get((Long) row[0]).translations.add((String) row[1]));
        entities.createQuery(
                        "select t.translation.id, t.slug from Record t where t.translation.id in :ids"
                                + " and t.status = :published order by t.slug",
                        Object[].class)
                .setParameter("ids", ids)
                .setParameter("published", RecordStatus.PUBLISHED)
                .getResultList()
                .forEach(row -> {
                    List<String> translations = byId.get((Long) row[0]).translations;
                    if (!translations.contains((String) row[1])) {
                        translations.add((String) row[1]);
                    }
                });
    }
}
