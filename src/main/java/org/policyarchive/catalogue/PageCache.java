package org.policyarchive.catalogue;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.policyarchive.person.PeopleMerged;
import org.policyarchive.person.PersonChanged;
import org.policyarchive.record.KindChanged;
import org.policyarchive.record.RecordChanged;
import org.policyarchive.record.RecordCreated;
import org.policyarchive.record.RecordDeleted;
import org.policyarchive.record.RecordStatusChanged;
import org.policyarchive.record.RecordsImported;
import org.policyarchive.system.ArchiveProperties;
import org.policyarchive.theme.ThemeChanged;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The public pages as anonymous readers get them, rendered once and then served from memory (see
 * {@link PageCacheFilter}), up to {@code archive.page-cache.max-size} bytes. Every change to a record, a person or a
 * theme made on this node forgets them all once its transaction has ended; a change made elsewhere (another node on
 * the same database, an index rebuild) shows once the page is older than {@code archive.page-cache.time-to-live}.
 *
 * <p>A page is rendered by one request at a time: requests that ask for it meanwhile wait for that rendering instead
 * of rendering it too, and once a page has grown old, the next request renders it again while the others still get
 * the old one until the new one is ready. A page remembers the generation it was rendered in, and only a page of the
 * current generation is served, so a rendering that began before a change is never served after it.
 */
@Component
public class PageCache {

    /** How long a request waits for another's rendering of the same page before rendering it itself. */
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** How long a page is kept once it has grown old, to be served while it is rendered again. */
    private static final Duration KEPT_WHEN_OLD = Duration.ofMinutes(1);

    private final @Nullable Cache<String, CachedPage> pages;
    private final ConcurrentMap<Rendering, CompletableFuture<@Nullable CachedPage>> renderings =
            new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final long timeToLive;

    @Autowired
    PageCache(ArchiveProperties properties) {
        this(properties.pageCache());
    }

    PageCache(ArchiveProperties.PageCache settings) {
        this.timeToLive = settings.timeToLive().toNanos();
        this.pages = settings.maxSize().toBytes() == 0
                ? null
                : Caffeine.newBuilder()
                        .maximumWeight(settings.maxSize().toBytes())
                        .weigher((String key, CachedPage page) -> key.length() + page.size())
                        .expireAfterWrite(settings.timeToLive().plus(KEPT_WHEN_OLD))
                        .build();
    }

    /** Renders a page for a request; returns the page to send, or {@code null} when it has answered by itself. */
    @FunctionalInterface
    interface Renderer {
        @Nullable
        CachedPage render(long generation) throws IOException, ServletException;
    }

    /** Forgets every page, for a change the archive was not told of (a database restored, a test's clean slate). */
    public void clear() {
        generation.incrementAndGet();
        if (pages != null) {
            pages.invalidateAll();
        }
    }

    @EventListener({
        RecordCreated.class,
        RecordChanged.class,
        RecordStatusChanged.class,
        RecordDeleted.class,
        RecordsImported.class,
        PersonChanged.class,
        PeopleMerged.class,
        ThemeChanged.class,
        KindChanged.class
    })
    void changed() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    clear();
                }
            });
        } else {
            clear();
        }
    }

    boolean enabled() {
        return pages != null;
    }

    /** The page kept under {@code key}, if it is young, for a request that only asks about it (HEAD). */
    @Nullable
    CachedPage kept(String key) {
        CachedPage kept = pages == null ? null : pages.getIfPresent(key);
        return kept != null && kept.generation() == generation.get() && !kept.olderThan(timeToLive) ? kept : null;
    }

    /**
     * The page kept under {@code key} while it is young; else what {@code renderer} makes of it, once for all the
     * requests that ask meanwhile.
     */
    @Nullable
    CachedPage page(String key, Renderer renderer) throws IOException, ServletException {
        if (pages == null) {
            return renderer.render(generation.get());
        }
        long current = generation.get();
        CachedPage kept = pages.getIfPresent(key);
        if (kept != null && kept.generation() == current) {
            if (!kept.olderThan(timeToLive) || !kept.claimRenewal()) {
                return kept;
            }
            CachedPage renewed = null;
            try {
                renewed = renderAndKeep(key, current, renderer);
                return renewed;
            } finally {
                if (renewed == null) {
                    pages.asMap().remove(key, kept);
                }
            }
        }
        Rendering rendering = new Rendering(key, current);
        CompletableFuture<@Nullable CachedPage> mine = new CompletableFuture<>();
        CompletableFuture<@Nullable CachedPage> earlier = renderings.putIfAbsent(rendering, mine);
        if (earlier != null) {
            CachedPage page = await(earlier);
            return page != null && page.generation() == generation.get() ? page : renderer.render(current);
        }
        CachedPage page = null;
        try {
            page = renderAndKeep(key, current, renderer);
            return page;
        } finally {
            renderings.remove(rendering, mine);
            mine.complete(page);
        }
    }

    private @Nullable CachedPage renderAndKeep(String key, long current, Renderer renderer)
            throws IOException, ServletException {
        CachedPage page = renderer.render(current);
        if (page != null && pages != null && current == generation.get()) {
            pages.put(key, page);
        }
        return page;
    }

    private static @Nullable CachedPage await(CompletableFuture<@Nullable CachedPage> rendering) throws IOException {
        try {
            return rendering.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for a page", e);
        }
    }

    /** A page being rendered: its key and the generation it is rendered in. */
    private record Rendering(String key, long generation) {}
}
