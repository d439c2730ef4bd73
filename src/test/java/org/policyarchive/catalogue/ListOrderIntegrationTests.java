package org.policyarchive.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.policyarchive.record.RecordEditor;
import org.policyarchive.record.RecordEditor.Imported;
import org.policyarchive.record.RecordStatus;
import org.policyarchive.record.Role;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.Drafts;
import org.policyarchive.testing.Pages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every list of records orders dates by one rule (search.RecordOrder): a month or a year stands at the start of its
 * period, before its days, so newest first puts it after them; undated records come last both ways, labelled
 * "Undated". The fixture: records by "Orderly Person" carrying the theme "Order theme", dated to the day, the month
 * and the year in 2031 and 2030 (after the seed, which is dated 2023), two undated ones, and a draft naming three
 * American presidents.
 */
@SpringBootTest
@AutoConfigureMockMvc
@CleanArchive(perClass = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListOrderIntegrationTests {

    /** The fixture's titles, newest first; the undated ones last, the later imported first. */
    static final List<String> NEWEST_FIRST = List.of(
            "Echo: 2031-08-21",
            "Delta: 2031-08-01",
            "Charlie: August 2031",
            "Bravo: 2031-01-01",
            "Alpha: the year 2031",
            "Foxtrot: 2030-12-31",
            "Hotel: undated",
            "Golf: undated");

    /** Oldest first: the dated ones reversed, the undated ones still last, the earlier imported first. */
    static final List<String> OLDEST_FIRST = List.of(
            "Foxtrot: 2030-12-31",
            "Alpha: the year 2031",
            "Bravo: 2031-01-01",
            "Charlie: August 2031",
            "Delta: 2031-08-01",
            "Echo: 2031-08-21",
            "Golf: undated",
            "Hotel: undated");

    static final List<String> BY_TITLE = NEWEST_FIRST.stream().sorted().toList();

    static final String SEED_TITLE = RecordMetadataIntegrationTests.TITLE;

    @Autowired
    MockMvc mvc;

    @Autowired
    RecordEditor editor;

    @BeforeAll
    void createRecords() {
        // imported in an order that none of the lists keeps, so that each list orders them itself
        List<Drafts> drafts = new ArrayList<>(List.of(
                dated("Charlie: August 2031", "2031-08"),
                dated("Foxtrot: 2030-12-31", "2030-12-31"),
                dated("Alpha: the year 2031", "2031"),
                dated("Echo: 2031-08-21", "2031-08-21"),
                dated("Bravo: 2031-01-01", "2031-01-01"),
                dated("Delta: 2031-08-01", "2031-08-01"),
                listed("Golf: undated"),
                listed("Hotel: undated"),
                dated("India: a draft of 2032", "2032")
                        .status(RecordStatus.DRAFT)
                        .by("Abraham Lincoln", Role.SPOKE)
                        .by("Franklin D. Roosevelt", Role.MENTIONED)
                        .by("John Quincy Adams", Role.MENTIONED)));
        assertThat(editor.importAll(drafts.stream().map(Drafts::build).toList(), "test"))
                .extracting(Imported::outcome)
                .containsOnly(Imported.Outcome.IMPORTED);
    }

    @Test
    void browsingOrdersByTheOneRuleBothWaysAndByTitle() throws Exception {
        assertThat(titles("/records?person=orderly-person")).isEqualTo(NEWEST_FIRST);
        assertThat(titles("/records?person=orderly-person&sort=newest")).isEqualTo(NEWEST_FIRST);
        assertThat(titles("/records?person=orderly-person&sort=oldest")).isEqualTo(OLDEST_FIRST);
        assertThat(titles("/records?person=orderly-person&sort=title")).isEqualTo(BY_TITLE);
        assertThat(titles("/records?sort=oldest"))
                .as("the seed of 2023 before them all")
                .startsWith(SEED_TITLE, OLDEST_FIRST.get(0));
    }

    @Test
    void searchOrdersByTheSameRuleWithAndWithoutWords() throws Exception {
        assertThat(titles("/search?person=orderly-person")).isEqualTo(NEWEST_FIRST);
        assertThat(titles("/search?person=orderly-person&sort=oldest")).isEqualTo(OLDEST_FIRST);
        assertThat(titles("/search?q=orderly&sort=newest")).isEqualTo(NEWEST_FIRST);
        assertThat(titles("/search?q=orderly&sort=oldest")).isEqualTo(OLDEST_FIRST);
        assertThat(titles("/search?q=orderly&sort=title")).isEqualTo(BY_TITLE);
    }

    @Test
    void personAndThemePagesOrderByTheSameRule() throws Exception {
        assertThat(titles("/people/orderly-person")).isEqualTo(NEWEST_FIRST);
        assertThat(titles("/people/orderly-person?sort=oldest")).isEqualTo(OLDEST_FIRST);
        assertThat(titles("/people/orderly-person?sort=title")).isEqualTo(BY_TITLE);
        assertThat(titles("/themes/order-theme")).isEqualTo(NEWEST_FIRST);
        assertThat(titles("/themes/order-theme?sort=oldest")).isEqualTo(OLDEST_FIRST);
        assertThat(titles("/themes/order-theme?sort=title")).isEqualTo(BY_TITLE);
    }

    @Test
    void homePageListsTheLatestByTheSameRuleUndatedLast() throws Exception {
        Document home = page("/");

        List<String> expected = new ArrayList<>(NEWEST_FIRST.subList(0, 6));
        expected.add(SEED_TITLE);
        expected.addAll(NEWEST_FIRST.subList(6, 8));
        assertThat(home.select(".home__latest .record-item__title a").eachText())
                .as("published records only: the draft of 2032 is not among them")
                .isEqualTo(expected);
    }

    @Test
    void everyListLabelsUndatedRecordsAndDatesThePartlyDatedOnes() throws Exception {
        for (String path : List.of(
                "/records?person=orderly-person",
                "/search?person=orderly-person",
                "/people/orderly-person",
                "/themes/order-theme",
                "/")) {
            Document page = page(path);
            assertThat(meta(page, "Golf: undated")).as(path).startsWith("Undated");
            assertThat(meta(page, "Charlie: August 2031")).as(path).startsWith("August 2031");
            assertThat(meta(page, "Alpha: the year 2031")).as(path).startsWith("2031");
        }
    }

    @Test
    void sortLinksKeepTheFiltersLeaveTheCurrentOrderUnlinkedAndAreNotFollowed() throws Exception {
        for (String path : List.of(
                "/records?person=orderly-person&sort=oldest",
                "/people/orderly-person?sort=oldest",
                "/themes/order-theme?sort=oldest",
                "/search?person=orderly-person&sort=oldest")) {
            Document page = page(path);
            Element orders = page.selectFirst("nav.sort-orders");
            assertThat(orders).as(path).isNotNull();
            assertThat(orders.select("[aria-current=true]").text()).as(path).isEqualTo("Oldest first");
            assertThat(orders.select("a").eachText()).as(path).contains("Newest first", "Title A–Z");
            assertThat(orders.select("a").eachAttr("rel")).as(path).containsOnly("nofollow");
            String byTitle = orders.select("a").stream()
                    .filter(a -> a.text().equals("Title A–Z"))
                    .findFirst()
                    .orElseThrow()
                    .attr("href");
            assertThat(titles(byTitle)).as(byTitle).isEqualTo(BY_TITLE);
        }
        String next = page("/records?sort=oldest").selectFirst("#facet-kind a").attr("href");
        assertThat(next).as("a filter link keeps the order").contains("sort=oldest");
    }

    @Test
    void rejectsAnUnknownOrderWithA400NamingIt() throws Exception {
        for (String path : List.of(
                "/records?sort=random", "/people/orderly-person?sort=relevance", "/themes/order-theme?sort=up")) {
            assertThat(BrowseIntegrationTests.problem(mvc, path, 400))
                    .as(path)
                    .contains("The parameter “sort” cannot be")
                    .contains("the order must be newest, oldest or title.");
        }
    }

    @Test
    void theUndatedFacetValueOfBrowsingChoosesTheRecordsWithoutADate() throws Exception {
        Document page = page("/records?person=orderly-person");
        List<String> years = page.select("#facet-year li a").eachText();
        assertThat(years).containsExactly("2031", "2030", "Undated");
        Element undated = page.select("#facet-year li").stream()
                .filter(li -> li.selectFirst("a").text().equals("Undated"))
                .findFirst()
                .orElseThrow();
        assertThat(undated.selectFirst(".count").text()).isEqualTo("2");
        assertThat(undated.selectFirst("a").attr("rel")).isEqualTo("nofollow");

        Document chosen = page(undated.selectFirst("a").attr("href"));
        assertThat(titles(chosen)).containsExactly("Hotel: undated", "Golf: undated");
        assertThat(chosen.select(".active-filters a").eachText()).contains("Year: Undated");
        assertThat(chosen.select("#facet-year a[aria-current=true]").text()).isEqualTo("Undated");
        assertThat(titles(page("/records?person=orderly-person&year=undated&sort=oldest")))
                .containsExactly("Golf: undated", "Hotel: undated");
        assertThat(titles(page("/records?person=orderly-person&year=2030"))).containsExactly("Foxtrot: 2030-12-31");
    }

    @Test
    void theUndatedFacetValueOfSearchChoosesTheRecordsWithoutADate() throws Exception {
        Document page = page("/search?q=orderly");
        Element undated = page.selectFirst("#facet-decade-heading + ul .search-facet__undated a");
        assertThat(undated.text()).isEqualTo("Undated (2)");
        assertThat(undated.attr("rel")).isEqualTo("nofollow");

        Document chosen = page(undated.attr("href"));
        assertThat(titles(chosen)).containsExactly("Hotel: undated", "Golf: undated");
        assertThat(chosen.select(".search-filters a").eachText()).anyMatch(text -> text.startsWith("Undated"));

        assertThat(Pages.load(mvc, get("/search?q=orderly&date=undated&from=2030"), 400)
                        .select("[role=alert]")
                        .text())
                .contains("Records without a date cannot be searched between dates");
        assertThat(Pages.load(mvc, get("/search?q=orderly&date=yesterday"), 400)
                        .select("[role=alert]")
                        .text())
                .contains("The date filter \"yesterday\" does not exist");
    }

    @Test
    void peopleAreListedByFamilyNameChineseNamesFamilyNameFirst() throws Exception {
        List<String> byFamilyName = List.of(
                "John Quincy Adams",
                "Chen Chun",
                "Ding Xuexiang",
                "Li Keqiang",
                "Abraham Lincoln",
                "Liu Guozhong",
                "Orderly Person",
                "Franklin D. Roosevelt",
                "Xi Jinping",
                "Zhang Guoqing");
        assertThat(page("/people").select(".person-list li > a").eachText()).isEqualTo(byFamilyName);
        assertThat(page("/").select(".person-list li > a").eachText()).isEqualTo(byFamilyName);
    }

    private static Drafts listed(String title) {
        return Drafts.speech(title)
                .body("An orderly text: " + title + ".")
                .by("Orderly Person", Role.SPOKE)
                .theme("Order theme");
    }

    private static Drafts dated(String title, String date) {
        return listed(title).date(date);
    }

    /** The meta line (date, kind, ...) of the record titled {@code title} in a list. */
    private static String meta(Document page, String title) {
        return page.select(".record-item").stream()
                .filter(item -> item.selectFirst(".record-item__title a").text().equals(title))
                .findFirst()
                .orElseThrow(() -> new AssertionError(title + " is not listed"))
                .selectFirst(".record-item__meta")
                .text();
    }

    private List<String> titles(String path) throws Exception {
        return titles(page(path));
    }

    private static List<String> titles(Document page) {
        return page.select("main .record-item__title a").eachText();
    }

    private Document page(String path) throws Exception {
        return Pages.load(mvc, get(path), 200);
    }
}
