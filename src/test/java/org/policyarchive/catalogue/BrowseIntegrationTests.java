package org.policyarchive.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.policyarchive.record.RecordDraft;
import org.policyarchive.record.RecordEditor;
import org.policyarchive.record.RecordEditor.Imported;
import org.policyarchive.record.RecordKind;
import org.policyarchive.record.RecordStatus;
import org.policyarchive.record.Role;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.Drafts;
import org.policyarchive.testing.Pages;
import org.policyarchive.theme.ThemeVocabulary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Browsing the archive's records with filters, facet counts and paging, over the seed and a fixture made once for
 * the class: 25 published records numbered 1 to 25, all spoken by "Speaker", every fifth one presided by "Chair";
 * numbers up to 15 are speeches, the others statements; odd numbers are in English, even ones in Chinese; up to 12
 * they are dated in 1901, then in 1902; multiples of 3 carry the theme "Narrow", other multiples of 4 its broader
 * theme "Broad". Besides: the chair's undated letter, a report known to the month, a draft and a withdrawn record.
 */
@SpringBootTest
@AutoConfigureMockMvc
@CleanArchive(perClass = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowseIntegrationTests {

    static final int RECORDS = 25;

    @Autowired
    MockMvc mvc;

    @Autowired
    RecordEditor editor;

    @Autowired
    ThemeVocabulary themes;

    @Autowired
    TransactionTemplate transactions;

    @BeforeAll
    void createRecords() {
        transactions.executeWithoutResult(tx -> themes.findOrCreate("Narrow").setParent(themes.findOrCreate("Broad")));
        List<RecordDraft> drafts = new ArrayList<>();
        for (int i = 1; i <= RECORDS; i++) {
            Drafts draft = Drafts.speech("Browse number " + i)
                    .slug("browse-" + i)
                    .kind(i <= 15 ? RecordKind.SPEECH : RecordKind.STATEMENT)
                    .language(i % 2 == 1 ? "en" : "zh-Hans")
                    .date(String.format("%d-01-%02d", i <= 12 ? 1901 : 1902, i))
                    .body("Text " + i)
                    .by("Speaker", Role.SPOKE);
            if (i % 5 == 0) {
                draft.by("Chair", Role.PRESIDED);
            }
            if (i % 3 == 0) {
                draft.theme("Narrow");
            } else if (i % 4 == 0) {
                draft.theme("Broad");
            }
            drafts.add(draft.build());
        }
        drafts.add(Drafts.speech("Undated")
                .slug("browse-undated")
                .kind(RecordKind.LETTER)
                .by("Chair", Role.SPOKE)
                .build());
        drafts.add(Drafts.speech("Monthly")
                .slug("monthly")
                .kind(RecordKind.REPORT)
                .date("1950-03")
                .build());
        drafts.add(Drafts.speech("Draft")
                .slug("browse-draft")
                .status(RecordStatus.DRAFT)
                .by("Speaker", Role.SPOKE)
                .build());
        drafts.add(Drafts.speech("Withdrawn")
                .slug("browse-withdrawn")
                .status(RecordStatus.WITHDRAWN)
                .by("Speaker", Role.SPOKE)
                .build());
        assertThat(editor.importAll(drafts, "test"))
                .extracting(Imported::outcome)
                .containsOnly(Imported.Outcome.IMPORTED)
                .hasSize(RECORDS + 4);
    }

    @Test
    void listsTwentyRecordsAPageNewestFirstAndPagesKeepTheFilters() throws Exception {
        Document first = page("/records?person=speaker");

        assertThat(first.selectFirst(".result-count").text()).isEqualTo("Records 1 to 20 of 25");
        assertThat(titleNumbers(first)).containsExactlyElementsOf(numbers(25, 6));
        String next = first.selectFirst("nav.paging a[rel=next]").attr("href");
        assertThat(next).contains("person=speaker").contains("page=2");

        Document second = page(next);
        assertThat(titleNumbers(second)).containsExactlyElementsOf(numbers(5, 1));
        assertThat(second.selectFirst("nav.paging a[rel=prev]").attr("href")).contains("person=speaker");
        assertThat(second.select("nav.paging a[rel=next]")).isEmpty();
    }

    @Test
    void putsUndatedRecordsLast() throws Exception {
        Document page = page("/records?person=chair");

        assertThat(titles(page))
                .containsExactly(
                        "Browse number 25",
                        "Browse number 20",
                        "Browse number 15",
                        "Browse number 10",
                        "Browse number 5",
                        "Undated");
    }

    @Test
    void countsEachFacetOverTheOtherFilters() throws Exception {
        Document page = page("/records?person=speaker");

        assertThat(facet(page, "kind")).containsExactly(Map.entry("Speech", 15L), Map.entry("Statement", 10L));
        assertThat(facet(page, "year")).containsExactly(Map.entry("1902", 13L), Map.entry("1901", 12L));
        assertThat(facet(page, "lang"))
                .containsExactly(Map.entry("English", 13L), Map.entry("Chinese (Simplified)", 12L));
        assertThat(facet(page, "theme"))
                .containsExactly(
                        Map.entry("Broad", count(i -> i % 3 == 0 || i % 4 == 0)),
                        Map.entry("Narrow", count(i -> i % 3 == 0)));
        assertThat(facet(page, "person"))
                .as("people counted without the person filter: the chair's undated letter and the seed count too")
                .containsExactly(
                        Map.entry("Speaker", 25L),
                        Map.entry("Chair", 6L),
                        Map.entry("Chen Chun", 1L),
                        Map.entry("Ding Xuexiang", 1L),
                        Map.entry("Li Keqiang", 1L),
                        Map.entry("Liu Guozhong", 1L),
                        Map.entry("Xi Jinping", 1L),
                        Map.entry("Zhang Guoqing", 1L));
    }

    @Test
    void filtersByKindYearThemeAndLanguageTogether() throws Exception {
        Document page = page("/records?person=speaker&kind=speech&year=1902&lang=en");

        assertThat(titleNumbers(page)).containsExactly(15, 13);
        assertThat(facet(page, "kind"))
                .as("kinds counted without the kind filter")
                .containsExactly(Map.entry("Statement", 5L), Map.entry("Speech", 2L));
        assertThat(facet(page, "year"))
                .as("years counted without the year filter")
                .containsExactly(Map.entry("1902", 2L), Map.entry("1901", 6L));

        Document narrowed = page("/records?person=speaker&theme=broad");
        assertThat(narrowed.selectFirst(".result-count").text())
                .startsWith(count(i -> i % 3 == 0 || i % 4 == 0) + " records");
        Document narrowest = page("/records?person=speaker&theme=narrow");
        assertThat(titleNumbers(narrowest)).containsExactly(24, 21, 18, 15, 12, 9, 6, 3);
    }

    @Test
    void showsActiveFiltersEachRemovableWithOneClick() throws Exception {
        Document page = page("/records?person=speaker&kind=statement");

        List<Element> active = page.select(".active-filters a");
        assertThat(active)
                .extracting(Element::text)
                .containsExactly("Kind: Statement", "Person: Speaker", "Remove all filters");
        String withoutKind = active.stream()
                .filter(a -> a.text().equals("Kind: Statement"))
                .findFirst()
                .orElseThrow()
                .attr("href");
        assertThat(withoutKind).doesNotContain("kind=").contains("person=speaker");
        assertThat(page(withoutKind).selectFirst(".result-count").text()).isEqualTo("Records 1 to 20 of 25");
        assertThat(page.select("#facet-kind a[aria-current=true]").text()).isEqualTo("Statement");
    }

    @Test
    void answersAPagePastTheLastWith404() throws Exception {
        Document page = Pages.load(mvc, get("/records?person=speaker&page=3"), 404);

        assertThat(page.selectFirst("main").text()).contains("There is no page 3 of these records.");
    }

    @Test
    void rejectsMalformedParametersWithA400PageSayingWhy() throws Exception {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("page=abc", "The parameter “page” cannot be “abc”: the page must be a whole number");
        cases.put("page=0", "The parameter “page” cannot be “0”");
        cases.put("page=-1", "The parameter “page” cannot be “-1”");
        cases.put("year=99999", "The parameter “year” cannot be “99999”: the year must be a whole number from 1");
        cases.put("year=abc", "The parameter “year” cannot be “abc”");
        cases.put("kind=sermon", "The parameter “kind” cannot be “sermon”: there is no such kind of record.");
        cases.put("theme=no-such-theme", "The parameter “theme” cannot be “no-such-theme”");
        cases.put("person=no-such-person", "The parameter “person” cannot be “no-such-person”");
        cases.put("lang=english!", "The parameter “lang” cannot be “english!”: the language must be a language tag");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            MvcResult result = mvc.perform(get("/records?" + c.getKey())).andReturn();
            assertThat(result.getResponse().getStatus()).as(c.getKey()).isEqualTo(400);
            Document page = Pages.of(result);
            assertThat(page.selectFirst("h1").text()).isEqualTo("Bad request");
            assertThat(page.selectFirst("main").text()).as(c.getKey()).contains(c.getValue());
            assertThat(page.text()).doesNotContain("Exception");
        }
    }

    @Test
    void hidesDraftsAndAnswersWithdrawnRecordsWith410() throws Exception {
        assertThat(titles(page("/records?person=speaker"))).noneMatch(t -> t.equals("Draft"));
        assertThat(mvc.perform(get("/records/browse-draft"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);

        Document page = Pages.load(mvc, get("/records/browse-withdrawn"), 410);
        assertThat(page.selectFirst("h1").text()).isEqualTo("Withdrawn");
        assertThat(page.selectFirst("main").text()).contains("This record has been withdrawn");
        assertThat(page.select(".source-text")).isEmpty();
    }

    @Test
    void showsADateKnownOnlyToTheMonthOrYear() throws Exception {
        Document page = page("/records/monthly");

        assertThat(page.selectFirst(".record__dateline time").text()).isEqualTo("March 1950");
        assertThat(page.selectFirst(".record__dateline time").attr("datetime")).isEqualTo("1950-03");
    }

    @Test
    void personPageShowsOneRoleAtATimeWithTheCountOfEach() throws Exception {
        Document page = page("/people/chair");

        assertThat(page.selectFirst("h1").text()).isEqualTo("Chair");
        assertThat(page.select(".role-choice li").eachText()).containsExactly("Presided (5)", "Spoke (1)");
        assertThat(page.select(".role-choice [aria-current=true]").text())
                .as("the first role that has records, without a link")
                .isEqualTo("Presided (5)");
        assertThat(page.select(".role-group h3").eachText()).containsExactly("Presided");
        assertThat(page.select("#role-presided .record-item__title a").eachText())
                .extracting(BrowseIntegrationTests::titleNumber)
                .containsExactly(25, 20, 15, 10, 5);
        assertThat(page.select("#role-presided .record-item__meta time").eachText())
                .containsExactly(
                        "25 January 1902", "20 January 1902", "15 January 1902", "10 January 1901", "5 January 1901");

        Element spoke = page.selectFirst(".role-choice a");
        assertThat(spoke.text()).isEqualTo("Spoke (1)");
        assertThat(spoke.attr("rel")).isEqualTo("nofollow");
        Document spokePage = page(spoke.attr("href"));
        assertThat(spokePage.select(".role-group h3").eachText()).containsExactly("Spoke");
        assertThat(spokePage.select("#role-spoke .record-item__title a").eachText())
                .containsExactly("Undated");
        assertThat(spokePage.select("#role-spoke .record-item__meta").text()).startsWith("Undated");
    }

    @Test
    void personPagePagesTheRecordsOfARoleLikeTheListOfRecords() throws Exception {
        Document first = page("/people/speaker");

        assertThat(first.select(".role-choice"))
                .as("one role: nothing to choose")
                .isEmpty();
        assertThat(first.selectFirst("#role-spoke .result-count").text()).isEqualTo("Records 1 to 20 of 25");
        assertThat(first.select("#role-spoke .record-item__title a").eachText())
                .extracting(BrowseIntegrationTests::titleNumber)
                .containsExactlyElementsOf(numbers(25, 6));
        String next = first.selectFirst("#role-spoke nav.paging a[rel=next]").attr("href");
        assertThat(next).isEqualTo("/people/speaker?role=spoke&page=2");

        Document second = page(next);
        assertThat(second.select("#role-spoke .record-item__title a").eachText())
                .extracting(BrowseIntegrationTests::titleNumber)
                .containsExactlyElementsOf(numbers(5, 1));
        assertThat(second.select("nav.paging a[rel=next]")).isEmpty();
        assertThat(second.selectFirst("nav.paging a[rel=prev]").attr("href")).isEqualTo("/people/speaker?role=spoke");
        assertThat(titleNumbers(page("/people/speaker?sort=oldest&page=2"))).containsExactly(21, 22, 23, 24, 25);

        assertThat(problem(mvc, "/people/speaker?page=3", 404)).contains("There is no page 3 of these records.");
        assertThat(problem(mvc, "/people/chair?role=presided&page=2", 404))
                .contains("There is no page 2 of these records.");
        assertThat(problem(mvc, "/people/speaker?page=abc", 400)).contains("The parameter “page” cannot be “abc”");
        assertThat(problem(mvc, "/people/speaker?role=singer", 400))
                .contains("The parameter “role” cannot be “singer”: the role must be presided, lectured, spoke,");
        assertThat(page("/people/speaker?role=mentioned")
                        .selectFirst("#role-mentioned .result-count")
                        .text())
                .isEqualTo("No record matches");
    }

    @Test
    void themePagePagesItsRecordsLikeTheListOfRecords() throws Exception {
        Document first = page("/themes/broad?sort=oldest");
        assertThat(titleNumbers(first)).containsExactly(3, 4, 6, 8, 9, 12, 15, 16, 18, 20, 21, 24);
        assertThat(first.select("nav.paging")).as("one page").isEmpty();

        assertThat(problem(mvc, "/themes/broad?page=2", 404)).contains("There is no page 2 of these records.");
        assertThat(problem(mvc, "/themes/broad?page=0", 400)).contains("The parameter “page” cannot be “0”");
    }

    @Test
    void seedPersonPageShowsNamesOfficesAndRecords() throws Exception {
        Document page = page("/people/li-keqiang");

        assertThat(page.selectFirst("h1").text()).isEqualTo("Li Keqiang 李克强");
        assertThat(page.select(".aliases").eachText()).containsExactlyInAnyOrder("Premier Li Keqiang", "李克强总理");
        assertThat(page.select(".office-held").eachText()).containsExactly("Premier, State Council 2013–2023");
        assertThat(page.select(".record-item__title a").eachAttr("href"))
                .containsExactly(RecordPageIntegrationTests.SEED_PATH);
        assertThat(page.select("#role-presided .record-item__title a").eachAttr("href"))
                .containsExactly(RecordPageIntegrationTests.SEED_PATH);
    }

    @Test
    void themePageListsItsRecordsAndThoseOfItsNarrowerThemes() throws Exception {
        Document page = page("/themes/broad");

        assertThat(page.selectFirst("h1").text()).isEqualTo("Broad");
        assertThat(page.select(".theme-children a").eachText()).containsExactly("Narrow");
        long count = count(i -> i % 3 == 0 || i % 4 == 0);
        assertThat(page.selectFirst(".result-count").text()).startsWith(count + " records");
        assertThat(titleNumbers(page)).containsExactly(24, 21, 20, 18, 16, 15, 12, 9, 8, 6, 4, 3);

        Document narrower = page("/themes/narrow");
        assertThat(narrower.selectFirst(".theme-parent").attr("href")).isEqualTo("/themes/broad");
        assertThat(titleNumbers(narrower)).containsExactly(24, 21, 18, 15, 12, 9, 6, 3);
    }

    @Test
    void seedThemePageShowsChineseNameDescriptionAndTheSeedRecord() throws Exception {
        Document page = page("/themes/digital-economy");

        assertThat(page.select("h1 .native-name").text()).isEqualTo("数字经济");
        assertThat(page.select(".lead").text())
                .isEqualTo("The economy built on digital technology and data: its growth, its industries and its"
                        + " governance.");
        assertThat(page.select(".theme-children a").eachText())
                .containsExactly(
                        "Integration of digital technology and the real economy",
                        "Digital industry clusters",
                        "Digital infrastructure",
                        "Data as a factor of production",
                        "Regulation and governance of the digital economy",
                        "Cross-border data and international cooperation");
        assertThat(page.select(".record-item__title a").eachAttr("href"))
                .containsExactly(RecordPageIntegrationTests.SEED_PATH);
    }

    @Test
    void indexesListPeopleAlphabeticallyAndThemesAsATreeWithCounts() throws Exception {
        Document people = page("/people");
        Map<String, String> counts = people.select(".person-list li").stream()
                .collect(Collectors.toMap(
                        li -> li.selectFirst("a").text(),
                        li -> li.selectFirst(".count").text(),
                        (a, b) -> a,
                        LinkedHashMap::new));
        assertThat(counts)
                .containsExactly(
                        Map.entry("Chair", "6 records"),
                        Map.entry("Chen Chun", "1 record"),
                        Map.entry("Ding Xuexiang", "1 record"),
                        Map.entry("Li Keqiang", "1 record"),
                        Map.entry("Liu Guozhong", "1 record"),
                        Map.entry("Speaker", "25 records"),
                        Map.entry("Xi Jinping", "1 record"),
                        Map.entry("Zhang Guoqing", "1 record"));

        Document tree = page("/themes");
        assertThat(tree.select(".theme-tree > li > a").eachText())
                .as("a new theme has no place in the vocabulary's order yet, so it comes first")
                .containsExactly(
                        "Broad", "Digital economy", "Digital transformation of industries", "Innovation and talent");
        Element broadItem = tree.select(".theme-tree > li").stream()
                .filter(li -> li.selectFirst("a").text().equals("Broad"))
                .findFirst()
                .orElseThrow();
        assertThat(broadItem.select("ul a").eachText()).containsExactly("Narrow");
        assertThat(broadItem.selectFirst(".count").text()).isEqualTo("12 records");
        assertThat(broadItem.selectFirst("ul .count").text()).isEqualTo("8 records");
    }

    @Test
    void unknownPersonOrThemeGivesA404PageNamingIt() throws Exception {
        Document person = Pages.load(mvc, get("/people/nobody"), 404);
        assertThat(person.selectFirst("main").text()).contains("There is no person at the address “nobody”.");

        Document theme = Pages.load(mvc, get("/themes/nothing"), 404);
        assertThat(theme.selectFirst("main").text()).contains("There is no theme at the address “nothing”.");

        Pages.load(mvc, get("/themes/broad?page=abc"), 400);
    }

    /** How many of the numbered records match. */
    private static long count(IntPredicate condition) {
        return IntStream.rangeClosed(1, RECORDS).filter(condition).count();
    }

    /** The numbers from {@code from} down to {@code to}. */
    private static List<Integer> numbers(int from, int to) {
        return IntStream.rangeClosed(to, from)
                .boxed()
                .sorted(Comparator.reverseOrder())
                .toList();
    }

    private static int titleNumber(String title) {
        return Integer.parseInt(title.substring(title.lastIndexOf(' ') + 1));
    }

    private static List<String> titles(Document page) {
        return page.select(".record-item__title a").eachText();
    }

    private static List<Integer> titleNumbers(Document page) {
        return titles(page).stream().map(BrowseIntegrationTests::titleNumber).toList();
    }

    /** A facet's values (label to count), in the order shown. */
    private static Map<String, Long> facet(Document page, String parameter) {
        return page.select("#facet-" + parameter + " li").stream()
                .collect(Collectors.toMap(
                        li -> li.selectFirst("a").text(),
                        li -> Long.parseLong(li.selectFirst(".count").text().replaceAll("\\D", "")),
                        (a, b) -> a,
                        LinkedHashMap::new));
    }

    /** The main text of the page at {@code path}, which answers with {@code status}: what a 4xx page says. */
    static String problem(MockMvc mvc, String path, int status) throws Exception {
        return Pages.load(mvc, get(path), status).selectFirst("main").text();
    }

    private Document page(String path) throws Exception {
        return Pages.load(mvc, get(path), 200);
    }
}
