package org.policyarchive.search;

import static org.policyarchive.search.RecordFields.CURRENT_INDEX_VERSION;
import static org.policyarchive.search.RecordFields.INDEX_VERSION;
import static org.policyarchive.search.RecordFields.PERSON;
import static org.policyarchive.search.RecordFields.THEME;
import static org.policyarchive.search.RecordFields.UPDATED_AT;

import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingMonitor;
import org.jspecify.annotations.Nullable;
import org.policyarchive.person.Person;
import org.policyarchive.person.PersonDirectory;
import org.policyarchive.record.Record;
import org.policyarchive.record.RecordCatalog;
import org.policyarchive.theme.Theme;
import org.policyarchive.theme.ThemeVocabulary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Service;

/**
 * Keeps this node's index in step with PostgreSQL beyond what automatic indexing does on commit. At start-up it catches
 * up with what a crash (a kill between a database commit and the index commit) or other nodes' work while this one
 * was stopped may have left out: it reindexes the records changed since the newest change the index holds, applies
 * the deletions and name changes noted since ({@link SearchChanges}), and when the counts still differ it compares ids
 * and indexes the missing records and removes the extra ones. While the node runs, {@link #follow} does the same every
 * couple of seconds for what other nodes wrote ({@link SearchIndexFollower}). A full rebuild (the admin action, the
 * {@code --archive.reindex} option) runs Hibernate Search's mass indexer and reports its progress.
 */
@Service
public class SearchIndexMaintenance {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexMaintenance.class);
    /**
     * Changes stamped this long before the newest one in the index are also checked: a transaction stamps its
     * changes before it commits (an import batch takes about a second), and a crash loses the index changes made
     * since the index writer's last commit (at most 10 s before).
     */
    private static final Duration OVERLAP = Duration.ofSeconds(30);

    private static final Duration SAME_VERSION = Duration.ofMillis(1);

    private static final int BATCH = 500;

    private final SessionFactory sessionFactory;
    private final RecordCatalog catalog;
    private final PersonDirectory people;
    private final ThemeVocabulary themes;
    private final TaskExecutor executor;
    private final SearchChanges changes;
    private final AtomicReference<ReindexProgress> progress = new AtomicReference<>(ReindexProgress.idle());

    /**
     * When the last catch-up or pass began, by the database's clock: the next pass reads the changes made since then,
     * less {@link #OVERLAP}. Null until the start-up catch-up has run.
     */
    private volatile @Nullable Instant followedFrom;

    /** When the index was last brought up to date, by this node's clock: for the health check. */
    private volatile @Nullable Instant lastFollowed;

    /** The noted changes already applied that a pass's window still holds, by id, with when they were noted. */
    private final Map<Long, Instant> appliedChanges = new HashMap<>();

    SearchIndexMaintenance(
            EntityManagerFactory entityManagerFactory,
            RecordCatalog catalog,
            PersonDirectory people,
            ThemeVocabulary themes,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor,
            SearchChanges changes) {
        this.sessionFactory = entityManagerFactory.unwrap(SessionFactory.class);
        this.catalog = catalog;
        this.people = people;
        this.themes = themes;
        this.executor = executor;
        this.changes = changes;
    }

    /** What the start-up check found and did. */
    public record CatchUp(long records, long reindexed, long added, long removed, long millis) {}

    /** What one pass of {@link #follow} did: records reindexed or removed, and noted changes applied. */
    public record Followed(long records, long changes) {}

    /** Brings the index up to date with the database after a start, cheaply when nothing was lost. */
    public synchronized CatchUp catchUp() {
        long start = System.nanoTime();
        Instant now = changes.now();
        try (Session session = sessionFactory.openSession()) {
            SearchSession search = Search.session(session);
            if (count(search, Person.class) != people.count() || count(search, Theme.class) != themes.count()) {
                massIndex(search, Person.class, Theme.class);
            }
            long inDatabase = catalog.count();
            long inIndex = count(search, Record.class);
            if ((inIndex == 0 && inDatabase > 0) || (inIndex > 0 && isOutdated(search))) {
                massIndex(search, Record.class);
                followed(now);
                return report(new CatchUp(inDatabase, inDatabase, 0, 0, millisSince(start)));
            }
            List<Instant> newest = search.search(Record.class)
                    .select(f -> f.field(UPDATED_AT, Instant.class))
                    .where(f -> f.matchAll())
                    .sort(f -> f.field(UPDATED_AT).desc())
                    .fetchHits(1);
            @Nullable Instant since = newest.isEmpty() ? null : newest.get(0).minus(OVERLAP);
            if (since != null && since.isBefore(changes.keptSince(now))) {
                // the deletions and renames noted since are forgotten in part: only a rebuild is sure to be right
                log.info("Search index is older than the changes kept for it ({}): rebuilding it", since);
                massIndex(search, Person.class, Theme.class, Record.class);
                followed(now);
                return report(new CatchUp(inDatabase, inDatabase, 0, 0, millisSince(start)));
            }
            List<Long> changed = since == null ? List.of() : changedSince(search, since);
            sync(session, Record.class, changed);
            Applied applied = since == null ? new Applied(0, 0, 0) : applyNotedChanges(session, since);
            long removed = applied.recordsRemoved();
            long added = 0;
            if (count(search, Record.class) != inDatabase) {
                Set<Long> indexed = new HashSet<>(search.search(Record.class)
                        .select(f -> f.id(Long.class))
                        .where(f -> f.matchAll())
                        .fetchAllHits());
                Set<Long> stored = catalog.findAllIds();
                List<Long> missing = new ArrayList<>(stored);
                missing.removeAll(indexed);
                indexed.removeAll(stored);
                sync(session, Record.class, missing);
                sync(session, Record.class, indexed);
                added = missing.size();
                removed += indexed.size();
            }
            followed(now);
            return report(new CatchUp(
                    inDatabase, changed.size() + applied.recordsReindexed(), added, removed, millisSince(start)));
        }
    }

    /**
     * One pass of this node following the others: reindexes the records changed in PostgreSQL since the last pass
     * began (less {@link #OVERLAP}, for transactions that committed after stamping their change) whose indexed version
     * differs, and applies the deletions and name changes noted since. Does nothing before the start-up catch-up or
     * while a rebuild runs.
     */
    public synchronized Followed follow() {
        Instant from = followedFrom;
        if (from == null || progress.get().isRunning()) {
            return new Followed(0, 0);
        }
        Instant now = changes.now();
        Instant since = from.minus(OVERLAP);
        try (Session session = sessionFactory.openSession()) {
            List<Long> changed = changedSince(Search.session(session), since);
            sync(session, Record.class, changed);
            Followed followed = new Followed(
                    changed.size(), applyNotedChanges(session, since).changes());
            followed(now);
            if (followed.records() > 0 || followed.changes() > 0) {
                log.debug(
                        "Search index followed: {} records reindexed, {} noted changes applied",
                        followed.records(),
                        followed.changes());
            }
            return followed;
        }
    }

    /** When this node's index was last brought up to date with PostgreSQL; null before the start-up catch-up. */
    @Nullable
    Instant lastFollowed() {
        return lastFollowed;
    }

    private void followed(Instant from) {
        followedFrom = from;
        lastFollowed = Instant.now();
    }

    /**
     * Applies the changes noted since {@code since} that this node has not applied yet: a deleted record leaves the
     * index; a person's or a theme's own document is written again (or removed), and unless the person or theme was
     * only added, so are the records the index holds under its id, which carry its names.
     */
    private Applied applyNotedChanges(Session session, Instant since) {
        List<SearchChanges.Change> noted = changes.since(since).stream()
                .filter(change -> !appliedChanges.containsKey(change.id()))
                .toList();
        Set<Long> records = new TreeSet<>();
        Set<Long> persons = new TreeSet<>();
        Set<Long> topics = new TreeSet<>();
        // those whose names the records indexed under them carry: all but the ones only added
        Set<Long> renamedPersons = new TreeSet<>();
        Set<Long> renamedTopics = new TreeSet<>();
        for (SearchChanges.Change change : noted) {
            long id = change.entityId();
            switch (change.entity()) {
                case "record" -> records.add(id);
                case "person" -> (change.added() ? persons : renamedPersons).add(id);
                case "theme" -> (change.added() ? topics : renamedTopics).add(id);
                default -> throw new IllegalStateException("Unknown entity in search_change: " + change.entity());
            }
        }
        persons.addAll(renamedPersons);
        topics.addAll(renamedTopics);
        sync(session, Person.class, persons);
        sync(session, Theme.class, topics);
        renamedPersons.forEach(id -> records.addAll(recordsIndexedUnder(PERSON, String.valueOf(id))));
        renamedTopics.forEach(id -> records.addAll(recordsIndexedUnder(THEME, String.valueOf(id))));
        int removed = sync(session, Record.class, records);
        noted.forEach(change -> appliedChanges.put(change.id(), change.changedAt()));
        appliedChanges.values().removeIf(noticed -> noticed.isBefore(since));
        return new Applied(noted.size(), records.size() - removed, removed);
    }

    /** How many noted changes a pass applied, and how many records' documents it wrote again or removed for them. */
    private record Applied(int changes, int recordsReindexed, int recordsRemoved) {}

    /** Whether the index holds documents written by an earlier version of the archive: see below. */
    private boolean isOutdated(SearchSession search) {
        try (IndexReader reader =
                search.scope(Record.class).extension(LuceneExtension.get()).openIndexReader()) {
            return isOutdated(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether a live document holds less than this version of the archive writes ({@link RecordFields#INDEX_VERSION},
     * missing in documents written before it existed): such an index is rebuilt. Documents are counted segment by
     * segment, because a merge can put old and new documents into one segment. A million documents take
     * milliseconds.
     */
    static boolean isOutdated(IndexReader reader) throws IOException {
        for (LeafReaderContext leaf : reader.leaves()) {
            if (liveCurrentDocuments(leaf.reader()) < leaf.reader().numDocs()) {
                return true;
            }
        }
        return false;
    }

    private static int liveCurrentDocuments(LeafReader leaf) throws IOException {
        SortedNumericDocValues versions = DocValues.getSortedNumeric(leaf, INDEX_VERSION);
        Bits live = leaf.getLiveDocs();
        int count = 0;
        for (int doc = versions.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = versions.nextDoc()) {
            if ((live == null || live.get(doc)) && versions.nextValue() >= CURRENT_INDEX_VERSION) {
                count++;
            }
        }
        return count;
    }

    /**
     * The records changed since {@code since} whose indexed version is not the one in the database: missing from the
     * index, or indexed with another {@code updatedAt}.
     * Comparing, rather than reindexing every record of the window, keeps a start after a bulk import or a rebuild
     * cheap: their last 30 s are tens of thousands of records, already indexed.
     */
    private List<Long> changedSince(SearchSession search, Instant since) {
        Map<Long, Instant> indexed = new HashMap<>();
        search.search(Record.class)
                .select(f -> f.composite(f.id(Long.class), f.field(UPDATED_AT, Instant.class)))
                .where(f -> f.range().field(UPDATED_AT).atLeast(since))
                .fetchAllHits()
                .forEach(hit -> indexed.put((Long) hit.get(0), (Instant) hit.get(1)));
        return catalog.findChangedSince(since).entrySet().stream()
                .filter(row -> !sameVersion(row.getValue(), indexed.get(row.getKey())))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    /** The ids of the records whose documents hold {@code value} in the keyword field {@code field}. */
    List<Long> recordsIndexedUnder(String field, String value) {
        try (Session session = sessionFactory.openSession()) {
            return Search.session(session)
                    .search(Record.class)
                    .select(f -> f.id(Long.class))
                    .where(f -> f.match().field(field).matching(value))
                    .fetchAllHits();
        }
    }

    /** Indexes the records with these ids again, from PostgreSQL as they are now. */
    void reindex(List<Long> ids) {
        try (Session session = sessionFactory.openSession()) {
            sync(session, Record.class, ids);
        }
    }

    /**
     * Whether the database's and the index's stamps are of the same change: equal but for PostgreSQL keeping
     * microseconds where the entity indexed may have had nanoseconds. Two changes of one record are never that close.
     */
    private static boolean sameVersion(Instant inDatabase, @Nullable Instant inIndex) {
        return inIndex != null && Duration.between(inDatabase, inIndex).abs().compareTo(SAME_VERSION) < 0;
    }

    /** Starts a full rebuild in the background unless one is running; false if one was. */
    public boolean startRebuild() {
        ReindexProgress current = progress.get();
        if (current.isRunning() || !progress.compareAndSet(current, running(0, 0))) {
            return false;
        }
        executor.execute(this::rebuildNow);
        return true;
    }

    /** Rebuilds the whole index from PostgreSQL in this thread, logging progress. */
    public ReindexProgress rebuildNow() {
        progress.set(running(0, 0));
        try (Session session = sessionFactory.openSession()) {
            Instant now = changes.now();
            massIndex(Search.session(session), Record.class, Person.class, Theme.class);
            followed(now);
            ReindexProgress done = progress.get();
            progress.set(new ReindexProgress(
                    ReindexProgress.State.DONE, done.total(), done.indexed(), done.started(), Instant.now()));
            log.info(
                    "Search index rebuilt: {} documents in {} s",
                    done.indexed(),
                    progress.get().seconds());
        } catch (RuntimeException e) {
            ReindexProgress failed = progress.get();
            progress.set(new ReindexProgress(
                    ReindexProgress.State.FAILED, failed.total(), failed.indexed(), failed.started(), Instant.now()));
            log.error("Search index rebuild failed", e);
        }
        return progress.get();
    }

    public ReindexProgress progress() {
        return progress.get();
    }

    private ReindexProgress running(long total, long indexed) {
        ReindexProgress current = progress.get();
        Instant started = current.isRunning() && current.started() != null ? current.started() : Instant.now();
        return new ReindexProgress(ReindexProgress.State.RUNNING, total, indexed, started, null);
    }

    private void massIndex(SearchSession search, Class<?>... types) {
        try {
            search.massIndexer(types)
                    .threadsToLoadObjects(2)
                    .batchSizeToLoadObjects(100)
                    .monitor(new ProgressMonitor())
                    .startAndWait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while rebuilding the search index", e);
        }
    }

    /**
     * Writes the documents of the entities of {@code type} with these ids as PostgreSQL holds them now, and removes the
     * documents of those it no longer holds: in batches, each in a transaction of the session. Returns how many
     * documents it removed.
     */
    private static int sync(Session session, Class<?> type, Collection<Long> ids) {
        SearchSession search = Search.session(session);
        List<Long> all = List.copyOf(ids);
        int removed = 0;
        for (int from = 0; from < all.size(); from += BATCH) {
            List<Long> batch = all.subList(from, Math.min(all.size(), from + BATCH));
            Transaction transaction = session.beginTransaction();
            // in the order of the ids, null where there is no such row
            List<?> loaded = session.byMultipleIds(type).multiLoad(batch);
            for (int i = 0; i < batch.size(); i++) {
                Object entity = loaded.get(i);
                if (entity == null) {
                    search.indexingPlan().purge(type, batch.get(i), null);
                    removed++;
                } else {
                    search.indexingPlan().addOrUpdate(entity);
                }
            }
            transaction.commit();
            session.clear();
        }
        return removed;
    }

    private static long count(SearchSession search, Class<?> type) {
        return search.search(type).where(f -> f.matchAll()).fetchTotalHitCount();
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static CatchUp report(CatchUp catchUp) {
        log.info(
                "Search index checked against {} records in {} ms: {} reindexed, {} added, {} removed",
                catchUp.records(),
                catchUp.millis(),
                catchUp.reindexed(),
                catchUp.added(),
                catchUp.removed());
        return catchUp;
    }

    /** Feeds the mass indexer's counts into {@link #progress} and the log. */
    private final class ProgressMonitor implements MassIndexingMonitor {

        private final AtomicLong total = new AtomicLong();
        private final AtomicLong added = new AtomicLong();
        private final AtomicLong lastLogged = new AtomicLong();

        @Override
        public void addToTotalCount(long increment) {
            total.addAndGet(increment);
            update();
        }

        @Override
        public void documentsAdded(long increment) {
            long now = added.addAndGet(increment);
            update();
            long step = Math.max(1000, total.get() / 20);
            if (now - lastLogged.get() >= step) {
                lastLogged.set(now);
                log.info("Search indexing: {} of {} documents", now, total.get());
            }
        }

        @Override
        public void documentsBuilt(long increment) {}

        @Override
        public void entitiesLoaded(long increment) {}

        @Override
        public void indexingCompleted() {
            update();
        }

        private void update() {
            ReindexProgress current = progress.get();
            if (current.isRunning()) {
                progress.set(running(total.get(), added.get()));
            }
        }
    }
}
