package org.policyarchive.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.policyarchive.person.Person;
import org.policyarchive.person.PersonDirectory;
import org.policyarchive.theme.Theme;
import org.policyarchive.theme.ThemeVocabulary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Browsing the archive's records with filters, facet counts and paging. The database is shared with other test
 * classes, so every record here names one person made for this class, and the assertions filter by that person.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowseIntegrationTests {

    static final int RECORDS = 25;

    @Autowired
    MockMvc mvc;

    @Autowired
    RecordCatalog catalog;

    @Autowired
    PersonDirectory people;

    @Autowired
    ThemeVocabulary themes;

    final String suffix = UUID.randomUUID().toString().substring(0, 8);
    Person speaker;
    Person chair;
    Theme broad;
    Theme narrow;
    final List<Record> made = new ArrayList<>();

    @BeforeAll
    void createRecords() {
        speaker = people.save(new Person("speaker-" + suffix, "Speaker " + suffix));
        chair = people.save(new Person("chair-" + suffix, "Chair " + suffix));
        broad = themes.save(new Theme("broad-" + suffix, "Broad " + suffix));
        Theme child = new Theme("narrow-" + suffix, "Narrow " + suffix);
        child.setParent(broad);
        narrow = themes.save(child);
        for (int i = 1; i <= RECORDS; i++) {
            Record record = new Record(
                    "browse-" + suffix + "-" + i,
                    "Browse " + suffix + " number " + i,
                    i <= 15 ? RecordKind.SPEECH : RecordKind.STATEMENT,
                    i % 2 == 1 ? "en" : "zh-Hans",
                    "Text " + i);
            record.setDate(LocalDate.of(i <= 12 ? 1901 : 1902, 1, i), DatePrecision.DAY);
            record.setStatus(RecordStatus.PUBLISHED);
            record.addParticipation(speaker, Role.SPOKE, null);
            if (i % 5 == 0) {
                record.addParticipation(chair, Role.PRESIDED, null);
            }
            if (i % 3 == 0) {
                record.getThemes().add(narrow);
            } else if (i % 4 == 0) {
                record.getThemes().add(broad);
            }
            made.add(catalog.save(record));
        }
        Record undated = new Record("browse-" + suffix + "-undated", "Undated " + suffix, RecordKind.LETTER, "en", "x");
        undated.setStatus(RecordStatus.PUBLISHED);
        undated.addParticipation(chair, Role.SPOKE, null);
        made.add(catalog.save(undated));
        Record draft = new Record("browse-" + suffix + "-draft", "Draft " + suffix, RecordKind.SPEECH, "en", "x");
        draft.addParticipation(speaker, Role.SPOKE, null);
        catalog.save(draft);
        Record withdrawn =
                new Record("browse-" + suffix + "-withdrawn", "Withdrawn " + suffix, RecordKind.SPEECH, "en", "x");
        withdrawn.setStatus(RecordStatus.WITHDRAWN);
        withdrawn.addParticipation(speaker, Role.SPOKE, null);
        catalog.save(withdrawn);
    }

    @Test
    void listsTwentyRecordsAPageNewestFirstAndPagesKeepTheFilters() throws Exception {
        Document first = page("/records?person=" + speaker.getSlug());

        assertThat(first.selectFirst(".result-count").text()).startsWith("25 records");
        assertThat(titles(first)).hasSize(20);
        assertThat(titles(first)).first().isEqualTo("Browse " + suffix + " number 25");
        assertThat(titles(first))
                .isSortedAccordingTo(Comparator.comparingInt(this::titleNumber).reversed());
        String next = first.selectFirst("nav.paging a[rel=next]").attr("href");
        assertThat(next).contains("person=" + speaker.getSlug()).contains("page=2");

        Document second = page(next);
        assertThat(titles(second)).hasSize(5);
        assertThat(titles(second)).last().isEqualTo("Browse " + suffix + " number 1");
        assertThat(second.selectFirst("nav.paging a[rel=prev]").attr("href")).contains("person=" + speaker.getSlug());
        assertThat(second.select("nav.paging a[rel=next]")).isEmpty();
    }

    @Test
    void putsUndatedRecordsLast() throws Exception {
        Document page = page("/records?person=" + chair.getSlug());

        assertThat(titles(page)).hasSize(6).last().isEqualTo("Undated " + suffix);
        assertThat(titles(page).get(0)).isEqualTo("Browse " + suffix + " number 25");
    }

    @Test
    void countsEachFacetOverTheOtherFilters() throws Exception {
        Document page = page("/records?person=" + speaker.getSlug());

        assertThat(facet(page, "kind")).containsExactly(Map.entry("Speech", 15L), Map.entry("Statement", 10L));
        assertThat(facet(page, "year")).containsExactly(Map.entry("1902", 13L), Map.entry("1901", 12L));
        assertThat(facet(page, "lang"))
                .containsExactly(Map.entry("English", 13L), Map.entry("Chinese (Simplified)", 12L));
        assertThat(facet(page, "theme"))
                .containsEntry("Broad " + suffix, expected(r -> number(r) % 3 == 0 || number(r) % 4 == 0))
                .containsEntry("Narrow " + suffix, expected(r -> number(r) % 3 == 0));
        assertThat(facet(page, "person"))
                .as("people counted without the person filter: the chair's undated letter counts too")
                .containsEntry("Speaker " + suffix, 25L)
                .containsEntry("Chair " + suffix, 6L);
    }

    @Test
    void filtersByKindYearThemeAndLanguageTogether() throws Exception {
        Document page = page("/records?person=" + speaker.getSlug() + "&kind=speech&year=1902&lang=en");

        List<Integer> expected = made.stream()
                .filter(r -> r.getSlug().matches(".*-\\d+"))
                .map(this::number)
                .filter(i -> i <= 15 && i > 12 && i % 2 == 1)
                .sorted(Comparator.reverseOrder())
                .toList();
        assertThat(titles(page)).extracting(this::titleNumber).containsExactlyElementsOf(expected);
        assertThat(facet(page, "kind"))
                .as("kinds counted without the kind filter")
                .containsExactly(Map.entry("Statement", 5L), Map.entry("Speech", 2L));
        assertThat(facet(page, "year"))
                .as("years counted without the year filter")
                .containsExactly(Map.entry("1902", 2L), Map.entry("1901", 6L));

        Document narrowed = page("/records?person=" + speaker.getSlug() + "&theme=" + broad.getSlug());
        assertThat(narrowed.selectFirst(".result-count").text())
                .startsWith(expected(r -> number(r) % 3 == 0 || number(r) % 4 == 0) + " records");
        Document narrowest = page("/records?person=" + speaker.getSlug() + "&theme=" + narrow.getSlug());
        assertThat(titles(narrowest))
                .extracting(this::titleNumber)
                .allMatch(i -> i % 3 == 0)
                .hasSize(8);
    }

    @Test
    void showsActiveFiltersEachRemovableWithOneClick() throws Exception {
        Document page = page("/records?person=" + speaker.getSlug() + "&kind=statement");

        List<Element> active = page.select(".active-filters a");
        assertThat(active).extracting(Element::text).contains("Kind: Statement", "Person: Speaker " + suffix);
        String withoutKind = active.stream()
                .filter(a -> a.text().equals("Kind: Statement"))
                .findFirst()
                .orElseThrow()
                .attr("href");
        assertThat(withoutKind).doesNotContain("kind=").contains("person=" + speaker.getSlug());
        assertThat(page(withoutKind).selectFirst(".result-count").text()).startsWith("25 records");
        assertThat(page.select("#facet-kind a[aria-current=true]").text()).isEqualTo("Statement");
    }

    @Test
    void answersAPagePastTheLastWith404() throws Exception {
        MvcResult result = mvc.perform(get("/records?person=" + speaker.getSlug() + "&page=3"))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(404);
        assertThat(text(result)).contains("There is no page 3 of these records.");
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
        cases.put("theme=no-such-theme-" + suffix, "The parameter “theme” cannot be “no-such-theme-");
        cases.put("person=no-such-person-" + suffix, "The parameter “person” cannot be “no-such-person-");
        cases.put("lang=english!", "The parameter “lang” cannot be “english!”: the language must be a language tag");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            MvcResult result = mvc.perform(get("/records?" + c.getKey())).andReturn();
            assertThat(result.getResponse().getStatus()).as(c.getKey()).isEqualTo(400);
            Document page = Jsoup.parse(text(result));
            assertThat(page.selectFirst("h1").text()).isEqualTo("Bad request");
            assertThat(page.selectFirst("main").text()).as(c.getKey()).contains(c.getValue());
            assertThat(page.text()).doesNotContain("Exception");
        }
    }

    @Test
    void hidesDraftsAndAnswersWithdrawnRecordsWith410() throws Exception {
        assertThat(titles(page("/records?person=" + speaker.getSlug()))).noneMatch(t -> t.startsWith("Draft"));
        assertThat(mvc.perform(get("/records/browse-" + suffix + "-draft"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);

        MvcResult withdrawn =
                mvc.perform(get("/records/browse-" + suffix + "-withdrawn")).andReturn();
        assertThat(withdrawn.getResponse().getStatus()).isEqualTo(410);
        Document page = Jsoup.parse(text(withdrawn));
        assertThat(page.selectFirst("h1").text()).isEqualTo("Withdrawn " + suffix);
        assertThat(page.selectFirst("main").text()).contains("This record has been withdrawn");
        assertThat(page.select(".source-text")).isEmpty();
    }

    @Test
    void showsADateKnownOnlyToTheMonthOrYear() throws Exception {
        Record monthly = new Record("monthly-" + suffix, "Monthly " + suffix, RecordKind.REPORT, "en", "x");
        monthly.setDate(LocalDate.of(1950, 3, 1), DatePrecision.MONTH);
        monthly.setStatus(RecordStatus.PUBLISHED);
        catalog.save(monthly);

        Document page = page("/records/monthly-" + suffix);

        assertThat(page.selectFirst(".record__dateline time").text()).isEqualTo("March 1950");
        assertThat(page.selectFirst(".record__dateline time").attr("datetime")).isEqualTo("1950-03");
    }

    @Test
    void personPageGroupsRecordsByRole() throws Exception {
        Document page = page("/people/" + chair.getSlug());

        assertThat(page.selectFirst("h1").text()).isEqualTo("Chair " + suffix);
        assertThat(page.select(".role-group h3").eachText()).containsExactly("Presided", "Spoke");
        assertThat(page.select("#role-presided .record-item__title a").eachText())
                .extracting(this::titleNumber)
                .containsExactly(25, 20, 15, 10, 5);
        assertThat(page.select("#role-spoke .record-item__title a").eachText()).containsExactly("Undated " + suffix);
    }

    @Test
    void seedPersonPageShowsNamesOfficesAndRecords() throws Exception {
        Document page = page("/people/li-keqiang");

        assertThat(page.selectFirst("h1").text()).isEqualTo("Li Keqiang 李克强");
        assertThat(page.select(".aliases").eachText()).contains("Premier Li Keqiang", "李克强总理");
        assertThat(page.select(".office-held").text()).contains("Premier, State Council", "2013–2023");
        assertThat(page.select("#role-presided .record-item__title a").eachAttr("href"))
                .contains(RecordPageIntegrationTests.SEED_PATH);
    }

    @Test
    void themePageListsItsRecordsAndThoseOfItsNarrowerThemes() throws Exception {
        Document page = page("/themes/" + broad.getSlug());

        assertThat(page.selectFirst("h1").text()).isEqualTo("Broad " + suffix);
        assertThat(page.select(".theme-children a").eachText()).containsExactly("Narrow " + suffix);
        long count = expected(r -> number(r) % 3 == 0 || number(r) % 4 == 0);
        assertThat(page.selectFirst(".result-count").text()).startsWith(count + " records");
        assertThat(titles(page))
                .hasSize((int) count)
                .extracting(this::titleNumber)
                .isSortedAccordingTo(Comparator.reverseOrder());

        Document narrower = page("/themes/" + narrow.getSlug());
        assertThat(narrower.selectFirst(".theme-parent").attr("href")).isEqualTo("/themes/" + broad.getSlug());
        assertThat(titles(narrower))
                .extracting(this::titleNumber)
                .allMatch(i -> i % 3 == 0)
                .hasSize(8);
    }

    @Test
    void seedThemePageShowsChineseNameDescriptionAndTheSeedRecord() throws Exception {
        Document page = page("/themes/digital-economy");

        assertThat(page.select(".facts").text()).contains("数字经济");
        assertThat(page.select(".lead").text()).contains("The economy built on digital technology and data");
        assertThat(page.select(".theme-children a").eachText())
                .contains("Digital infrastructure", "Digital industry clusters");
        assertThat(page.select(".record-item__title a").eachAttr("href"))
                .contains(RecordPageIntegrationTests.SEED_PATH);
    }

    @Test
    void indexesListPeopleAlphabeticallyAndThemesAsATreeWithCounts() throws Exception {
        Document people = page("/people");
        List<String> names = people.select(".person-list li > a").eachText();
        assertThat(names).contains("Speaker " + suffix, "Li Keqiang");
        assertThat(people.select(".person-list li").stream()
                        .filter(li -> li.selectFirst("a").text().equals("Speaker " + suffix))
                        .findFirst()
                        .orElseThrow()
                        .selectFirst(".count")
                        .text())
                .isEqualTo("25 records");

        Document tree = page("/themes");
        Element broadItem = tree.select(".theme-tree > li").stream()
                .filter(li -> li.selectFirst("a").text().equals("Broad " + suffix))
                .findFirst()
                .orElseThrow();
        assertThat(broadItem.select("ul a").eachText()).containsExactly("Narrow " + suffix);
        assertThat(broadItem.selectFirst(".count").text()).isEqualTo("12 records");
    }

    @Test
    void unknownPersonOrThemeGivesA404PageNamingIt() throws Exception {
        MvcResult person = mvc.perform(get("/people/nobody-" + suffix)).andReturn();
        assertThat(person.getResponse().getStatus()).isEqualTo(404);
        assertThat(text(person)).contains("There is no person at the address “nobody-" + suffix + "”.");

        MvcResult theme = mvc.perform(get("/themes/nothing-" + suffix)).andReturn();
        assertThat(theme.getResponse().getStatus()).isEqualTo(404);
        assertThat(text(theme)).contains("There is no theme at the address “nothing-" + suffix + "”.");

        assertThat(mvc.perform(get("/themes/" + broad.getSlug() + "?page=abc"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(400);
    }

    private long expected(java.util.function.Predicate<Record> condition) {
        return made.stream()
                .filter(r -> r.getSlug().matches(".*-\\d+"))
                .filter(condition)
                .count();
    }

    private int number(Record record) {
        return Integer.parseInt(record.getSlug().substring(record.getSlug().lastIndexOf('-') + 1));
    }

    private int titleNumber(String title) {
        return Integer.parseInt(title.substring(title.lastIndexOf(' ') + 1));
    }

    private static List<String> titles(Document page) {
        return page.select(".record-item__title a").eachText();
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

    private Document page(String path) throws Exception {
        MvcResult result = mvc.perform(get(path)).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return Jsoup.parse(text(result));
    }

    private static String text(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** {@link RecordCatalog#findListings}: what search results show, read in one statement, as the entities hold it. */
    @Test
    void listingsHoldTheRecordsInTheOrderAskedWithTheirPeopleInOrderAndBroadThemesFirst() {
        Person speaking = people.save(new Person("listed-speaker-" + suffix, "Listed speaker " + suffix));
        Person presiding = people.save(new Person("listed-chair-" + suffix, "Listed chair " + suffix));
        Theme zulu = themes.save(new Theme("zulu-" + suffix, "Zulu " + suffix));
        Theme alpha = themes.save(new Theme("alpha-" + suffix, "Alpha " + suffix));
        Theme aardvark = new Theme("aardvark-" + suffix, "Aardvark " + suffix);
        aardvark.setParent(zulu);
        aardvark.setNameZh("土豚");
        aardvark = themes.save(aardvark);
        Record full = new Record("listing-" + suffix, "Listing " + suffix, RecordKind.SPEECH, "en", "The body.");
        full.setDate(LocalDate.of(1999, 5, 1), DatePrecision.MONTH);
        full.setSummary("The summary.");
        full.addParticipation(presiding, Role.PRESIDED, null);
        full.addParticipation(speaking, Role.SPOKE, "Minister");
        full.getThemes().add(aardvark);
        full.getThemes().add(zulu);
        full.getThemes().add(alpha);
        full = catalog.save(full);
        Record bare =
                catalog.save(new Record("bare-" + suffix, "无日期 " + suffix, RecordKind.STATEMENT, "zh-Hans", "正文"));

        List<RecordListing> listings = catalog.findListings(List.of(bare.getId(), Long.MAX_VALUE, full.getId()));

        assertThat(listings)
                .containsExactly(
                        new RecordListing(
                                bare.getId(),
                                "bare-" + suffix,
                                "无日期 " + suffix,
                                null,
                                null,
                                RecordKind.STATEMENT,
                                "zh-Hans",
                                null,
                                "正文",
                                List.of(),
                                List.of()),
                        new RecordListing(
                                full.getId(),
                                "listing-" + suffix,
                                "Listing " + suffix,
                                LocalDate.of(1999, 5, 1),
                                DatePrecision.MONTH,
                                RecordKind.SPEECH,
                                "en",
                                "The summary.",
                                "The body.",
                                List.of(
                                        new RecordListing.Part(
                                                "listed-chair-" + suffix, "Listed chair " + suffix, Role.PRESIDED),
                                        new RecordListing.Part(
                                                "listed-speaker-" + suffix, "Listed speaker " + suffix, Role.SPOKE)),
                                List.of(
                                        new RecordListing.ThemeName("alpha-" + suffix, "Alpha " + suffix, null),
                                        new RecordListing.ThemeName("zulu-" + suffix, "Zulu " + suffix, null),
                                        new RecordListing.ThemeName(
                                                "aardvark-" + suffix, "Aardvark " + suffix, "土豚"))));
        assertThat(catalog.findListings(List.of())).isEmpty();
    }
}
