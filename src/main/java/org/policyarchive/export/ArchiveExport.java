package org.policyarchive.export;

import jakarta.persistence.EntityManager;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionImplementor;
import org.jspecify.annotations.Nullable;
import org.policyarchive.interchange.InterchangeFormat;
import org.policyarchive.interchange.InterchangeWriter;
import org.policyarchive.person.Person;
import org.policyarchive.person.PersonDraft;
import org.policyarchive.record.Kind;
import org.policyarchive.record.KindDraft;
import org.policyarchive.record.Kinds;
import org.policyarchive.record.Participation;
import org.policyarchive.record.Record;
import org.policyarchive.record.RecordDraft;
import org.policyarchive.record.RecordStatus;
import org.policyarchive.search.RecordMatches;
import org.policyarchive.system.InvalidParameterException;
import org.policyarchive.theme.Theme;
import org.policyarchive.theme.ThemeDraft;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the archive, or the records of a search, in the interchange format, through the format's one writer
 * ({@link InterchangeWriter}). Records are read a batch at a time by id (keyset, never an offset), written, and the
 * persistence context cleared before the next batch, so that an export of a million records holds one batch in memory
 * however long it runs; the whole export reads one snapshot of the database (one read-only, repeatable-read
 * transaction), so a change made meanwhile is either wholly in it or not at all.
 *
 * <p>In JSON Lines the vocabulary comes first (broader themes before narrower ones), then the people, each before the
 * first record that names him, then the records, so that an import of the file finds them in that order.
 */
@Service
public class ArchiveExport {

    /** Which records an export of the archive holds. */
    public enum Scope {
        /** Every record, drafts and withdrawn ones too, each with its status. */
        EVERYTHING,
        /** The published records, as readers see them. */
        PUBLISHED
    }

    /** What an export wrote. */
    public record Written(long records, long people, long themes) {}

    static final int DEFAULT_BATCH_SIZE = 500;

    private final EntityManager entityManager;
    private final Kinds kinds;
    private final TransactionTemplate snapshot;
    private int batchSize = DEFAULT_BATCH_SIZE;
    private IntConsumer batchObserver = managed -> {};

    ArchiveExport(EntityManager entityManager, PlatformTransactionManager transactions, Kinds kinds) {
        this.entityManager = entityManager;
        this.kinds = kinds;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /**
     * Answers a request for the archive's file with it: the records of {@code scope} (a {@link Scope}'s name, in any
     * case) as {@code format} ({@code jsonl} or {@code csv}), named after the scope and the day; what cannot be read
     * is an {@link InvalidParameterException} naming {@code scope} or {@code format}, before anything is written. For
     * the admin page and the API.
     */
    public Written download(String scope, String format, HttpServletResponse response) throws IOException {
        Scope chosen = Arrays.stream(Scope.values())
                .filter(s -> s.name().equalsIgnoreCase(scope.strip()))
                .findFirst()
                .orElseThrow(() -> new InvalidParameterException("scope", scope, "export.scope.invalid"));
        InterchangeFormat chosenFormat = InterchangeFormat.ofFileName("." + format.strip())
                .orElseThrow(() -> new InvalidParameterException("format", format, "export.format.invalid"));
        String name = "policy-archive-" + chosen.name().toLowerCase(Locale.ROOT) + "-" + LocalDate.now(ZoneOffset.UTC);
        ExportDownloads.prepare(response, chosenFormat, name);
        return export(chosen, chosenFormat, response.getOutputStream());
    }

    /** Writes the records of {@code scope} with their people and the vocabulary to {@code out}, and closes it. */
    public Written export(Scope scope, InterchangeFormat format, OutputStream out) throws IOException {
        try (InterchangeWriter writer = InterchangeWriter.open(format, out, kinds)) {
            return inSnapshot(() -> {
                Run run = new Run(writer);
                run.themes();
                if (scope == Scope.EVERYTHING) {
                    run.allPeople();
                }
                Long after = 0L;
                while (after != null) {
                    List<Long> ids = entityManager
                            .createQuery(
                                    "select r.id from Record r where r.id > :after and r.status in :statuses"
                                            + " order by r.id",
                                    Long.class)
                            .setParameter("after", after)
                            .setParameter("statuses", statuses(scope))
                            .setMaxResults(batchSize)
                            .getResultList();
                    run.records(ids, scope);
                    after = ids.size() < batchSize ? null : ids.get(ids.size() - 1);
                }
                return run.written();
            });
        }
    }

    /**
     * Writes the published records that a search matches, with their people and the vocabulary, to {@code out}, and
     * closes it.
     */
    public Written export(RecordMatches.Matches search, InterchangeFormat format, OutputStream out) throws IOException {
        try (InterchangeWriter writer = InterchangeWriter.open(format, out, kinds)) {
            return inSnapshot(() -> {
                Run run = new Run(writer);
                run.themes();
                search.forEachBatch(batchSize, ids -> run.records(ids, Scope.PUBLISHED));
                return run.written();
            });
        }
    }

    private Written inSnapshot(IoWork work) throws IOException {
        try {
            return Objects.requireNonNull(snapshot.execute(status -> {
                // nothing read is changed: no snapshot of each entity is kept for dirty checking
                entityManager.unwrap(Session.class).setDefaultReadOnly(true);
                try {
                    return work.run();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @FunctionalInterface
    private interface IoWork {
        Written run() throws IOException;
    }

    /** One export under way: what it has written so far. */
    private final class Run {

        private final InterchangeWriter writer;
        // the people written, so that each comes once, before his first record: one id per person, not per record
        private final Set<Long> peopleWritten = new HashSet<>();
        private long records;
        private long themes;

        Run(InterchangeWriter writer) {
            this.writer = writer;
        }

        Written written() {
            return new Written(records, peopleWritten.size(), themes);
        }

        void themes() throws IOException {
            if (!writer.carriesPeopleAndThemes()) {
                return;
            }
            // the kinds first, so that an import into an empty archive knows the kinds its records name
            for (Kind kind : kinds.all()) {
                writer.write(KindDraft.of(kind));
            }
            List<Theme> vocabulary =
                    entityManager
                            .createQuery("select t from Theme t left join fetch t.parent", Theme.class)
                            .getResultList()
                            .stream()
                            .sorted(Comparator.comparing((Theme t) -> t.getParent() != null)
                                    .thenComparingInt(Theme::getPosition)
                                    .thenComparing(Theme::getId))
                            .toList();
            for (Theme theme : vocabulary) {
                writer.write(ThemeDraft.of(theme));
                themes++;
            }
            entityManager.clear();
        }

        void allPeople() throws IOException {
            if (!writer.carriesPeopleAndThemes()) {
                return;
            }
            Long after = 0L;
            while (after != null) {
                List<Person> people = entityManager
                        .createQuery("select p from Person p where p.id > :after order by p.id", Person.class)
                        .setParameter("after", after)
                        .setMaxResults(batchSize)
                        .getResultList();
                for (Person person : people) {
                    writePerson(person);
                }
                observeAndClear();
                after = people.size() < batchSize
                        ? null
                        : people.get(people.size() - 1).getId();
            }
        }

        /** Writes the records with these ids, in this order, and the people they name who were not written yet. */
        void records(List<Long> ids, Scope scope) {
            if (ids.isEmpty()) {
                return;
            }
            try {
                Map<Long, Record> byId = entityManager
                        .createQuery(
                                "select r from Record r left join fetch r.translation where r.id in :ids"
                                        + " and r.status in :statuses",
                                Record.class)
                        .setParameter("ids", ids)
                        .setParameter("statuses", statuses(scope))
                        .getResultStream()
                        .collect(Collectors.toMap(Record::getId, Function.identity()));
                for (Long id : ids) {
                    Record record = byId.get(id);
                    if (record == null) {
                        continue; // deleted or unpublished since the index was read
                    }
                    for (Participation participation : record.getParticipations()) {
                        writePerson(participation.getPerson());
                    }
                    writer.write(draftOf(record, scope));
                    records++;
                }
                writer.flush();
                observeAndClear();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void writePerson(Person person) throws IOException {
            if (peopleWritten.add(person.getId()) && writer.carriesPeopleAndThemes()) {
                writer.write(PersonDraft.of(person));
            }
        }

        private void observeAndClear() {
            batchObserver.accept(managedEntities());
            entityManager.clear();
        }
    }

    private static List<RecordStatus> statuses(Scope scope) {
        return scope == Scope.PUBLISHED ? List.of(RecordStatus.PUBLISHED) : List.of(RecordStatus.values());
    }

    /** How many entities the persistence context holds now. */
    int managedEntities() {
        return entityManager
                .unwrap(SessionImplementor.class)
                .getPersistenceContextInternal()
                .getNumberOfManagedEntities();
    }

    /**
     * A record as the interchange format writes it. An export of published records names only a published
     * translation, as the record's page links only that one.
     */
    static RecordDraft draftOf(Record record, Scope scope) {
        RecordDraft draft = RecordDraft.of(record);
        Record translation = record.getTranslation();
        return translation != null && scope == Scope.PUBLISHED && !translation.isPublished()
                ? draft.withTranslationSlug(null)
                : draft;
    }

    /** For tests: a smaller batch, to export many batches from a small archive. */
    void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    /** For tests: hears how many entities the persistence context holds after each batch, before it is cleared. */
    void observeBatches(@Nullable IntConsumer observer) {
        this.batchObserver = observer == null ? managed -> {} : observer;
    }
}
