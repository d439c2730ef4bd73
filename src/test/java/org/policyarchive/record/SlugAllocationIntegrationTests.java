package org.policyarchive.record;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policyarchive.person.Person;
import org.policyarchive.person.PersonDirectory;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.Drafts;
import org.policyarchive.theme.Theme;
import org.policyarchive.theme.ThemeVocabulary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Many records, people or themes whose titles or names make one slug each get a slug of their own ({@code -2},
 * {@code -3} ...), and finding it takes as many queries for the fortieth as for the third: one query for the slug and
 * its numbered forms, never one per form already taken. Hibernate's statistics count the queries (inserts, and the
 * sequence values fetched 50 at a time, are not queries).
 */
@SpringBootTest
@AutoConfigureMockMvc
@CleanArchive
class SlugAllocationIntegrationTests {

    static final int MANY = 40;

    @Autowired
    RecordEditor editor;

    @Autowired
    PersonDirectory people;

    @Autowired
    ThemeVocabulary themes;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EntityManagerFactory entityManagers;

    Statistics statistics;

    @BeforeEach
    void countQueries() {
        statistics = entityManagers.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
    }

    @AfterEach
    void stopCounting() {
        statistics.setStatisticsEnabled(false);
    }

    @Test
    void recordsWithOneTitleGetSlugsOfTheirOwnInAsManyQueriesEach() {
        List<Long> queriesPerRecord = new ArrayList<>();
        for (int i = 0; i < MANY; i++) {
            queriesPerRecord.add(queries(
                    () -> editor.create(Drafts.speech("Press conference").build(), "test", null)));
        }

        assertThat(slugsOfRecordsTitled("Press conference"))
                .containsExactlyInAnyOrderElementsOf(numberedForms("press-conference"));
        assertThat(queriesPerRecord.get(MANY - 1)).isEqualTo(queriesPerRecord.get(2));
    }

    @Test
    void aBatchOfImportedRecordsWithOneTitleGetSlugsOfTheirOwnInAsManyQueriesWhateverIsTaken() {
        long intoAFreeSlug = queries(() -> importBatch("Weekly briefing", 5));
        importBatch("Monthly briefing", MANY);
        long intoATakenSlug = queries(() -> importBatch("Monthly briefing", 5));

        assertThat(slugsOfRecordsTitled("Monthly briefing"))
                .containsExactlyInAnyOrderElementsOf(numberedForms("monthly-briefing", MANY + 5));
        // one query for the numbered forms of a slug used more than once, whether the batch or the archive uses it
        assertThat(intoATakenSlug).isEqualTo(intoAFreeSlug);
    }

    @Test
    void peopleWhoseNamesMakeOneSlugGetSlugsOfTheirOwnInAsManyQueriesEach() {
        List<Long> queriesPerPerson = new ArrayList<>();
        List<Person> created = new ArrayList<>();
        for (int i = 0; i < MANY; i++) {
            // "Zhang Wei", "Zhang Wei.", "Zhang Wei.." ...: different names, one slug
            String name = "Zhang Wei" + ".".repeat(i);
            queriesPerPerson.add(queries(() -> created.add(people.findOrCreate(name))));
        }

        assertThat(created).extracting(Person::getSlug).containsExactlyElementsOf(numberedForms("zhang-wei"));
        assertThat(queriesPerPerson.get(MANY - 1)).isEqualTo(queriesPerPerson.get(2));
    }

    @Test
    void themesWhoseNamesMakeOneSlugGetSlugsOfTheirOwnInAsManyQueriesEach() {
        List<Long> queriesPerTheme = new ArrayList<>();
        List<Theme> created = new ArrayList<>();
        for (int i = 0; i < MANY; i++) {
            String name = "Open data" + "!".repeat(i);
            queriesPerTheme.add(queries(() -> created.add(themes.findOrCreate(name))));
        }

        assertThat(created).extracting(Theme::getSlug).containsExactlyElementsOf(numberedForms("open-data"));
        assertThat(queriesPerTheme.get(MANY - 1)).isEqualTo(queriesPerTheme.get(2));
    }

    /** The queries Hibernate ran while {@code work} ran. */
    private long queries(Runnable work) {
        statistics.clear();
        work.run();
        return statistics.getQueryExecutionCount();
    }

    private void importBatch(String title, int records) {
        List<RecordDraft> drafts = IntStream.range(0, records)
                .mapToObj(i -> Drafts.speech(title)
                        .source(UUID.randomUUID().toString())
                        .build())
                .toList();
        transactions.executeWithoutResult(status -> assertThat(editor.importAll(drafts, "test"))
                .extracting(RecordEditor.Imported::outcome)
                .containsOnly(RecordEditor.Imported.Outcome.IMPORTED));
    }

    private List<String> slugsOfRecordsTitled(String title) {
        return jdbc.sql("select slug from record where title = ?")
                .param(title)
                .query(String.class)
                .list();
    }

    private static List<String> numberedForms(String base) {
        return numberedForms(base, MANY);
    }

    /** {@code base}, {@code base-2} ... up to {@code count} slugs. */
    private static List<String> numberedForms(String base, int count) {
        List<String> slugs = new ArrayList<>(List.of(base));
        IntStream.rangeClosed(2, count).forEach(n -> slugs.add(base + "-" + n));
        return slugs;
    }
}
