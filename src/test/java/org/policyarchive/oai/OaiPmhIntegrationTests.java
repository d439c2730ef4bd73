package org.policyarchive.oai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyarchive.oai.OaiResponses.encode;
import static org.policyarchive.oai.OaiResponses.identifiers;
import static org.policyarchive.oai.OaiResponses.parse;
import static org.policyarchive.oai.OaiResponses.resumptionToken;
import static org.policyarchive.oai.OaiResponses.text;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import io.gdcc.xoai.model.oaipmh.DeletedRecord;
import io.gdcc.xoai.model.oaipmh.Granularity;
import io.gdcc.xoai.model.oaipmh.results.MetadataFormat;
import io.gdcc.xoai.model.oaipmh.results.Record;
import io.gdcc.xoai.model.oaipmh.results.Set;
import io.gdcc.xoai.model.oaipmh.results.record.Header;
import io.gdcc.xoai.model.oaipmh.verbs.Identify;
import io.gdcc.xoai.serviceprovider.ServiceProvider;
import io.gdcc.xoai.serviceprovider.client.JdkHttpOaiClient;
import io.gdcc.xoai.serviceprovider.exceptions.NoRecordsMatchException;
import io.gdcc.xoai.serviceprovider.model.Context;
import io.gdcc.xoai.serviceprovider.parameters.GetRecordParameters;
import io.gdcc.xoai.serviceprovider.parameters.ListIdentifiersParameters;
import io.gdcc.xoai.serviceprovider.parameters.ListMetadataParameters;
import io.gdcc.xoai.serviceprovider.parameters.ListRecordsParameters;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policyarchive.record.RecordCatalog;
import org.policyarchive.record.RecordEditor;
import org.policyarchive.record.RecordKind;
import org.policyarchive.record.RecordStatus;
import org.policyarchive.record.Role;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.Drafts;
import org.policyarchive.testing.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A real harvester (XOAI's service provider, the one Dataverse harvests with) reads {@code /oai} end to end over HTTP,
 * every verb, every set and every resumption token, and what it gets is compared with the database; every response,
 * errors included, validates against the OAI-PMH and oai_dc schemas. Three items to a page, so that lists take several
 * tokens.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "archive.oai.page-size=3",
            "archive.oai.repository-identifier=archive.example.org",
            "archive.oai.admin-email=archivist@example.org"
        })
@AutoConfigureMockMvc
@CleanArchive
class OaiPmhIntegrationTests {

    static final String SEED = "state-council-study-session-digital-economy-2023-08-21";
    static final String ID_PREFIX = "oai:archive.example.org:";
    static final String OAI_NS = OaiResponses.OAI_NS;
    static final String DC_NS = "http://purl.org/dc/elements/1.1/";

    @LocalServerPort
    int port;

    @Autowired
    RecordEditor editor;

    @Autowired
    RecordCatalog catalog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    WebClient web;

    @BeforeEach
    void records() {
        web = new WebClient(port);
        for (int i = 1; i <= 9; i++) {
            Drafts draft = Drafts.speech("Speech number " + i)
                    .slug("speech-" + i)
                    .kind(i % 2 == 1 ? RecordKind.SPEECH : RecordKind.REPORT)
                    .date("2024-03-0" + i)
                    .by("Jane Doe", Role.SPOKE)
                    .by("John Roe", Role.PARTICIPATED)
                    .by("Someone Mentioned", Role.MENTIONED);
            if (i % 3 == 0) {
                draft.theme("Trade");
            }
            if (i == 6) {
                draft.theme("Digital economy").place("Geneva").organization("World Trade Organization");
            }
            editor.create(draft.build(), "test", null);
        }
        editor.create(
                Drafts.speech("A speech in English")
                        .slug("speech-en")
                        .summary("What was said, in short.")
                        .build(),
                "test",
                null);
        editor.create(
                Drafts.speech("一篇讲话")
                        .slug("speech-zh")
                        .language("zh-Hans")
                        .translationOf("speech-en")
                        .build(),
                "test",
                null);
        editor.create(
                Drafts.speech("A withdrawn statement")
                        .slug("withdrawn-statement")
                        .kind(RecordKind.STATEMENT)
                        .theme("Trade")
                        .status(RecordStatus.WITHDRAWN)
                        .build(),
                "test",
                null);
        editor.create(
                Drafts.speech("A draft memo")
                        .slug("draft-memo")
                        .status(RecordStatus.DRAFT)
                        .build(),
                "test",
                null);
    }

    @Test
    void harvesterReadsEveryVerbSetAndTokenAsTheDatabaseHoldsThem() throws Exception {
        ServiceProvider harvester = harvester();
        Map<String, Expected> database = database();
        assertThat(database).hasSize(13).doesNotContainKey(ID_PREFIX + "draft-memo");

        Identify identify = harvester.identify();
        assertThat(identify.getRepositoryName()).isEqualTo("Policy Archive");
        assertThat(identify.getBaseURL()).isEqualTo(base());
        assertThat(identify.getProtocolVersion()).isEqualTo("2.0");
        assertThat(identify.getAdminEmails()).containsExactly("archivist@example.org");
        assertThat(identify.getDeletedRecord()).isEqualTo(DeletedRecord.TRANSIENT);
        assertThat(identify.getGranularity()).isEqualTo(Granularity.Second);
        assertThat(identify.getEarliestDatestamp())
                .isEqualTo(database.values().stream()
                        .map(Expected::datestamp)
                        .min(Instant::compareTo)
                        .orElseThrow());

        List<MetadataFormat> formats = list(harvester.listMetadataFormats());
        assertThat(formats).singleElement().satisfies(format -> {
            assertThat(format.getMetadataPrefix()).isEqualTo("oai_dc");
            assertThat(format.getSchema()).isEqualTo("http://www.openarchives.org/OAI/2.0/oai_dc.xsd");
            assertThat(format.getMetadataNamespace()).isEqualTo("http://www.openarchives.org/OAI/2.0/oai_dc/");
        });
        assertThat(list(harvester.listMetadataFormats(
                        ListMetadataParameters.request().withIdentifier(ID_PREFIX + SEED))))
                .extracting(MetadataFormat::getMetadataPrefix)
                .containsExactly("oai_dc");

        List<String> sets =
                list(harvester.listSets()).stream().map(Set::getSpec).toList();
        List<String> expectedSets = new ArrayList<>();
        expectedSets.add("kind");
        jdbc.sql("select id from kind order by position")
                .query(String.class)
                .list()
                .forEach(id -> expectedSets.add("kind:" + RecordKind.valueOf(id).code()));
        expectedSets.add("theme");
        jdbc.sql("select slug from theme")
                .query(String.class)
                .list()
                .forEach(slug -> expectedSets.add("theme:" + slug));
        assertThat(sets).containsExactlyInAnyOrderElementsOf(expectedSets);

        assertThat(headers(harvester, null)).isEqualTo(database);
        for (String set : sets) {
            Map<String, Expected> inSet = new LinkedHashMap<>();
            database.forEach((id, expected) -> {
                if (inSet(set).test(expected)) {
                    inSet.put(id, expected);
                }
            });
            assertThat(headers(harvester, set)).as(set).isEqualTo(inSet);
        }

        Map<String, Record> records = new LinkedHashMap<>();
        Iterator<Record> listed =
                harvester.listRecords(ListRecordsParameters.request().withMetadataPrefix("oai_dc"));
        listed.forEachRemaining(record -> records.put(record.getHeader().getIdentifier(), record));
        assertThat(records.keySet()).containsExactlyInAnyOrderElementsOf(database.keySet());
        for (Record record : records.values()) {
            String identifier = record.getHeader().getIdentifier();
            assertThat(header(record.getHeader())).as(identifier).isEqualTo(database.get(identifier));
            String slug = identifier.substring(ID_PREFIX.length());
            if (record.getHeader().isDeleted()) {
                assertThat(record.getMetadata()).as(identifier).isNull();
            } else {
                assertThat(dublinCore(record)).as(identifier).isEqualTo(expectedDublinCore(slug));
            }
            Record got = harvester.getRecord(
                    GetRecordParameters.request().withIdentifier(identifier).withMetadataFormatPrefix("oai_dc"));
            assertThat(header(got.getHeader())).as(identifier).isEqualTo(database.get(identifier));
            if (!got.getHeader().isDeleted()) {
                assertThat(dublinCore(got)).as(identifier).isEqualTo(expectedDublinCore(slug));
            }
        }
    }

    @Test
    void seedRecordIsDublinCoreWithEveryField() throws Exception {
        Map<String, List<String>> dc = dublinCore(harvester()
                .getRecord(GetRecordParameters.request()
                        .withIdentifier(ID_PREFIX + SEED)
                        .withMetadataFormatPrefix("oai_dc")));

        assertThat(dc.get("title"))
                .containsExactly("en|Chinese Premier Li Keqiang Chairs State Council Special Study on Accelerating"
                        + " Digital Economy Development");
        assertThat(dc.get("creator")).containsExactly("|Li Keqiang", "|Chen Chun");
        assertThat(dc.get("contributor")).containsExactly("|Ding Xuexiang", "|Zhang Guoqing", "|Liu Guozhong");
        assertThat(dc.get("subject")).contains("en|Digital economy", "zh|数字经济", "en|Talent");
        assertThat(dc.get("description"))
                .singleElement()
                .asString()
                .startsWith("en|The State Council's third special study session");
        assertThat(dc.get("publisher")).containsExactly("|State Council");
        assertThat(dc.get("date")).containsExactly("|2023-08-21");
        assertThat(dc.get("type")).containsExactly("en|study session", "|Text");
        assertThat(dc.get("identifier")).first().isEqualTo("|http://127.0.0.1:" + port + "/records/" + SEED);
        assertThat(dc.get("source"))
                .containsExactly("|English-language report of the session (the archive's seed text).");
        assertThat(dc.get("language")).containsExactly("|en");
        assertThat(dc.get("coverage")).containsExactly("|Beijing");
        assertThat(dc).doesNotContainKey("relation");
    }

    @Test
    void translationsRelateBothWaysAndPeopleOnlyMentionedAreLeftOut() throws Exception {
        ServiceProvider harvester = harvester();
        Map<String, List<String>> english = dublinCore(harvester.getRecord(GetRecordParameters.request()
                .withIdentifier(ID_PREFIX + "speech-en")
                .withMetadataFormatPrefix("oai_dc")));
        Map<String, List<String>> chinese = dublinCore(harvester.getRecord(GetRecordParameters.request()
                .withIdentifier(ID_PREFIX + "speech-zh")
                .withMetadataFormatPrefix("oai_dc")));
        assertThat(english.get("relation")).containsExactly("|http://127.0.0.1:" + port + "/records/speech-zh");
        assertThat(chinese.get("relation")).containsExactly("|http://127.0.0.1:" + port + "/records/speech-en");
        assertThat(chinese.get("title")).containsExactly("zh-Hans|一篇讲话");
        assertThat(english.get("description")).containsExactly("en|What was said, in short.");

        Map<String, List<String>> speech = dublinCore(harvester.getRecord(GetRecordParameters.request()
                .withIdentifier(ID_PREFIX + "speech-6")
                .withMetadataFormatPrefix("oai_dc")));
        assertThat(speech.get("creator")).containsExactly("|Jane Doe");
        assertThat(speech.get("contributor")).containsExactly("|John Roe");
        assertThat(speech.get("subject")).containsExactly("en|Digital economy", "zh|数字经济", "en|Trade");
        assertThat(speech.get("coverage")).containsExactly("|Geneva");
        assertThat(speech.get("publisher")).containsExactly("|World Trade Organization");
        assertThat(speech.get("type")).containsExactly("en|report", "|Text");
        assertThat(speech.values().stream().flatMap(List::stream)).noneMatch(value -> value.contains("Mentioned"));
    }

    @Test
    void listsFollowTokensWithCursorAndSizeAndEveryPageValidates() throws Exception {
        for (String verb : List.of("ListIdentifiers", "ListRecords")) {
            List<Long> cursors = new ArrayList<>();
            List<String> identifiers = new ArrayList<>();
            String query = "verb=" + verb + "&metadataPrefix=oai_dc";
            String token;
            do {
                Document page = oai(query);
                NodeList headers = page.getElementsByTagNameNS(OAI_NS, "header");
                for (int i = 0; i < headers.getLength(); i++) {
                    identifiers.add(text((Element) headers.item(i), "identifier"));
                }
                Element resumption = (Element)
                        page.getElementsByTagNameNS(OAI_NS, "resumptionToken").item(0);
                assertThat(resumption)
                        .as("a token on every page of a list longer than one page")
                        .isNotNull();
                assertThat(resumption.getAttribute("completeListSize")).isEqualTo("13");
                cursors.add(Long.parseLong(resumption.getAttribute("cursor")));
                token = resumption.getTextContent();
                if (!token.isEmpty()) {
                    assertThat(Instant.parse(resumption.getAttribute("expirationDate")))
                            .isAfter(Instant.now().plus(Duration.ofHours(23)));
                }
                query = "verb=" + verb + "&resumptionToken=" + encode(token);
            } while (!token.isEmpty());
            assertThat(cursors).as(verb).containsExactly(0L, 3L, 6L, 9L, 12L);
            assertThat(identifiers).as(verb).doesNotHaveDuplicates().hasSize(13);
        }
        Document whole = oai("verb=ListIdentifiers&metadataPrefix=oai_dc&set=kind:statement");
        assertThat(whole.getElementsByTagNameNS(OAI_NS, "header").getLength()).isEqualTo(1);
        assertThat(whole.getElementsByTagNameNS(OAI_NS, "resumptionToken").getLength())
                .as("a list that fits in one page has no token")
                .isZero();
    }

    @Test
    void pagingStaysWholeWhileRecordsAreEditedDuringTheHarvest() throws Exception {
        List<String> order = new ArrayList<>(database().entrySet().stream()
                .sorted(Map.Entry.comparingByValue((a, b) -> a.updatedAt().compareTo(b.updatedAt())))
                .map(Map.Entry::getKey)
                .toList());
        Document first = oai("verb=ListIdentifiers&metadataPrefix=oai_dc");
        List<String> seen = new ArrayList<>(identifiers(first));
        assertThat(seen).containsExactlyElementsOf(order.subList(0, 3));

        // one record already given is withdrawn, one not given yet is edited, and a new one is published
        String given = seen.get(1).substring(ID_PREFIX.length());
        String later = order.get(5).substring(ID_PREFIX.length());
        editor.changeStatus(id(given), RecordStatus.WITHDRAWN, "test", null);
        long laterId = id(later);
        editor.update(
                laterId,
                editor.currentVersion(laterId),
                Drafts.speech("Edited during the harvest").slug(later).build(),
                "test",
                null);
        editor.create(
                Drafts.speech("Published during the harvest").slug("new-one").build(), "test", null);

        String token = resumptionToken(first);
        while (!token.isEmpty()) {
            Document page = oai("verb=ListIdentifiers&resumptionToken=" + encode(token));
            seen.addAll(identifiers(page));
            token = resumptionToken(page);
        }
        assertThat(new HashSet<>(seen))
                .containsExactlyInAnyOrderElementsOf(database().keySet());
        // the changed records come again at the end, in the order they changed; nothing else twice
        assertThat(seen.subList(seen.size() - 3, seen.size()))
                .containsExactly(ID_PREFIX + given, ID_PREFIX + later, ID_PREFIX + "new-one");
        assertThat(seen).hasSize(13 + 1 + 1);
    }

    @Test
    void everyProtocolErrorHasItsCodeWithStatus200() throws Exception {
        String token = new ResumptionToken(
                        null, null, null, Instant.now(), 1, 3, 13, Instant.now().minus(Duration.ofDays(2)))
                .encode();
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("", "badVerb");
        cases.put("verb=Harvest", "badVerb");
        cases.put("verb=Identify&verb=Identify", "badVerb");
        cases.put("verb=Identify&metadataPrefix=oai_dc", "badArgument");
        cases.put("verb=ListRecords", "badArgument");
        cases.put("verb=ListIdentifiers&metadataPrefix=oai_dc&metadataPrefix=oai_dc", "badArgument");
        cases.put("verb=ListRecords&metadataPrefix=oai_dc&from=yesterday", "badArgument");
        cases.put("verb=ListRecords&metadataPrefix=oai_dc&from=2023-02-30", "badArgument");
        cases.put("verb=ListRecords&metadataPrefix=oai_dc&from=2023-01-01T00:00:00.5Z", "badArgument");
        cases.put("verb=ListRecords&metadataPrefix=oai_dc&from=2023-01-01&until=2024-01-01T00:00:00Z", "badArgument");
        cases.put("verb=ListRecords&metadataPrefix=oai_dc&from=2024-01-02&until=2024-01-01", "badArgument");
        cases.put("verb=ListRecords&metadataPrefix=oai_dc&set=not%20a%20set", "badArgument");
        cases.put("verb=ListRecords&metadataPrefix=oai_dc&resumptionToken=" + token, "badArgument");
        cases.put("verb=GetRecord&metadataPrefix=oai_dc", "badArgument");
        cases.put("verb=ListSets&set=kind", "badArgument");
        cases.put("verb=ListRecords&resumptionToken=not-a-token", "badResumptionToken");
        cases.put("verb=ListIdentifiers&resumptionToken=" + token, "badResumptionToken");
        cases.put("verb=ListSets&resumptionToken=" + token, "badResumptionToken");
        cases.put("verb=ListRecords&metadataPrefix=marc21", "cannotDisseminateFormat");
        cases.put("verb=GetRecord&metadataPrefix=mods&identifier=" + ID_PREFIX + SEED, "cannotDisseminateFormat");
        cases.put("verb=GetRecord&metadataPrefix=oai_dc&identifier=" + ID_PREFIX + "no-such-record", "idDoesNotExist");
        cases.put("verb=GetRecord&metadataPrefix=oai_dc&identifier=" + ID_PREFIX + "draft-memo", "idDoesNotExist");
        cases.put("verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:elsewhere.org:" + SEED, "idDoesNotExist");
        cases.put("verb=ListMetadataFormats&identifier=" + ID_PREFIX + "no-such-record", "idDoesNotExist");
        cases.put("verb=ListRecords&metadataPrefix=oai_dc&from=2100-01-01", "noRecordsMatch");
        cases.put("verb=ListRecords&metadataPrefix=oai_dc&set=theme:no-such-theme", "noRecordsMatch");
        cases.put("verb=ListIdentifiers&metadataPrefix=oai_dc&set=kind:veto-message", "noRecordsMatch");
        cases.put("verb=ListIdentifiers&metadataPrefix=oai_dc&set=place:geneva", "noRecordsMatch");
        cases.put("verb=ListMetadataFormats&identifier=" + ID_PREFIX + "withdrawn-statement", "noMetadataFormats");
        for (Map.Entry<String, String> request : cases.entrySet()) {
            Document answer = oai(request.getKey());
            NodeList errors = answer.getElementsByTagNameNS(OAI_NS, "error");
            assertThat(errors.getLength()).as(request.getKey()).isEqualTo(1);
            Element error = (Element) errors.item(0);
            assertThat(error.getAttribute("code")).as(request.getKey()).isEqualTo(request.getValue());
            assertThat(error.getTextContent()).as(request.getKey()).isNotBlank();
            Element echoed =
                    (Element) answer.getElementsByTagNameNS(OAI_NS, "request").item(0);
            assertThat(echoed.getTextContent()).isEqualTo(base());
            if (request.getValue().equals("badVerb") || request.getValue().equals("badArgument")) {
                assertThat(echoed.getAttributes().getLength())
                        .as("the request of a badVerb or badArgument answer names no argument: %s", request.getKey())
                        .isZero();
            } else {
                assertThat(echoed.getAttribute("verb")).as(request.getKey()).isNotEmpty();
            }
        }
        // every error code OAI-PMH has but noSetHierarchy, which an archive with sets never gives
        assertThat(new HashSet<>(cases.values()))
                .containsExactlyInAnyOrder(
                        "badVerb",
                        "badArgument",
                        "badResumptionToken",
                        "cannotDisseminateFormat",
                        "idDoesNotExist",
                        "noRecordsMatch",
                        "noMetadataFormats");
    }

    @Test
    void withdrawnRecordsAreDeletedHeadersAndDraftsNeverAppear() throws Exception {
        Document answer = oai("verb=GetRecord&metadataPrefix=oai_dc&identifier=" + ID_PREFIX + "withdrawn-statement");
        Element header =
                (Element) answer.getElementsByTagNameNS(OAI_NS, "header").item(0);
        assertThat(header.getAttribute("status")).isEqualTo("deleted");
        assertThat(answer.getElementsByTagNameNS(OAI_NS, "metadata").getLength())
                .isZero();
        assertThat(text(header, "setSpec")).isEqualTo("kind:statement");

        List<String> all = new ArrayList<>();
        Iterator<Header> headers =
                harvester().listIdentifiers(ListIdentifiersParameters.request().withMetadataPrefix("oai_dc"));
        headers.forEachRemaining(h -> all.add(h.getIdentifier()));
        assertThat(all).contains(ID_PREFIX + "withdrawn-statement").doesNotContain(ID_PREFIX + "draft-memo");
    }

    @Test
    void postTakesTheSameArgumentsAsAForm() throws Exception {
        HttpResponse<String> posted = web.postFields(
                "/oai", Map.of("verb", "GetRecord", "metadataPrefix", "oai_dc", "identifier", ID_PREFIX + SEED));
        assertThat(posted.statusCode()).isEqualTo(200);
        Document answer = parse(posted.body());
        OaiSchemas.validate(posted.body());
        assertThat(text(answer.getDocumentElement(), "identifier")).isEqualTo(ID_PREFIX + SEED);

        HttpResponse<String> error = web.postFields("/oai", Map.of("verb", "Nothing"));
        assertThat(error.statusCode()).isEqualTo(200);
        assertThat(((Element) parse(error.body())
                                .getElementsByTagNameNS(OAI_NS, "error")
                                .item(0))
                        .getAttribute("code"))
                .isEqualTo("badVerb");
    }

    @Test
    void onlyHttpProblemsGetAnHttpError() throws Exception {
        assertThat(mvc.perform(put("/oai").param("verb", "Identify"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(405);
        assertThat(mvc.perform(post("/oai")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"verb\": \"Identify\"}"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(415);
    }

    @Test
    void everyVerbAnswersValidXml() throws Exception {
        for (String query : List.of(
                "verb=Identify",
                "verb=ListMetadataFormats",
                "verb=ListMetadataFormats&identifier=" + ID_PREFIX + SEED,
                "verb=ListSets",
                "verb=GetRecord&metadataPrefix=oai_dc&identifier=" + ID_PREFIX + SEED,
                "verb=GetRecord&metadataPrefix=oai_dc&identifier=" + ID_PREFIX + "speech-zh",
                "verb=ListIdentifiers&metadataPrefix=oai_dc&set=theme",
                "verb=ListRecords&metadataPrefix=oai_dc&set=theme:trade&from=2000-01-01&until=2100-01-01")) {
            Document answer = oai(query);
            assertThat(answer.getElementsByTagNameNS(OAI_NS, "error").getLength())
                    .as(query)
                    .isZero();
        }
    }

    // --- the harvester and the database

    ServiceProvider harvester() {
        return new ServiceProvider(new Context()
                .withBaseUrl(base())
                .withGranularity(Granularity.Second)
                .withOAIClient(new JdkHttpOaiClient.JdkHttpBuilder(java.net.http.HttpClient.newBuilder())
                        .withBaseUrl(base())
                        .build())
                .withSaveUnparsedMetadata());
    }

    String base() {
        return "http://127.0.0.1:" + port + "/oai";
    }

    /** What a header must say, as the database has it. */
    record Expected(boolean deleted, Instant datestamp, java.util.Set<String> setSpecs, Instant updatedAt) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Expected that
                    && deleted == that.deleted
                    && datestamp.equals(that.datestamp)
                    && setSpecs.equals(that.setSpecs);
        }

        @Override
        public int hashCode() {
            return datestamp.hashCode();
        }
    }

    /** Every record harvesters see, by identifier, read straight from the tables. */
    Map<String, Expected> database() {
        Map<String, Expected> records = new HashMap<>();
        jdbc.sql("select r.slug, r.status, r.updated_at, r.kind,"
                        + " array(select t.slug from record_theme rt join theme t on t.id = rt.theme_id"
                        + " where rt.record_id = r.id) from record r where r.status <> 'DRAFT'")
                .query((rs, row) -> {
                    java.util.Set<String> specs = new HashSet<>();
                    specs.add("kind:" + RecordKind.valueOf(rs.getString(4)).code());
                    for (String theme : (String[]) rs.getArray(5).getArray()) {
                        specs.add("theme:" + theme);
                    }
                    Instant updated = rs.getTimestamp(3).toInstant();
                    records.put(
                            ID_PREFIX + rs.getString(1),
                            new Expected(
                                    rs.getString(2).equals("WITHDRAWN"),
                                    updated.truncatedTo(ChronoUnit.SECONDS),
                                    specs,
                                    updated));
                    return null;
                })
                .list();
        return records;
    }

    static Predicate<Expected> inSet(String set) {
        if (set.equals("kind")) {
            return expected -> true;
        }
        if (set.equals("theme")) {
            return expected -> expected.setSpecs().stream().anyMatch(spec -> spec.startsWith("theme:"));
        }
        return expected -> expected.setSpecs().contains(set);
    }

    Map<String, Expected> headers(ServiceProvider harvester, String set) throws Exception {
        Map<String, Expected> headers = new HashMap<>();
        ListIdentifiersParameters parameters =
                ListIdentifiersParameters.request().withMetadataPrefix("oai_dc");
        if (set != null) {
            parameters.withSetSpec(set);
        }
        try {
            harvester.listIdentifiers(parameters).forEachRemaining(header -> {
                assertThat(headers).doesNotContainKey(header.getIdentifier());
                headers.put(header.getIdentifier(), header(header));
            });
        } catch (RuntimeException e) {
            if (!(e.getCause() instanceof NoRecordsMatchException)) {
                throw e;
            }
        }
        return headers;
    }

    static Expected header(Header header) {
        return new Expected(
                header.isDeleted(), header.getDatestamp(), new HashSet<>(header.getSetSpecs()), header.getDatestamp());
    }

    /** The Dublin Core of a harvested record: element name to values, each as {@code xml:lang|text}. */
    static Map<String, List<String>> dublinCore(Record record) throws Exception {
        Document dc = parse(record.getMetadata().asUnparsedString());
        assertThat(dc.getDocumentElement().getLocalName()).isEqualTo("dc");
        assertThat(dc.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.openarchives.org/OAI/2.0/oai_dc/");
        Map<String, List<String>> elements = new LinkedHashMap<>();
        NodeList children = dc.getDocumentElement().getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element element) {
                assertThat(element.getNamespaceURI()).isEqualTo(DC_NS);
                elements.computeIfAbsent(element.getLocalName(), name -> new ArrayList<>())
                        .add(element.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang") + "|"
                                + element.getTextContent());
            }
        }
        return elements;
    }

    /** The Dublin Core a record must have, built from its rows in the database. */
    Map<String, List<String>> expectedDublinCore(String slug) {
        Map<String, Object> row = jdbc.sql("select id, title, kind, date, date_precision, place, organization,"
                        + " language, summary, source, translation_id from record where slug = ?")
                .param(slug)
                .query()
                .singleRow();
        long id = ((Number) row.get("id")).longValue();
        String language = (String) row.get("language");
        Map<String, List<String>> dc = new LinkedHashMap<>();
        add(dc, "title", language, row.get("title"));
        people(id, "'PRESIDED', 'LECTURED', 'SPOKE'").forEach(name -> add(dc, "creator", "", name));
        jdbc.sql("select t.name, t.name_zh from record_theme rt join theme t on t.id = rt.theme_id"
                        + " where rt.record_id = ? order by t.name, t.id")
                .param(id)
                .query((rs, n) -> {
                    add(dc, "subject", "en", rs.getString(1));
                    add(dc, "subject", "zh", rs.getString(2));
                    return null;
                })
                .list();
        add(dc, "description", language, row.get("summary"));
        add(dc, "publisher", "", row.get("organization"));
        people(id, "'PARTICIPATED'").forEach(name -> add(dc, "contributor", "", name));
        if (row.get("date") != null) {
            String date = row.get("date").toString();
            add(
                    dc,
                    "date",
                    "",
                    switch ((String) row.get("date_precision")) {
                        case "YEAR" -> date.substring(0, 4);
                        case "MONTH" -> date.substring(0, 7);
                        default -> date;
                    });
        }
        add(
                dc,
                "type",
                "en",
                jdbc.sql("select label from kind where id = ?")
                        .param(row.get("kind"))
                        .query(String.class)
                        .single());
        add(dc, "type", "", "Text");
        add(dc, "identifier", "", "http://127.0.0.1:" + port + "/records/" + slug);
        add(dc, "source", "", row.get("source"));
        add(dc, "language", "", language);
        jdbc.sql("select slug from record where status = 'PUBLISHED' and (id = ? or translation_id = ?)"
                        + " order by slug")
                .param(row.get("translation_id") == null ? -1L : ((Number) row.get("translation_id")).longValue())
                .param(id)
                .query(String.class)
                .list()
                .forEach(
                        translation -> add(dc, "relation", "", "http://127.0.0.1:" + port + "/records/" + translation));
        add(dc, "coverage", "", row.get("place"));
        return dc;
    }

    List<String> people(long recordId, String roles) {
        return jdbc.sql("select p.name from participation pa join person p on p.id = pa.person_id"
                        + " where pa.record_id = ? and pa.role in (" + roles + ") order by pa.position")
                .param(recordId)
                .query(String.class)
                .list();
    }

    static void add(Map<String, List<String>> dc, String name, String lang, Object value) {
        if (value != null && !value.toString().isBlank()) {
            dc.computeIfAbsent(name, n -> new ArrayList<>()).add(lang + "|" + value);
        }
    }

    long id(String slug) {
        return catalog.findBySlug(slug).orElseThrow().getId();
    }

    // --- raw requests, for what a harvester library hides: tokens, cursors, errors, the request element

    Document oai(String query) throws Exception {
        return OaiResponses.get(web, query);
    }

    static <T> List<T> list(Iterator<T> iterator) {
        List<T> list = new ArrayList<>();
        iterator.forEachRemaining(list::add);
        return list;
    }
}
