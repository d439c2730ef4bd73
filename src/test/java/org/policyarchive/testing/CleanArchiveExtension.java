package org.policyarchive.testing;

import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.policyarchive.catalogue.PageCache;
import org.policyarchive.record.Kinds;
import org.policyarchive.record.RecordFingerprintFiller;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/** See {@link CleanArchive}. */
public class CleanArchiveExtension implements BeforeAllCallback, BeforeEachCallback {

    /** Every table the migrations create but Flyway's own: truncated together, the foreign keys never mind. */
    private static final String TABLES = "record, participation, record_theme, editorial_note, revision, person,"
            + " person_alias, person_office, person_redirect, theme, original_file, import_job, import_error,"
            + " audit_event, api_token, user_account, login_failure, login_browser, event_publication, search_change,"
            + " record_text_fingerprint, record_text_band";

    private static final String SEED = "db/migration/V2__seed_state_council_study_session.sql";

    /** The migration that seeds the kinds vocabulary: its first insert puts back the kinds every archive starts with. */
    private static final String KINDS = "db/migration/V43__record_kinds.sql";

    @Override
    public void beforeAll(ExtensionContext context) {
        if (perClass(context)) {
            clean(SpringExtension.getApplicationContext(context));
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass(context)) {
            clean(SpringExtension.getApplicationContext(context));
        }
    }

    private static boolean perClass(ExtensionContext context) {
        Class<?> type = context.getRequiredTestClass();
        while (type.getEnclosingClass() != null && !type.isAnnotationPresent(CleanArchive.class)) {
            type = type.getEnclosingClass();
        }
        CleanArchive clean = type.getAnnotation(CleanArchive.class);
        return clean != null && clean.perClass();
    }

    /**
     * Empties the database and the search index, then puts the seed back in both, with its text's fingerprint as the
     * start-up filler gives it; forgets the pages kept.
     */
    static void clean(ApplicationContext spring) {
        cleanDatabase(new JdbcTemplate(spring.getBean(DataSource.class)));
        spring.getBean(RecordFingerprintFiller.class).fillNow();
        SessionFactory sessions = spring.getBean(EntityManagerFactory.class).unwrap(SessionFactory.class);
        try (Session session = sessions.openSession()) {
            SearchSession search = Search.session(session);
            search.workspace().purge();
            var transaction = session.beginTransaction();
            for (Class<?> type : search.scope(Object.class).includedTypes().stream()
                    .map(t -> t.javaClass())
                    .toList()) {
                session.createQuery("from " + type.getSimpleName(), type)
                        .list()
                        .forEach(search.indexingPlan()::addOrUpdate);
            }
            transaction.commit();
        }
        spring.getBean(PageCache.class).clear();
        // the vocabulary was read again from the database: the kinds a test added are gone, renamed ones named back
        spring.getBean(Kinds.class).readAgain();
    }

    /**
     * Empties the database and puts the seed back, for tests that start applications of their own: each builds its
     * search index from it at start.
     */
    public static void cleanDatabase(JdbcTemplate jdbc) {
        jdbc.execute("truncate table " + TABLES);
        jdbc.execute("delete from kind");
        String kinds = read(KINDS);
        int start = kinds.indexOf("insert into kind");
        jdbc.execute(kinds.substring(start, kinds.indexOf(';', start)));
        // one execute: the driver splits the script itself, and knows its dollar-quoted texts
        jdbc.execute(read(SEED));
    }

    private static String read(String resource) {
        try {
            return new ClassPathResource(resource).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
