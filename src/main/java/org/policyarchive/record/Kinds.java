package org.policyarchive.record;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The kinds vocabulary, read from the {@code kind} table and kept in memory: every page names kinds, and there are a
 * few dozen. This node reads it again once a change to a kind has committed ({@link KindChanged}); a change made on
 * another node shows here within {@link #TIME_TO_LIVE}, or at once when a kind is asked for that is not known yet.
 */
@Service
public class Kinds implements KindLookup {

    static final Duration TIME_TO_LIVE = Duration.ofSeconds(30);

    private static final Duration RECHECK_AFTER = Duration.ofSeconds(1);

    private final Supplier<List<Kind>> source;
    private final Clock clock;
    private volatile @Nullable Snapshot snapshot;

    @Autowired
    Kinds(JdbcClient jdbc) {
        this(() -> read(jdbc), Clock.systemUTC());
    }

    /** A vocabulary read from {@code source} whenever it is read again. */
    Kinds(Supplier<List<Kind>> source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    /** Every kind, in the vocabulary's order: the kinds every archive starts with, then the added ones. */
    public List<Kind> all() {
        return current().all;
    }

    /** The kind with this id, if the archive has it. */
    public Optional<Kind> find(RecordKind kind) {
        Kind found = current().byId.get(kind.name());
        if (found == null) {
            found = fresh().byId.get(kind.name());
        }
        return Optional.ofNullable(found);
    }

    /** The kind with this id; one missing (only ever on a database changed by hand) reads as its own code. */
    public Kind get(RecordKind kind) {
        return find(kind).orElseGet(() -> new Kind(kind, kind.code(), kind.code(), null, Kind.CitedAs.DOCUMENT, 0));
    }

    /** The kind an address names by its code ({@code ?kind=study-session}), if there is one. */
    public Optional<RecordKind> byCode(String code) {
        RecordKind kind;
        try {
            kind = RecordKind.ofCode(code.strip());
        } catch (IllegalArgumentException notAKind) {
            return Optional.empty();
        }
        return find(kind).map(Kind::kind);
    }

    @Override
    public Optional<RecordKind> find(String spelling) {
        String key = key(spelling);
        Kind found = current().bySpelling.get(key);
        if (found == null) {
            found = fresh().bySpelling.get(key);
        }
        return Optional.ofNullable(found).map(Kind::kind);
    }

    @Override
    public List<String> labels() {
        return all().stream().map(Kind::label).toList();
    }

    /** The kind's name in the reader's language. */
    public String name(RecordKind kind) {
        return get(kind).name(LocaleContextHolder.getLocale());
    }

    @Override
    public String label(RecordKind kind) {
        return get(kind).label();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(KindChanged changed) {
        readAgain();
    }

    /** Reads the vocabulary again when next asked: after a change this node made, or one made behind its back. */
    public void readAgain() {
        Snapshot held = snapshot;
        if (held != null) {
            snapshot = new Snapshot(held.all, Instant.EPOCH);
        }
    }

    private Snapshot current() {
        Snapshot held = snapshot;
        if (held == null || held.readAt.plus(TIME_TO_LIVE).isBefore(clock.instant())) {
            return reloaded();
        }
        return held;
    }

    /** For a kind not known here: read again, unless just read (so that unknown names cannot keep it reading). */
    private Snapshot fresh() {
        Snapshot held = current();
        return held.readAt.plus(RECHECK_AFTER).isBefore(clock.instant()) ? reloaded() : held;
    }

    private Snapshot reloaded() {
        List<Kind> kinds;
        try {
            kinds = source.get();
        } catch (DataAccessException unreachable) {
            // pages that name kinds keep working through an outage with the kinds last read
            Snapshot held = snapshot;
            if (held == null) {
                throw unreachable;
            }
            return held;
        }
        Snapshot fresh = new Snapshot(kinds, clock.instant());
        snapshot = fresh;
        return fresh;
    }

    private static List<Kind> read(JdbcClient jdbc) {
        return jdbc.sql(
                        "select id, label, name_en, name_zh, cited_as, version from kind order by position, lower(name_en)")
                .query((rs, row) -> new Kind(
                        RecordKind.valueOf(rs.getString("id")),
                        rs.getString("label"),
                        rs.getString("name_en"),
                        rs.getString("name_zh"),
                        Kind.CitedAs.valueOf(rs.getString("cited_as")),
                        rs.getLong("version")))
                .list();
    }

    /** How spellings are compared: case, the outer spaces, and hyphens and underscores for spaces do not matter. */
    public static String key(String spelling) {
        return spelling.strip().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
    }

    private static final class Snapshot {
        final List<Kind> all;
        final Map<String, Kind> byId = new HashMap<>();
        final Map<String, Kind> bySpelling = new LinkedHashMap<>();
        final Instant readAt;

        Snapshot(List<Kind> kinds, Instant readAt) {
            this.all = Collections.unmodifiableList(kinds);
            this.readAt = readAt;
            kinds.forEach(kind -> byId.put(kind.kind().name(), kind));
            // a label wins over an id or a code, which win over a name, should two kinds share a spelling
            kinds.forEach(kind -> bySpelling.putIfAbsent(key(kind.label()), kind));
            kinds.forEach(kind -> bySpelling.putIfAbsent(key(kind.kind().name()), kind));
            kinds.forEach(kind -> bySpelling.putIfAbsent(key(kind.englishName()), kind));
            kinds.stream()
                    .filter(kind -> kind.chineseName() != null)
                    .forEach(kind -> bySpelling.putIfAbsent(key(kind.chineseName()), kind));
        }
    }
}
