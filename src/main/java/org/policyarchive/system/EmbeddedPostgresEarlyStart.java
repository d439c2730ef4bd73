package org.policyarchive.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Starts the embedded PostgreSQL as soon as the application context exists, on a thread of its own, so that the
 * server comes up while Spring reads its configuration instead of after: the data source is needed only once that is
 * done, and waits for the start there ({@link EmbeddedPostgresConfiguration}). Runs after the context's initializers,
 * so a test's database set by one of them is seen; with {@code spring.datasource.url} set, it does nothing.
 */
class EmbeddedPostgresEarlyStart implements ApplicationListener<ApplicationContextInitializedEvent> {

    @Override
    public void onApplicationEvent(ApplicationContextInitializedEvent event) {
        ConfigurableApplicationContext context = event.getApplicationContext();
        ConfigurableEnvironment environment = context.getEnvironment();
        if (EmbeddedPostgresConfiguration.usesAnotherDatabase(environment)) {
            return;
        }
        ArchiveProperties archive =
                Binder.get(environment).bind("archive", ArchiveProperties.class).orElse(null);
        if (archive == null) {
            return;
        }
        Starting starting = new Starting(CompletableFuture.supplyAsync(() -> {
            try {
                return EmbeddedPostgresConfiguration.start(archive);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
        ConfigurableListableBeanFactory beans = context.getBeanFactory();
        beans.registerSingleton(Starting.BEAN_NAME, starting);
        if (beans instanceof DefaultListableBeanFactory registry) {
            registry.registerDisposableBean(Starting.BEAN_NAME, starting);
        }
    }

    /**
     * The server being started. The bean that takes it owns it and stops it; if none does (the context failed to
     * start first), it is stopped with the context's beans.
     */
    static final class Starting implements DisposableBean {

        static final String BEAN_NAME = "embeddedPostgresStarting";

        private final CompletableFuture<EmbeddedPostgresServer> server;
        private final AtomicBoolean taken = new AtomicBoolean();

        Starting(CompletableFuture<EmbeddedPostgresServer> server) {
            this.server = server;
        }

        CompletableFuture<EmbeddedPostgresServer> server() {
            return server;
        }

        /** The server once it runs; a start that failed fails here, with its cause. */
        EmbeddedPostgresServer take() throws IOException {
            taken.set(true);
            try {
                return server.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof UncheckedIOException io) {
                    throw io.getCause();
                }
                throw e;
            }
        }

        @Override
        public void destroy() throws IOException {
            if (!taken.get()) {
                try {
                    server.join().close();
                } catch (CompletionException e) {
                    // it never ran: nothing to stop
                }
            }
        }
    }
}
