package org.policyarchive.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.policyarchive.system.ArchiveProperties;
import org.springframework.util.unit.DataSize;

class PageCacheTests {

    static final String KEY = "/records/a en";

    final ExecutorService requests = Executors.newCachedThreadPool();

    @AfterEach
    void stopRequests() {
        requests.shutdownNow();
    }

    @Test
    void requestsThatAskForAPageWhileItIsRenderedWaitForThatRenderingInsteadOfRenderingItToo() throws Exception {
        PageCache cache = cache(Duration.ofMinutes(1));
        AtomicInteger renderings = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        PageCache.Renderer slow = generation -> {
            renderings.incrementAndGet();
            hold(release);
            return page("first", generation);
        };

        List<Future<CachedPage>> pages = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            pages.add(requests.submit(() -> cache.page(KEY, slow)));
        }
        await().until(() -> renderings.get() == 1);
        release.countDown();

        for (Future<CachedPage> page : pages) {
            assertThat(text(page.get())).isEqualTo("first");
        }
        assertThat(renderings).hasValue(1);
        assertThat(text(cache.page(KEY, generation -> page("second", generation))))
                .isEqualTo("first");
    }

    @Test
    void aPageWhoseRenderingBeganBeforeAChangeIsNotServedAfterIt() throws Exception {
        PageCache cache = cache(Duration.ofMinutes(1));
        CountDownLatch rendering = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<CachedPage> before = requests.submit(() -> cache.page(KEY, generation -> {
            rendering.countDown();
            hold(release);
            return page("before the change", generation);
        }));
        rendering.await();

        cache.clear();
        release.countDown();

        assertThat(text(before.get())).isEqualTo("before the change");
        assertThat(text(cache.page(KEY, generation -> page("after the change", generation))))
                .isEqualTo("after the change");
    }

    @Test
    void anOldPageIsRenderedAgainByOneRequestWhileTheOthersStillGetIt() throws Exception {
        PageCache cache = cache(Duration.ofMillis(50));
        cache.page(KEY, generation -> page("old", generation));
        CachedPage kept = cache.kept(KEY);
        assertThat(kept).isNotNull();
        await().until(() -> cache.kept(KEY) == null);

        CountDownLatch rendering = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<CachedPage> renewing = requests.submit(() -> cache.page(KEY, generation -> {
            rendering.countDown();
            hold(release);
            return page("new", generation);
        }));
        rendering.await();
        CompletableFuture<String> meanwhile = CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return text(cache.page(KEY, generation -> page("rendered twice", generation)));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                requests);

        assertThat(meanwhile.get()).isEqualTo("old");
        release.countDown();
        assertThat(text(renewing.get())).isEqualTo("new");
        assertThat(text(cache.page(KEY, generation -> page("rendered twice", generation))))
                .isEqualTo("new");
    }

    @Test
    void aRenderingThatCannotBeKeptIsNotServedToTheRequestsThatWaitedForIt() throws Exception {
        PageCache cache = cache(Duration.ofMinutes(1));
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger renderings = new AtomicInteger();
        Future<CachedPage> first = requests.submit(() -> cache.page(KEY, generation -> {
            renderings.incrementAndGet();
            hold(release);
            return null;
        }));
        await().until(() -> renderings.get() == 1);
        Future<CachedPage> waiting = requests.submit(() -> cache.page(KEY, generation -> {
            renderings.incrementAndGet();
            return page("its own", generation);
        }));
        release.countDown();

        assertThat(first.get()).isNull();
        assertThat(text(waiting.get())).isEqualTo("its own");
        assertThat(renderings).hasValue(2);
    }

    @Test
    void withNoRoomEveryRequestRendersItsPage() throws Exception {
        PageCache cache = new PageCache(new ArchiveProperties.PageCache(DataSize.ofBytes(0), Duration.ofMinutes(1)));
        AtomicInteger renderings = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            cache.page(KEY, generation -> page("page " + renderings.incrementAndGet(), generation));
        }
        assertThat(renderings).hasValue(3);
        assertThat(cache.enabled()).isFalse();
    }

    /** Waits for the test to release the rendering. */
    private static void hold(CountDownLatch release) {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static PageCache cache(Duration timeToLive) {
        return new PageCache(new ArchiveProperties.PageCache(DataSize.ofMegabytes(1), timeToLive));
    }

    private static CachedPage page(String text, long generation) {
        return new CachedPage(text.getBytes(StandardCharsets.UTF_8), "text/html;charset=UTF-8", Map.of(), generation);
    }

    private static String text(CachedPage page) {
        return new String(page.body(), StandardCharsets.UTF_8);
    }
}
