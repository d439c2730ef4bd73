package org.policyarchive.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.synd.SyndPerson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.policyarchive.record.RecordEditor;
import org.policyarchive.record.RecordKind;
import org.policyarchive.record.RecordStatus;
import org.policyarchive.record.Role;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.Drafts;
import org.policyarchive.testing.Pages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpringBootTest
@AutoConfigureMockMvc
@CleanArchive
class FeedIntegrationTests {

    static final String SEED_SLUG = "state-council-study-session-digital-economy-2023-08-21";
    static final String SEED_URL = "http://localhost/records/" + SEED_SLUG;

    @Autowired
    MockMvc mvc;

    @Autowired
    RecordEditor editor;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theArchiveFeedIsValidAtomWithTheSeedRecordAsAnEntry() throws Exception {
        MvcResult result = mvc.perform(get("/feed.atom")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentType()).isEqualTo("application/atom+xml;charset=UTF-8");
        Feed feed = AtomValidation.valid(body(result));
        assertThat(feed.getTitle()).isEqualTo("Policy Archive: new and changed records");
        assertThat(feed.getId()).isEqualTo("http://localhost/feed.atom");
        assertThat(body(result)).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">");
        assertThat(body(result)).contains("<entry xml:lang=\"en\">");
        assertThat(feed.getAlternateLinks().get(0).getHref()).isEqualTo("http://localhost/");
        assertThat(feed.getOtherLinks().get(0).getHref()).isEqualTo("http://localhost/feed.atom");
        assertThat(feed.getOtherLinks().get(0).getType()).isEqualTo("application/atom+xml");

        Entry seed = feed.getEntries().get(0);
        assertThat(feed.getEntries()).hasSize(1);
        assertThat(seed.getTitle())
                .isEqualTo("Chinese Premier Li Keqiang Chairs State Council Special Study on"
                        + " Accelerating Digital Economy Development");
        assertThat(seed.getId()).matches("tag:localhost,2023:record:\\d+");
        assertThat(seed.getAlternateLinks().get(0).getHref()).isEqualTo(SEED_URL);
        assertThat(seed.getAuthors()).extracting(SyndPerson::getName).containsExactly("Li Keqiang", "Chen Chun");
        assertThat(seed.getAuthors())
                .extracting(SyndPerson::getUri)
                .containsExactly("http://localhost/people/li-keqiang", "http://localhost/people/chen-chun");
        assertThat(seed.getSummary().getValue()).startsWith("The State Council's third special study session");
        assertThat(seed.getCategories())
                .extracting(Category::getTerm)
                .contains("digital-economy", "talent", "study-session");
        assertThat(seed.getCategories())
                .filteredOn(c -> c.getTerm().equals("study-session"))
                .singleElement()
                .satisfies(kind -> {
                    assertThat(kind.getLabel()).isEqualTo("Study session");
                    assertThat(kind.getScheme()).isEqualTo("http://localhost/records?kind=");
                });
        assertThat(seed.getPublished()).isNotNull();
        assertThat(feed.getUpdated()).isEqualTo(seed.getUpdated());
    }

    @Test
    void entriesComeNewestChangeFirstAndLeaveDraftsAndWithdrawnRecordsOut() throws Exception {
        long first = editor.create(Drafts.speech("First new speech").build(), "test", null);
        long second = editor.create(Drafts.speech("Second new speech").build(), "test", null);
        editor.create(Drafts.speech("A draft").status(RecordStatus.DRAFT).build(), "test", null);
        editor.changeStatus(first, RecordStatus.WITHDRAWN, "test", null);
        editor.changeStatus(first, RecordStatus.PUBLISHED, "test", null);

        assertThat(titles(feed("/feed.atom")))
                .containsExactly(
                        "First new speech",
                        "Second new speech",
                        "Chinese Premier Li Keqiang Chairs State Council Special Study on"
                                + " Accelerating Digital Economy Development");

        editor.changeStatus(second, RecordStatus.WITHDRAWN, "test", null);
        assertThat(titles(feed("/feed.atom"))).hasSize(2).doesNotContain("Second new speech", "A draft");
    }

    @Test
    void aRecordWithoutSpeakersOrSummaryHasTheArchiveAsAuthorAndTheStartOfItsText() throws Exception {
        editor.create(
                Drafts.speech("Without speakers")
                        .body("word ".repeat(200).strip() + "\n\nA second paragraph.")
                        .build(),
                "test",
                null);

        Feed feed = feed("/feed.atom");

        Entry entry = feed.getEntries().get(0);
        assertThat(entry.getAuthors()).isEmpty();
        assertThat(feed.getAuthors()).extracting(SyndPerson::getName).containsExactly("Policy Archive");
        assertThat(entry.getSummary().getValue())
                .startsWith("word word")
                .endsWith(" …")
                .hasSizeLessThan(510);
    }

    @Test
    void personThemeKindAndSearchFeedsHoldTheirRecords() throws Exception {
        editor.create(
                Drafts.speech("Chen on computing power")
                        .by("Chen Chun", Role.SPOKE)
                        .theme("Digital infrastructure")
                        .build(),
                "test",
                null);
        editor.create(
                Drafts.speech("A report on talent")
                        .kind(RecordKind.REPORT)
                        .date("2024-03-05")
                        .theme("Talent")
                        .build(),
                "test",
                null);
        editor.create(
                Drafts.speech("Unrelated remarks").kind(RecordKind.REMARKS).build(), "test", null);
        String seed = "Chinese Premier Li Keqiang Chairs State Council Special Study on"
                + " Accelerating Digital Economy Development";

        Feed person = feed("/people/chen-chun/feed.atom");
        assertThat(person.getTitle()).isEqualTo("Policy Archive: records of Chen Chun");
        assertThat(person.getAlternateLinks().get(0).getHref()).isEqualTo("http://localhost/people/chen-chun");
        assertThat(titles(person)).containsExactly("Chen on computing power", seed);

        // a broader theme's feed has its narrower themes' records, as its page lists them
        Feed theme = feed("/themes/digital-economy/feed.atom");
        assertThat(theme.getTitle()).isEqualTo("Policy Archive: records on Digital economy");
        assertThat(titles(theme)).containsExactly("Chen on computing power", seed);
        assertThat(titles(feed("/themes/talent/feed.atom"))).containsExactly("A report on talent", seed);

        Feed kind = feed("/records/feed.atom?kind=report");
        assertThat(kind.getTitle()).isEqualTo("Policy Archive: new and changed records: Report");
        assertThat(kind.getAlternateLinks().get(0).getHref()).isEqualTo("http://localhost/records?kind=report");
        assertThat(kind.getOtherLinks().get(0).getHref()).isEqualTo("http://localhost/records/feed.atom?kind=report");
        assertThat(titles(kind)).containsExactly("A report on talent");
        assertThat(titles(feed("/records/feed.atom?kind=speech&year=2023"))).isEmpty();
        assertThat(titles(feed("/records/feed.atom?theme=talent&year=2024"))).containsExactly("A report on talent");
        assertThat(titles(feed("/records/feed.atom"))).hasSize(4);

        Feed search = feed("/search/feed.atom?q=computing&sort=oldest&page=3");
        assertThat(search.getTitle()).isEqualTo("Policy Archive: records found for “computing”");
        assertThat(search.getOtherLinks().get(0).getHref()).isEqualTo("http://localhost/search/feed.atom?q=computing");
        assertThat(search.getAlternateLinks().get(0).getHref()).isEqualTo("http://localhost/search?q=computing");
        assertThat(titles(search)).containsExactly("Chen on computing power");
        assertThat(titles(feed("/search/feed.atom?q=digital&kind=study_session")))
                .containsExactly(seed);
        assertThat(titles(feed("/search/feed.atom?person=chen-chun&role=lectured")))
                .containsExactly(seed);
        assertThat(titles(feed("/search/feed.atom"))).hasSize(4);
    }

    @Test
    void unknownPeopleAndThemesAreNotFoundAndBadParametersAreRefused() throws Exception {
        for (String path : List.of("/people/nobody/feed.atom", "/themes/nothing/feed.atom")) {
            assertThat(status(get(path))).as(path).isEqualTo(404);
        }
        for (String path : List.of(
                "/records/feed.atom?kind=novel",
                "/records/feed.atom?year=twenty",
                "/records/feed.atom?year=0",
                "/records/feed.atom?theme=nothing",
                "/records/feed.atom?person=nobody",
                "/records/feed.atom?lang=not a tag",
                "/search/feed.atom?from=yesterday",
                "/search/feed.atom?from=2024&to=2023",
                "/search/feed.atom?person=Nobody+At+All",
                "/search/feed.atom?kind=novel",
                "/search/feed.atom?role=chair")) {
            assertThat(status(get(path))).as(path).isEqualTo(400);
        }
    }

    @Test
    void aMergedPersonsFeedLeadsToTheKeptPersonsFeed() throws Exception {
        jdbc.update("insert into person_redirect (old_slug, person_id) select 'chun-chen', id from person"
                + " where slug = 'chen-chun'");

        MvcResult moved = mvc.perform(get("/people/chun-chen/feed.atom")).andReturn();

        assertThat(moved.getResponse().getStatus()).isEqualTo(301);
        assertThat(moved.getResponse().getHeader(HttpHeaders.LOCATION)).isEqualTo("/people/chen-chun/feed.atom");
    }

    @Test
    void aConditionalRequestGetsA304UntilTheFeedChanges() throws Exception {
        for (String path : List.of(
                "/feed.atom",
                "/records/feed.atom?kind=study-session",
                "/people/li-keqiang/feed.atom",
                "/themes/talent/feed.atom",
                "/search/feed.atom?q=digital")) {
            MvcResult first = mvc.perform(get(path)).andReturn();
            String etag = first.getResponse().getHeader(HttpHeaders.ETAG);
            String lastModified = first.getResponse().getHeader(HttpHeaders.LAST_MODIFIED);
            assertThat(etag).as(path).startsWith("W/\"");
            assertThat(lastModified).as(path).isNotNull();
            assertThat(first.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-cache");

            MvcResult byTag = mvc.perform(get(path).header(HttpHeaders.IF_NONE_MATCH, etag))
                    .andReturn();
            assertThat(byTag.getResponse().getStatus()).as(path).isEqualTo(304);
            assertThat(byTag.getResponse().getContentAsByteArray()).isEmpty();
            MvcResult byDate = mvc.perform(get(path).header(HttpHeaders.IF_MODIFIED_SINCE, lastModified))
                    .andReturn();
            assertThat(byDate.getResponse().getStatus()).as(path).isEqualTo(304);
            assertThat(status(get(path).header(HttpHeaders.IF_NONE_MATCH, "W/\"other\"")))
                    .isEqualTo(200);
        }

        String etag = mvc.perform(get("/feed.atom")).andReturn().getResponse().getHeader(HttpHeaders.ETAG);
        editor.create(Drafts.speech("A change").by("Li Keqiang", Role.SPOKE).build(), "test", null);

        MvcResult changed = mvc.perform(get("/feed.atom").header(HttpHeaders.IF_NONE_MATCH, etag))
                .andReturn();
        assertThat(changed.getResponse().getStatus()).isEqualTo(200);
        assertThat(changed.getResponse().getHeader(HttpHeaders.ETAG)).isNotEqualTo(etag);
        assertThat(titles(AtomValidation.valid(body(changed)))).startsWith("A change");
    }

    @Test
    void pagesWithAFeedLinkItInTheirHead() throws Exception {
        assertThat(feedLink("/")).isEqualTo("/feed.atom Policy Archive: new and changed records");
        assertThat(feedLink("/records")).isEqualTo("/feed.atom Policy Archive: new and changed records");
        assertThat(feedLink("/records?kind=study-session&year=2023"))
                .isEqualTo("/records/feed.atom?kind=study-session&year=2023"
                        + " New and changed records of this list (Atom)");
        assertThat(feedLink("/people/chen-chun"))
                .isEqualTo("/people/chen-chun/feed.atom Policy Archive: records of Chen Chun");
        assertThat(feedLink("/themes/talent")).isEqualTo("/themes/talent/feed.atom Policy Archive: records on Talent");
        assertThat(feedLink("/search?q=digital&sort=oldest"))
                .isEqualTo("/search/feed.atom?q=digital Policy Archive: records found for “digital”");
        for (String path : List.of("/records", "/people/chen-chun", "/themes/talent", "/search?q=digital")) {
            String feed = feedLink(path).split(" ")[0];
            assertThat(status(get(feed))).as(feed).isEqualTo(200);
        }
    }

    private String feedLink(String path) throws Exception {
        Document page = Pages.load(mvc, get(path), 200);
        var links = page.select("head link[rel=alternate][type=application/atom+xml]");
        assertThat(links).as(path).hasSize(1);
        return links.attr("href") + " " + links.attr("title");
    }

    private Feed feed(String path) throws Exception {
        MvcResult result = mvc.perform(get(path)).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return AtomValidation.valid(body(result));
    }

    private int status(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    private static String body(MvcResult result) {
        return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    private static List<String> titles(Feed feed) {
        return feed.getEntries().stream().map(Entry::getTitle).toList();
    }
}
