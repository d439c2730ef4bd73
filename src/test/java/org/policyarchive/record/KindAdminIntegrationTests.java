package org.policyarchive.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.Drafts;
import org.policyarchive.testing.Pages;
import org.policyarchive.testing.SeededKinds;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The kinds vocabulary as editors change it on its admin pages, and as readers then find it: a new kind to browse
 * and search by, a renamed kind's name on its records' pages, names refused beside their field (never a 500), and an
 * audit entry for each change.
 */
@SpringBootTest
@AutoConfigureMockMvc
@CleanArchive
class KindAdminIntegrationTests {

    static final RequestPostProcessor EDITOR = user("kind-editor").roles("EDITOR");

    @Autowired
    MockMvc mvc;

    @Autowired
    Kinds kinds;

    @Autowired
    RecordEditor editor;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSeededKindsOfTheTestsWithoutADatabaseAreTheOnesV43Seeds() {
        assertThat(kinds.all()).containsExactlyElementsOf(SeededKinds.ALL);
    }

    @Test
    void addsAKindThatRecordsCanHaveAndReadersBrowseAndSearchBy() throws Exception {
        mvc.perform(post("/admin/kinds/new")
                        .param("englishName", "Party congress report")
                        .param("chineseName", "党代会报告")
                        .param("citedAs", "REPORT")
                        .with(EDITOR)
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/kinds/party-congress-report/edit"));

        Kind added = kinds.byCode("party-congress-report").flatMap(kinds::find).orElseThrow();
        assertThat(added.kind().name()).isEqualTo("PARTY_CONGRESS_REPORT");
        assertThat(added.label()).isEqualTo("Party congress report");
        assertThat(added.chineseName()).isEqualTo("党代会报告");
        assertThat(added.citedAs()).isEqualTo(Kind.CitedAs.REPORT);
        assertThat(kinds.find("党代会报告")).contains(added.kind());
        assertThat(auditEntries("KIND_CREATED"))
                .containsExactly("party-congress-report Party congress report by kind-editor");

        editor.create(
                Drafts.speech("Report to the Twentieth Congress")
                        .slug("twentieth-congress-report")
                        .kind(added.kind())
                        .build(),
                "test",
                null);
        editor.create(Drafts.speech("An ordinary speech").build(), "test", null);

        Document browse = Pages.load(mvc, get("/records?kind=party-congress-report"), 200);
        assertThat(browse.select("main").text())
                .contains("Report to the Twentieth Congress", "Party congress report")
                .doesNotContain("An ordinary speech");

        Document search = Pages.load(mvc, get("/search?q=congress&kind=party-congress-report"), 200);
        assertThat(search.select("main").text()).contains("Report to the Twentieth Congress", "Party congress report");
        assertThat(search.select("section[aria-labelledby=facet-kind-heading] a")
                        .eachText())
                .anySatisfy(facet -> assertThat(facet).startsWith("Party congress report"));

        Document list = Pages.load(mvc, get("/admin/kinds").with(EDITOR), 200);
        assertThat(list.select("table.kinds tr:contains(Party congress report) td")
                        .eachText())
                .containsExactly(
                        "Party congress report",
                        "党代会报告",
                        "Party congress report",
                        "party-congress-report",
                        "A report",
                        "1");
    }

    @Test
    void renamingAKindShowsItsNewNameOnItsRecordsAndKeepsItsCodeAndLabel() throws Exception {
        editor.create(
                Drafts.speech("A press conference")
                        .slug("a-press-conference")
                        .kind(RecordKind.PRESS_CONFERENCE)
                        .build(),
                "test",
                null);
        Document form =
                Pages.load(mvc, get("/admin/kinds/press-conference/edit").with(EDITOR), 200);
        mvc.perform(Pages.submit(Pages.mainForm(form), Map.of("englishName", "News conference", "chineseName", "新闻发布会"))
                        .with(EDITOR)
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/kinds/press-conference/edit"));

        assertThat(kinds.get(RecordKind.PRESS_CONFERENCE).englishName()).isEqualTo("News conference");
        assertThat(kinds.label(RecordKind.PRESS_CONFERENCE)).isEqualTo("press conference");
        assertThat(kinds.find("press conference")).contains(RecordKind.PRESS_CONFERENCE);
        assertThat(kinds.find("news conference")).contains(RecordKind.PRESS_CONFERENCE);
        assertThat(Pages.load(mvc, get("/records/a-press-conference"), 200)
                        .select(".record__kind")
                        .text())
                .isEqualTo("News conference");
        assertThat(auditEntries("KIND_UPDATED")).containsExactly("press-conference News conference by kind-editor");

        // the form of the version before the rename is a conflict, not a silent overwrite
        mvc.perform(Pages.submit(Pages.mainForm(form), Map.of("englishName", "Presser"))
                        .with(EDITOR)
                        .with(csrf()))
                .andExpect(
                        result -> assertThat(result.getResponse().getStatus()).isEqualTo(409));
        assertThat(kinds.get(RecordKind.PRESS_CONFERENCE).englishName()).isEqualTo("News conference");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "Speech",
                "STUDY SESSION",
                "government-work-report",
                "讲话",
                "!!!",
                "Bell\u0007ringing",
                "A name far too long for a kind, which the vocabulary keeps to one hundred characters at the very most"
            })
    void refusesANameBesideItsFieldAndAddsNothing(String name) throws Exception {
        Document page = Pages.load(
                mvc,
                post("/admin/kinds/new")
                        .param("englishName", name)
                        .param("citedAs", "DOCUMENT")
                        .with(EDITOR)
                        .with(csrf()),
                200);
        assertThat(page.select("#englishName-error").text()).isNotBlank();
        assertThat(kinds.all()).hasSize(22);
        assertThat(auditEntries("KIND_CREATED")).isEmpty();
    }

    @Test
    void refusesAChineseNameAnotherKindHasAndAMissingChoice() throws Exception {
        Document page = Pages.load(
                mvc,
                post("/admin/kinds/new")
                        .param("englishName", "Work conference")
                        .param("chineseName", "会议")
                        .param("citedAs", "")
                        .with(EDITOR)
                        .with(csrf()),
                200);
        assertThat(page.select("#chineseName-error").text())
                .isEqualTo("Another kind already has this name, or is spelled this way.");
        assertThat(page.select("#citedAs-error").text()).isNotBlank();
        assertThat(kinds.find("work conference")).isEmpty();
    }

    @Test
    void aKindThatDoesNotExistIsNotFoundAndARecordCannotHaveIt() throws Exception {
        Pages.load(mvc, get("/admin/kinds/no-such-kind/edit").with(EDITOR), 404);
        Pages.load(mvc, get("/records?kind=no-such-kind"), 400);
        assertThat(editor
                        .check(
                                Drafts.speech("Of no kind")
                                        .kind(RecordKind.valueOf("NO_SUCH_KIND"))
                                        .build(),
                                null,
                                null)
                        .stream()
                        .map(RecordViolation::messageKey))
                .containsExactly("record.kind.unknown");
    }

    private List<String> auditEntries(String action) {
        return jdbc.sql("select object_id || ' ' || details || ' by ' || username from audit_event where action = ?"
                        + " order by id")
                .param(action)
                .query(String.class)
                .list();
    }
}
