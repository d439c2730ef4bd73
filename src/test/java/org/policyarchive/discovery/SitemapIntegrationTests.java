package org.policyarchive.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.policyarchive.record.RecordEditor;
import org.policyarchive.record.RecordStatus;
import org.policyarchive.record.Role;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.Drafts;
import org.policyarchive.testing.Pages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@SpringBootTest
@AutoConfigureMockMvc
@CleanArchive
class SitemapIntegrationTests {

    static final String SEED_SLUG = "state-council-study-session-digital-economy-2023-08-21";

    @Autowired
    MockMvc mvc;

    @Autowired
    RecordEditor editor;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theIndexListsValidSitemapsOfRecordsPeopleAndThemes() throws Exception {
        editor.create(Drafts.speech("A draft").status(RecordStatus.DRAFT).build(), "test", null);
        long withdrawn = editor.create(Drafts.speech("Withdrawn").build(), "test", null);
        editor.changeStatus(withdrawn, RecordStatus.WITHDRAWN, "test", null);
        editor.create(
                Drafts.speech("Published")
                        .by("Jane Doe", org.policyarchive.record.Role.SPOKE)
                        .build(),
                "test",
                null);

        Document index = xml("/sitemap.xml", "schemas/siteindex.xsd");
        assertThat(index.select("sitemap > loc").eachText())
                .containsExactly(
                        "http://localhost/sitemaps/records-1.xml",
                        "http://localhost/sitemaps/people-1.xml",
                        "http://localhost/sitemaps/themes-1.xml");
        String newest = jdbc.queryForObject(
                "select to_char(max(updated_at) at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') from record"
                        + " where status = 'PUBLISHED'",
                String.class);
        assertThat(index.select("sitemap").first().select("lastmod").text()).isEqualTo(newest);

        Document records = xml("/sitemaps/records-1.xml", "schemas/sitemap.xsd");
        assertThat(records.select("url > loc").eachText())
                .startsWith(
                        "http://localhost/",
                        "http://localhost/records",
                        "http://localhost/people",
                        "http://localhost/themes")
                .containsExactlyInAnyOrder(
                        "http://localhost/",
                        "http://localhost/records",
                        "http://localhost/people",
                        "http://localhost/themes",
                        "http://localhost/records/" + SEED_SLUG,
                        "http://localhost/records/published");
        assertThat(records.select("url:has(loc:contains(" + SEED_SLUG + ")) lastmod")
                        .text())
                .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");

        Document people = xml("/sitemaps/people-1.xml", "schemas/sitemap.xsd");
        assertThat(people.select("url > loc")).hasSize(7);
        assertThat(people.select("url > loc").eachText())
                .contains("http://localhost/people/chen-chun", "http://localhost/people/jane-doe");

        Document themes = xml("/sitemaps/themes-1.xml", "schemas/sitemap.xsd");
        assertThat(themes.select("url > loc")).hasSize(15);
        assertThat(themes.select("url > loc").eachText()).contains("http://localhost/themes/talent");
    }

    @Test
    void aSitemapHoldsABlockOfFiftyThousandIds() throws Exception {
        jdbc.update(
                "insert into record (id, slug, title, kind, language, body, status) values (?, 'far-away', 'Far away',"
                        + " 'SPEECH', 'en', 'Text.', 'PUBLISHED')",
                2L * SitemapController.PER_SITEMAP + 1);

        Document index = xml("/sitemap.xml", "schemas/siteindex.xsd");
        assertThat(index.select("sitemap > loc").eachText())
                .containsExactly(
                        "http://localhost/sitemaps/records-1.xml",
                        "http://localhost/sitemaps/records-3.xml",
                        "http://localhost/sitemaps/people-1.xml",
                        "http://localhost/sitemaps/themes-1.xml");
        assertThat(xml("/sitemaps/records-1.xml", "schemas/sitemap.xsd").select("url > loc"))
                .hasSize(5);
        assertThat(xml("/sitemaps/records-3.xml", "schemas/sitemap.xsd")
                        .select("url > loc")
                        .eachText())
                .containsExactly("http://localhost/records/far-away");
        for (String missing : List.of(
                "/sitemaps/records-2.xml",
                "/sitemaps/people-2.xml",
                "/sitemaps/themes-2.xml",
                "/sitemaps/other-1.xml")) {
            assertThat(mvc.perform(get(missing)).andReturn().getResponse().getStatus())
                    .as(missing)
                    .isEqualTo(404);
        }
    }

    @Test
    void robotsPointAtTheSitemapAndKeepCrawlersOutOfFiltersSearchesAndAdmin() throws Exception {
        MvcResult result = mvc.perform(get("/robots.txt")).andReturn();

        assertThat(result.getResponse().getContentType()).isEqualTo("text/plain;charset=UTF-8");
        assertThat(result.getResponse().getContentAsString()).isEqualTo("""
            User-agent: *
            Disallow: /records?
            Disallow: /records/feed.atom?
            Disallow: /search?
            Disallow: /search/
            Disallow: /admin
            Disallow: /account
            Disallow: /login
            Disallow: /logout
            Allow: /

            Sitemap: http://localhost/sitemap.xml
            """);
    }

    @Test
    void filterLinksCarryNofollow() throws Exception {
        Document records = Pages.load(mvc, get("/records?kind=study-session"), 200);
        assertThat(records.select(".facets a[href^=/records]"))
                .isNotEmpty()
                .allSatisfy(a -> assertThat(a.attr("rel")).isEqualTo("nofollow"));
        // the facets' links to the lists of all people and themes lead to pages the sitemap lists: followed
        assertThat(records.select(".facets a:not([href^=/records])").eachAttr("href"))
                .containsExactly("/themes", "/people");
        assertThat(records.select(".facets a:not([href^=/records])"))
                .allSatisfy(a -> assertThat(a.hasAttr("rel")).isFalse());
        assertThat(records.select(".active-filters a"))
                .isNotEmpty()
                .allSatisfy(a -> assertThat(a.attr("rel")).isEqualTo("nofollow"));

        Document search = Pages.load(mvc, get("/search?q=digital&kind=study_session"), 200);
        var filters = search.select("main a[href^=/search?]");
        assertThat(filters)
                .isNotEmpty()
                .allSatisfy(a -> assertThat(a.attr("rel")).as(a.outerHtml()).isEqualTo("nofollow"));

        // a person's and a theme's pages link other orders (and a person's page other roles) of the same records
        editor.create(
                Drafts.speech("Chen Chun mentioned")
                        .by("Chen Chun", Role.MENTIONED)
                        .theme("Digital economy")
                        .build(),
                "test",
                null);
        for (String path : List.of("/people/chen-chun?sort=oldest", "/themes/digital-economy?sort=title")) {
            Document page = Pages.load(mvc, get(path), 200);
            assertThat(page.select("main a[href*=?]"))
                    .as(path)
                    .isNotEmpty()
                    .allSatisfy(a -> assertThat(a.attr("rel")).as(a.outerHtml()).isEqualTo("nofollow"));
        }

        Document record = Pages.load(mvc, get("/records/" + SEED_SLUG), 200);
        assertThat(record.select("main a[href^=/records?]"))
                .hasSize(2)
                .allSatisfy(a -> assertThat(a.attr("rel")).isEqualTo("nofollow"));
        // the records themselves stay followed
        assertThat(records.select(".record-item__title a").attr("rel")).isEmpty();
    }

    /** The document at {@code path}, after checking that it is XML valid against the schema. */
    private Document xml(String path, String schema) throws Exception {
        MvcResult result = mvc.perform(get(path)).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        assertThat(result.getResponse().getContentType()).isEqualTo("application/xml;charset=UTF-8");
        String body = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(new ClassPathResource(schema).getURL())
                .newValidator()
                .validate(new StreamSource(new StringReader(body)));
        return Jsoup.parse(body, "", Parser.xmlParser());
    }
}
