package org.policyarchive.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.policyarchive.record.RecordDraft;
import org.policyarchive.record.RecordEditor;
import org.policyarchive.record.Role;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.Drafts;
import org.policyarchive.testing.StatementCounter;
import org.policyarchive.testing.StatementCounter.Recorded;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The public pages send as many SQL statements to PostgreSQL when they show many records, people, themes and notes
 * as when they show one: each page loads what it lists in a fixed number of queries, never one query per item. The
 * statements are counted at the JDBC level, and the page cache is off so that every request renders its page.
 */
@SpringBootTest(properties = "archive.page-cache.max-size=0")
@AutoConfigureMockMvc
@Import(StatementCounter.class)
@CleanArchive
class PublicPageStatementsIntegrationTests {

    static final Role[] ROLES = Role.values();

    @Autowired
    MockMvc mvc;

    @Autowired
    RecordEditor editor;

    @Test
    void aRecordWithManyPeopleThemesAndNotesTakesNoMoreStatementsThanOneWithOneOfEach() throws Exception {
        editor.create(
                Drafts.speech("Few parts")
                        .slug("few-parts")
                        .by("Lone Speaker", Role.SPOKE, "Mayor")
                        .theme("Lone theme")
                        .note("One note.")
                        .build(),
                "test",
                null);
        Drafts many = Drafts.speech("Many parts").slug("many-parts");
        for (int i = 1; i <= 15; i++) {
            many.by("Participant " + i, ROLES[i % ROLES.length], "Office " + i);
        }
        for (int i = 1; i <= 8; i++) {
            many.theme("Theme " + i);
        }
        for (int i = 1; i <= 5; i++) {
            many.note("Note " + i + ".");
        }
        editor.create(many.build(), "test", null);

        assertNoMoreStatements("/records/few-parts", "/records/many-parts");
    }

    @Test
    void aPersonWithRecordsInEveryRoleTakesNoMoreStatementsThanOneWithOneRecord() throws Exception {
        List<RecordDraft> drafts = new ArrayList<>();
        drafts.add(Drafts.speech("The quiet one's speech")
                .by("Quiet Person", Role.SPOKE)
                .build());
        for (int i = 1; i <= 60; i++) {
            drafts.add(listed("Busy record", i)
                    .by("Busy Person", ROLES[i % ROLES.length])
                    .build());
        }
        editor.importAll(drafts, "test");

        int few = statements("/people/quiet-person");
        assertNoMoreStatementsThan(few, "/people/busy-person", "Busy record");
    }

    @Test
    void aThemeWithAFullPageOfRecordsTakesNoMoreStatementsThanOneWithOneRecord() throws Exception {
        List<RecordDraft> drafts = new ArrayList<>();
        drafts.add(listed("Small theme record", 1).theme("Small theme").build());
        for (int i = 1; i <= 30; i++) {
            drafts.add(listed("Large theme record", i).theme("Large theme").build());
        }
        editor.importAll(drafts, "test");

        int few = statements("/themes/small-theme");
        assertNoMoreStatementsThan(few, "/themes/large-theme", "Large theme record");
    }

    @Test
    void theListOfRecordsAndTheHomePageTakeNoMoreStatementsWhenFullThanWithTheSeedAlone() throws Exception {
        int records = statements("/records");
        int home = statements("/");

        List<RecordDraft> drafts = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            drafts.add(listed("Filler", i).build());
        }
        editor.importAll(drafts, "test");

        assertNoMoreStatementsThan(records, "/records", "Filler");
        assertNoMoreStatementsThan(home, "/", "Filler");
    }

    @Test
    void aSearchShowingAFullPageOfHitsTakesNoMoreStatementsThanOneShowingOneHit() throws Exception {
        editor.importAll(List.of(listed("Granary record", 0).build()), "test");
        int oneHit = statements("/search?q=granary");

        List<RecordDraft> drafts = new ArrayList<>();
        for (int i = 1; i <= 15; i++) {
            drafts.add(listed("Granary record", i).build());
        }
        editor.importAll(drafts, "test");

        assertNoMoreStatementsThan(oneHit, "/search?q=granary", "Granary record 15");
    }

    /** A record as lists show it, with a date, a summary, two people and two themes, none of them shared by all. */
    private static Drafts listed(String title, int number) {
        return Drafts.speech(title + " " + number)
                .date(String.format("2030-02-%02d", number % 28 + 1))
                .summary("A summary of " + title + " " + number + ".")
                .body("The text of " + title + " " + number + ".")
                .by(title + " speaker " + number, Role.SPOKE)
                .by(title + " chair " + number % 3, Role.PRESIDED)
                .theme(title + " theme " + number % 6);
    }

    /** The statements of {@code fewPath}'s page and then {@code manyPath}'s, each rendered once before. */
    private void assertNoMoreStatements(String fewPath, String manyPath) throws Exception {
        assertNoMoreStatementsThan(statements(fewPath), manyPath, null);
    }

    /** The page at {@code path}, which shows {@code shown}, takes at most {@code before} statements. */
    private void assertNoMoreStatementsThan(int before, String path, @Nullable String shown) throws Exception {
        render(path);
        Recorded<String> page = render(path);
        if (shown != null) {
            assertThat(Jsoup.parse(page.result()).text()).contains(shown);
        }
        assertThat(page.count())
                .as("statements of %s, against %d before:%n%s", path, before, String.join("\n", page.statements()))
                .isLessThanOrEqualTo(before);
    }

    /** How many statements the page at {@code path} takes, once it has been rendered once. */
    private int statements(String path) throws Exception {
        render(path);
        return render(path).count();
    }

    private Recorded<String> render(String path) throws Exception {
        return StatementCounter.record(() -> {
            var response = mvc.perform(get(path)).andReturn().getResponse();
            assertThat(response.getStatus()).as(path).isEqualTo(200);
            return response.getContentAsString();
        });
    }
}
