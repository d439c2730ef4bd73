package org.policyarchive.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.policyarchive.record.RecordDraft;
import org.policyarchive.record.RecordEditor;
import org.policyarchive.record.Role;
import org.policyarchive.search.RecordBrowser;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.Drafts;
import org.policyarchive.testing.Pages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The home page and the people facet of {@code /records} name the people with the most records, not everyone, and link
 * to the full list: an archive names thousands of people, and pages listing them all grew with each (the home page was
 * 91 KB at a million records). The fixture: 24 people, the n-th named in n
 * records, besides the seed's six people with one record each.
 */
@SpringBootTest
@AutoConfigureMockMvc
@CleanArchive(perClass = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManyPeopleIntegrationTests {

    static final int PEOPLE = 24;

    @Autowired
    MockMvc mvc;

    @Autowired
    RecordEditor editor;

    @BeforeAll
    void createRecords() {
        List<RecordDraft> drafts = new ArrayList<>();
        for (int record = 1; record <= PEOPLE; record++) {
            Drafts draft = Drafts.speech("Named " + record).body("A record that names some people.");
            for (int person = record; person <= PEOPLE; person++) {
                draft.by(name(person), Role.SPOKE);
            }
            drafts.add(draft.build());
        }
        editor.importAll(drafts, "test");
    }

    @Test
    void namesTheTwentyPeopleWithTheMostRecordsByFamilyNameAndLinksToEveryone() throws Exception {
        Document home = Pages.load(mvc, get("/"), 200);

        assertThat(home.select("#people-heading").text()).isEqualTo("People with the most records");
        assertThat(home.select(".person-list li > a").eachText())
                .isEqualTo(IntStream.rangeClosed(PEOPLE - HomeController.PEOPLE + 1, PEOPLE)
                        .mapToObj(ManyPeopleIntegrationTests::name)
                        .toList());
        assertThat(home.select(".home__side a.more").attr("href")).isEqualTo("/people");
        assertThat(home.select(".home__side a.more").text()).isEqualTo("All 30 people");
        assertThat(Pages.load(mvc, get("/people"), 200)
                        .select(".person-list li > a")
                        .eachText())
                .hasSize(30)
                .contains(name(1), name(4));
    }

    @Test
    void theRecordsPagesPeopleFacetListsTheMostFrequentAndLinksToEveryone() throws Exception {
        Document records = Pages.load(mvc, get("/records"), 200);

        List<String> listed = records.select("#facet-person li > a").eachText();
        assertThat(listed).hasSize(RecordBrowser.MAX_NAMED_VALUES);
        assertThat(listed.subList(0, 3)).containsExactly(name(PEOPLE), name(PEOPLE - 1), name(PEOPLE - 2));
        assertThat(records.select("#facet-person a.more").attr("href")).isEqualTo("/people");
        assertThat(records.select("#facet-theme a.more").attr("href")).isEqualTo("/themes");
    }

    /** Family names that sort as their numbers do. */
    private static String name(int number) {
        return "Test Family%02d".formatted(number);
    }
}
