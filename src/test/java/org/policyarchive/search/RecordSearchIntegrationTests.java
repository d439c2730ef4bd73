package org.policyarchive.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.policyarchive.search.RecordFields.KIND;
import static org.policyarchive.search.RecordFields.LANGUAGE;
import static org.policyarchive.search.RecordFields.PERSON;
import static org.policyarchive.search.RecordFields.ROLE;
import static org.policyarchive.search.RecordFields.THEME;
import static org.policyarchive.search.RecordFields.YEAR;

import jakarta.persistence.EntityManagerFactory;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.mapper.orm.Search;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.policyarchive.person.Person;
import org.policyarchive.person.PersonDirectory;
import org.policyarchive.record.ListedRecord;
import org.policyarchive.record.ListedRecord.Piece;
import org.policyarchive.record.Record;
import org.policyarchive.record.RecordCatalog;
import org.policyarchive.record.RecordEditor;
import org.policyarchive.record.RecordKind;
import org.policyarchive.record.RecordListing;
import org.policyarchive.record.RecordStatus;
import org.policyarchive.record.Role;
import org.policyarchive.search.QueryParser.ParsedQuery;
import org.policyarchive.search.SearchResults.FacetValue;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.Drafts;
import org.policyarchive.theme.Theme;
import org.policyarchive.theme.ThemeVocabulary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Search on a share of the real corpus, loaded once for the class into a clean archive ({@link Corpus}); each test
 * adds its own records, found by a word no other record holds.
 */
@SpringBootTest
@CleanArchive(perClass = true)
class RecordSearchIntegrationTests {

    @Autowired
    RecordSearch search;

    @Autowired
    RecordCatalog catalog;

    @Autowired
    PersonDirectory people;

    @Autowired
    ThemeVocabulary themes;

    @Autowired
    RecordEditor editor;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    /** A word no record holds, so that a test finds only its own records. */
    private final String marker =
            "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    @BeforeAll
    static void loadCorpus(@Autowired RecordEditor editor) {
        Corpus.load(editor);
    }

    private SearchResults find(String query) {
        return search.search(
                SearchCriteria.everything().withSort(SearchSort.RELEVANCE).withQuery(query));
    }

    private List<String> titles(SearchResults results) {
        return results.hits().stream().map(RecordSearchIntegrationTests::title).toList();
    }

    private static String title(ListedRecord hit) {
        return hit.title().stream().map(Piece::text).collect(Collectors.joining());
    }

    /** Publishes a record through the record module; returns its id. */
    private long publish(String title, String body, RecordKind kind, String language, LocalDate date) {
        return editor.create(
                Drafts.speech(title)
                        .kind(kind)
                        .language(language)
                        .body(body)
                        .date(date.toString())
                        .build(),
                "test",
                null);
    }

    @Test
    void distinctiveSentenceFindsItsSpeechFirst() {
        SearchResults results =
                find("vicissitudes incident to life, no event could have filled me with greater anxieties");

        assertThat(titles(results)).first().isEqualTo("First Inaugural Address");
        assertThat(results.hits().get(0).record().people())
                .extracting(RecordListing.Part::name)
                .containsExactly("George Washington");
        assertThat(results.hits().get(0).excerpt()).anyMatch(Piece::marked);
    }

    @Test
    void presidentsNameFindsHisSpeeches() {
        SearchResults results = find("Thomas Jefferson");

        assertThat(results.hits()).hasSizeGreaterThan(3);
        assertThat(results.hits().subList(0, 3))
                .allSatisfy(hit -> assertThat(hit.record().people())
                        .extracting(RecordListing.Part::name)
                        .contains("Thomas Jefferson"));
    }

    @Test
    void stemsEnglishWords() {
        publish(
                "Oversight of markets",
                "The regulation of markets " + marker,
                RecordKind.SPEECH,
                "en",
                LocalDate.of(2020, 1, 1));

        publish("Rules", "Regulating the markets " + marker, RecordKind.SPEECH, "en", LocalDate.of(2020, 1, 2));
        publish("Fingers", "Counting on each digit " + marker, RecordKind.SPEECH, "en", LocalDate.of(2020, 1, 3));

        assertThat(titles(find("regulations " + marker))).containsExactly("Oversight of markets");
        assertThat(titles(find("regulated market " + marker))).containsExactly("Rules");
        assertThat(titles(find("digits " + marker))).containsExactly("Fingers");
        // a lighter stemmer than Porter's, which made one word of these
        assertThat(find("digital " + marker).hits()).isEmpty();
    }

    @Test
    void quotedPhraseMatchesExactlyAndUnstemmed() {
        publish(
                "Plural",
                "Growth of the digital economies of Asia " + marker,
                RecordKind.SPEECH,
                "en",
                LocalDate.of(2021, 1, 1));
        publish(
                "Singular",
                "Growth of the digital economy of China " + marker,
                RecordKind.SPEECH,
                "en",
                LocalDate.of(2021, 1, 2));

        assertThat(titles(find("\"digital economy\" " + marker))).containsExactly("Singular");
        assertThat(titles(find("digital economy " + marker))).containsExactlyInAnyOrder("Singular", "Plural");
        assertThat(titles(find("\"economy of China\" " + marker))).containsExactly("Singular");
    }

    @Test
    void excludesWordsAndPhrases() {
        publish(
                "Farms",
                "Support for agriculture and rivers " + marker,
                RecordKind.SPEECH,
                "en",
                LocalDate.of(2019, 1, 1));
        publish(
                "Mills",
                "Support for industry and rivers " + marker,
                RecordKind.SPEECH,
                "en",
                LocalDate.of(2019, 1, 2));

        assertThat(titles(find(marker + " -agriculture"))).containsExactly("Mills");
        assertThat(titles(find(marker + " -\"support for industry\""))).containsExactly("Farms");
    }

    @Test
    void orMatchesEitherSide() {
        publish("Wheat", "wheat harvest " + marker, RecordKind.SPEECH, "en", LocalDate.of(2018, 1, 1));
        publish("Barley", "barley harvest " + marker, RecordKind.SPEECH, "en", LocalDate.of(2018, 1, 2));
        publish("Oats", "oats harvest " + marker, RecordKind.SPEECH, "en", LocalDate.of(2018, 1, 3));

        assertThat(titles(find("wheat OR barley " + marker))).containsExactlyInAnyOrder("Wheat", "Barley");
        assertThat(titles(find(marker + " wheat OR \"barley harvest\" OR oats")))
                .hasSize(3);
    }

    @Test
    void findsChineseTwoCharacterWordsInTheChineseCorpus() {
        for (String word : List.of("数字经济", "经济", "政府工作报告")) {
            // Chinese records only: English records can match too, through the Chinese names of their themes.
            long found = total(SearchCriteria.everything().withQuery(word).withLanguage("zh-Hans"))
                    + total(SearchCriteria.everything().withQuery(word).withLanguage("zh-Hant"));
            // Traditional characters count as their Simplified forms (經濟 is 经济)
            long expected = jdbc
                    .queryForList(
                            "select title || ' ' || body || ' ' || coalesce(summary, '') from record"
                                    + " where status = 'PUBLISHED' and language like 'zh%'",
                            String.class)
                    .stream()
                    .filter(text -> HanScriptFolding.fold(text).contains(word))
                    .count();
            assertThat(found).as(word).isEqualTo(expected).isPositive();
            SearchResults results = search.search(SearchCriteria.everything()
                    .withSort(SearchSort.RELEVANCE)
                    .withQuery(word)
                    .withLanguage("zh-Hans"));
            assertThat(results.hits().get(0).excerpt())
                    .filteredOn(Piece::marked)
                    .extracting(Piece::text)
                    .isNotEmpty()
                    .allSatisfy(text -> assertThat(word).contains(text.substring(0, 1)));
        }
    }

    @Test
    void mixedChineseAndEnglishQueryWorks() {
        publish("混合", "The 数字经济 of Zhejiang " + marker, RecordKind.SPEECH, "en", LocalDate.of(2022, 1, 1));

        assertThat(titles(find("数字经济 Zhejiang " + marker))).containsExactly("混合");
        assertThat(titles(find("经济 " + marker))).containsExactly("混合");
        assertThat(titles(find("经 " + marker))).containsExactly("混合");
    }

    @Test
    void foldsFullWidthDigitsAndLetters() {
        publish("Width", "GDP grew in 2023 " + marker, RecordKind.REPORT, "en", LocalDate.of(2023, 1, 1));
        publish("全角", "ＧＤＰ ２０２４ " + marker, RecordKind.REPORT, "zh-Hans", LocalDate.of(2024, 1, 1));

        assertThat(titles(find("ＧＤＰ ２０２３ " + marker))).containsExactly("Width");
        assertThat(titles(find("gdp 2024 " + marker))).containsExactly("全角");
    }

    @Test
    void marksOnlyWhatMatchedNeitherOtherWordsOfTheSameStemNorStopWords() {
        publish(
                "Counting",
                "We also counted each digit of the digital economy, " + marker + ".",
                RecordKind.SPEECH,
                "en",
                LocalDate.of(2020, 3, 1));

        assertThat(marked(find("we also digital economies " + marker)))
                .containsExactlyInAnyOrder("digital", "economy", marker);
    }

    @Test
    void marksTheTraditionalFormThatASimplifiedSearchFound() {
        publish("繁體", "數字經濟發展迅速 " + marker, RecordKind.REPORT, "zh-Hant", LocalDate.of(2020, 3, 2));

        assertThat(marked(find("经济 " + marker))).contains("經濟");
    }

    /** The marked pieces of the first hit's excerpt. */
    private static List<String> marked(SearchResults results) {
        return results.hits().get(0).excerpt().stream()
                .filter(Piece::marked)
                .map(Piece::text)
                .toList();
    }

    @Test
    void readsAQuotationMarkWithoutItsPairAsPunctuation() {
        publish("Pasted", "He said: \"overcome the odds " + marker, RecordKind.SPEECH, "en", LocalDate.of(2020, 2, 1));

        assertThat(titles(find("said: \"overcome the odds " + marker))).containsExactly("Pasted");
        assertThat(titles(find("-\"odds " + marker))).isEmpty();
    }

    @Test
    void looksUpWordsTooCommonToSearchAloneAsTheirPhrase() {
        publish("Common", "It is not for me to say " + marker, RecordKind.SPEECH, "en", LocalDate.of(1650, 2, 2));
        publish("Shuffled", "For me it is not to say " + marker, RecordKind.SPEECH, "en", LocalDate.of(1650, 2, 3));

        assertThat(titles(search.search(SearchCriteria.everything()
                        .withSort(SearchSort.RELEVANCE)
                        .withQuery("it is not for me")
                        .withDates(LocalDate.of(1650, 1, 1), LocalDate.of(1650, 12, 31)))))
                .containsExactly("Common");
    }

    @Test
    void rejectsQueriesWithNothingToSearch() {
        assertThatThrownBy(() -> find("!!! ... ???")).hasMessage("search.error.nothingToSearch");
        assertThatThrownBy(() -> find("a".repeat(10_000))).hasMessage("search.error.tooLong");
        assertThatThrownBy(() -> find("OR wheat")).hasMessage("search.error.danglingOr");
    }

    @Test
    void facetCountsEqualSqlCounts() {
        Person person = people.findByAnyName("George Washington").orElseThrow();
        SearchResults results = search.search(SearchCriteria.everything().withPerson(person, null));

        Map<String, Long> kinds = new HashMap<>();
        jdbc.query(
                "select r.kind, count(*) from record r where r.status = 'PUBLISHED' and exists (select 1 from"
                        + " participation p where p.record_id = r.id and p.person_id = ?) group by r.kind",
                rs -> {
                    kinds.put(rs.getString(1).toLowerCase().replace('_', '-'), rs.getLong(2));
                },
                person.getId());
        Map<String, Long> decades = new HashMap<>();
        jdbc.query(
                "select (extract(year from r.date)::int / 10) * 10, count(*) from record r where r.status = 'PUBLISHED'"
                        + " and r.date is not null and exists (select 1 from participation p where p.record_id = r.id"
                        + " and p.person_id = ?) group by 1",
                rs -> {
                    decades.put(rs.getString(1), rs.getLong(2));
                },
                person.getId());

        assertThat(results.total())
                .isEqualTo(kinds.values().stream().mapToLong(Long::longValue).sum());
        assertThat(counts(results.facets().kinds())).isEqualTo(kinds);
        assertThat(counts(results.facets().decades())).isEqualTo(decades);
        assertThat(counts(results.facets().people())).containsEntry(person.getSlug(), results.total());
    }

    @Test
    void facetCountsOfThemesRolesAndKindsFollowTheQuery() {
        for (int i = 0; i < 5; i++) {
            Drafts draft = Drafts.speech("Session " + i)
                    .kind(i % 2 == 0 ? RecordKind.MEETING : RecordKind.REPORT)
                    .body("rivers and fields " + marker)
                    .date(LocalDate.of(2010 + i, 3, 1).toString())
                    .status(i == 4 ? RecordStatus.DRAFT : RecordStatus.PUBLISHED)
                    .by("Chair " + marker, Role.PRESIDED)
                    .theme(i < 3 ? "Water " + marker : "Soil " + marker);
            if (i < 2) {
                draft.by("Guest " + marker, Role.SPOKE);
            }
            editor.create(draft.build(), "test", null);
        }
        Person chair = people.findByAnyName("Chair " + marker).orElseThrow();
        Person guest = people.findByAnyName("Guest " + marker).orElseThrow();
        Theme water = themes.findByName("Water " + marker).orElseThrow();
        Theme soil = themes.findByName("Soil " + marker).orElseThrow();

        SearchResults all = find(marker);
        assertThat(all.total()).isEqualTo(4);
        assertThat(counts(all.facets().themes())).isEqualTo(Map.of(water.getSlug(), 3L, soil.getSlug(), 1L));
        assertThat(counts(all.facets().roles())).isEqualTo(Map.of("presided", 4L, "spoke", 2L));
        assertThat(counts(all.facets().kinds())).isEqualTo(Map.of("meeting", 2L, "report", 2L));
        assertThat(counts(all.facets().people())).isEqualTo(Map.of(chair.getSlug(), 4L, guest.getSlug(), 2L));

        SearchResults narrowed = search.search(
                SearchCriteria.everything().withQuery(marker).withTheme(water).withPerson(guest, Role.SPOKE));
        assertThat(narrowed.total()).isEqualTo(2);
        assertThat(counts(narrowed.facets().kinds())).isEqualTo(Map.of("meeting", 1L, "report", 1L));
        assertThat(total(SearchCriteria.everything().withPerson(guest, Role.PRESIDED)))
                .isZero();
        assertThat(total(SearchCriteria.everything()
                        .withPerson(chair, null)
                        .withDates(LocalDate.of(2011, 1, 1), LocalDate.of(2012, 12, 31))))
                .isEqualTo(2);
    }

    /**
     * A narrow search counts facets and keeps the page's hits in one pass, a broad one in two (counting, then the
     * page's hits alone): both must give the same counts and the same page, in the same order.
     */
    @Test
    void onePassAndTwoPassesFindTheSamePage() throws Exception {
        List<SearchCriteria> searches = List.of(
                SearchCriteria.everything(),
                SearchCriteria.everything().withQuery("government").withSort(SearchSort.RELEVANCE),
                SearchCriteria.everything()
                        .withQuery("government")
                        .withSort(SearchSort.OLDEST)
                        .withPage(3),
                SearchCriteria.everything().withQuery("\"the american people\" -war"),
                SearchCriteria.everything().withQuery("经济 改革").withSort(SearchSort.NEWEST),
                SearchCriteria.everything().withLanguage("zh-Hans").withPage(2));
        try (IndexReader reader = Search.mapping(entityManagerFactory)
                .scope(Record.class)
                .extension(LuceneExtension.get())
                .openIndexReader()) {
            for (SearchCriteria criteria : searches) {
                ParsedQuery parsed = QueryParser.parse(criteria.query());
                Query query = LuceneRecordQuery.of(criteria, parsed);
                Sort sort = LuceneRecordQuery.sort(criteria.sort(), parsed);
                int offset = (criteria.page() - 1) * RecordSearch.PAGE_SIZE;
                LuceneSearch.Found onePass =
                        LuceneSearch.search(reader, query, sort, offset, RecordSearch.PAGE_SIZE, Long.MAX_VALUE);
                LuceneSearch.Found twoPasses =
                        LuceneSearch.search(reader, query, sort, offset, RecordSearch.PAGE_SIZE, 0);
                assertThat(onePass.ids()).as(criteria.toString()).hasSize(RecordSearch.PAGE_SIZE);
                assertThat(twoPasses.ids()).as(criteria.toString()).isEqualTo(onePass.ids());
                assertThat(twoPasses.counts().total())
                        .as(criteria.toString())
                        .isEqualTo(onePass.counts().total());
                assertThat(onePass.counts().top(KIND, Integer.MAX_VALUE)).isNotEmpty();
                for (String field : List.of(KIND, LANGUAGE, PERSON, ROLE, THEME, YEAR)) {
                    assertThat(twoPasses.counts().top(field, Integer.MAX_VALUE))
                            .as(criteria + " " + field)
                            .isEqualTo(onePass.counts().top(field, Integer.MAX_VALUE));
                }
            }
        }
    }

    /**
     * The search without words or filters counts from counts kept per segment: they must follow every change, a new
     * record (in a new segment) and a withdrawn one (a deletion in an old segment, one of the corpus's).
     */
    @Test
    void countsOfEverythingFollowNewAndWithdrawnRecords() {
        SearchResults before = search.search(SearchCriteria.everything());
        assertThat(before.total())
                .isEqualTo(jdbc.queryForObject("select count(*) from record where status = 'PUBLISHED'", Long.class));
        assertThat(before.facets())
                .isEqualTo(counted(SearchCriteria.everything()).facets());

        publish("Everything " + marker, "text", RecordKind.SPEECH, "en", LocalDate.of(1901, 5, 1));
        SearchResults added = search.search(SearchCriteria.everything());
        assertThat(added.total()).isEqualTo(before.total() + 1);
        assertThat(counts(added.facets().kinds()).get("speech"))
                .isEqualTo(counts(before.facets().kinds()).get("speech") + 1);

        String speech = search.search(SearchCriteria.everything().withQuery("congress"))
                .hits()
                .get(0)
                .record()
                .slug();
        setStatus(speech, RecordStatus.WITHDRAWN);
        try {
            SearchResults withdrawn = search.search(SearchCriteria.everything());
            assertThat(withdrawn.total()).isEqualTo(before.total());
            assertThat(withdrawn.facets())
                    .isEqualTo(counted(SearchCriteria.everything()).facets());
        } finally {
            setStatus(speech, RecordStatus.PUBLISHED);
        }
    }

    /**
     * The same search counted afresh, not from the counts kept per segment: excluding a word that no record has
     * matches the same records, but is another query.
     */
    private SearchResults counted(SearchCriteria criteria) {
        return search.search(criteria.withQuery(criteria.query() + " -qqxqqzqq"));
    }

    private void setStatus(String slug, RecordStatus status) {
        editor.changeStatus(catalog.findBySlug(slug).orElseThrow().getId(), status, "test", null);
    }

    @Test
    void searchesByPersonAloneWithoutWords() {
        Person chenChun = people.findBySlug("chen-chun").orElseThrow();

        SearchResults results = search.search(SearchCriteria.everything().withPerson(chenChun, null));

        assertThat(results.hits())
                .extracting(hit -> hit.record().slug())
                .containsExactly("state-council-study-session-digital-economy-2023-08-21");
    }

    @Test
    void followsEditsWithdrawalsAndDeletions() {
        long id = publish("Before " + marker, "original text", RecordKind.STATEMENT, "en", LocalDate.of(2001, 1, 1));
        assertThat(find(marker).total()).isEqualTo(1);

        editor.update(
                id,
                editor.currentVersion(id),
                Drafts.speech("After edit")
                        .kind(RecordKind.STATEMENT)
                        .date("2001-01-01")
                        .body("changed text " + marker + " renewed")
                        .build(),
                "test",
                null);
        assertThat(titles(find(marker + " renewed"))).containsExactly("After edit");
        assertThat(find("original " + marker).total()).isZero();

        editor.changeStatus(id, RecordStatus.WITHDRAWN, "test", null);
        assertThat(find(marker).total()).isZero();
        editor.changeStatus(id, RecordStatus.PUBLISHED, "test", null);
        assertThat(titles(find(marker))).containsExactly("After edit");

        editor.delete(id);
        assertThat(find(marker).total()).isZero();
    }

    private static Map<String, Long> counts(List<FacetValue> values) {
        return values.stream().collect(Collectors.toMap(FacetValue::value, FacetValue::count));
    }

    private long total(SearchCriteria criteria) {
        return search.search(criteria).total();
    }
}
