package org.policyarchive.oai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyarchive.oai.OaiResponses.errorCode;
import static org.policyarchive.oai.OaiResponses.harvest;
import static org.policyarchive.testing.WebClient.location;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policyarchive.account.AccountRole;
import org.policyarchive.account.UserAccounts;
import org.policyarchive.record.RecordCatalog;
import org.policyarchive.record.RecordEditor;
import org.policyarchive.record.RecordStatus;
import org.policyarchive.record.Role;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.Drafts;
import org.policyarchive.testing.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The datestamp is the record's {@code updated_at}, and every write that changes what a harvester gets moves it: an
 * edit, a restore, a status change, and a person or a theme renamed or merged (which change the creators, contributors
 * or subjects of their records). Incremental harvests ({@code from}, {@code until}) at day and second granularity then
 * find exactly what changed.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"archive.oai.page-size=2", "archive.oai.repository-identifier=archive.example.org"})
@CleanArchive
class OaiDatestampIntegrationTests {

    static final String ID = "oai:archive.example.org:";
    static final String SINCE = "&from=2021-01-01T00:00:00Z";

    @LocalServerPort
    int port;

    @Autowired
    RecordEditor editor;

    @Autowired
    RecordCatalog catalog;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    WebClient web;

    @BeforeEach
    void records() {
        web = new WebClient(port);
        editor.create(
                Drafts.speech("First")
                        .slug("first")
                        .by("Jane Doe", Role.SPOKE)
                        .theme("Trade")
                        .build(),
                "test",
                null);
        editor.create(
                Drafts.speech("Second")
                        .slug("second")
                        .by("J. Doe", Role.PARTICIPATED)
                        .build(),
                "test",
                null);
        editor.create(Drafts.speech("Third").slug("third").theme("Trade").build(), "test", null);
        editor.create(Drafts.speech("Fourth").slug("fourth").build(), "test", null);
        age();
    }

    @Test
    void anEditARestoreAndAStatusChangeMoveTheDatestamp() throws Exception {
        assertThat(harvest(web, SINCE)).isEmpty();

        long first = id("first");
        editor.update(
                first,
                editor.currentVersion(first),
                Drafts.speech("First, corrected").slug("first").build(),
                "test",
                null);
        assertThat(harvest(web, SINCE)).containsExactly(ID + "first");

        age();
        editor.restore(first, 1, "test", null);
        assertThat(harvest(web, SINCE)).containsExactly(ID + "first");

        age();
        editor.changeStatus(id("second"), RecordStatus.WITHDRAWN, "test", null);
        assertThat(harvest(web, SINCE)).containsExactly(ID + "second");
        age();
        editor.changeStatus(id("second"), RecordStatus.PUBLISHED, "test", null);
        assertThat(harvest(web, SINCE)).containsExactly(ID + "second");
    }

    @Test
    void renamingOrMergingPeopleAndRenamingThemesMoveTheirRecordsDatestamps() throws Exception {
        WebClient editorsBrowser = WebClient.signedIn(port, accounts, AccountRole.EDITOR);
        long jane = personId("Jane Doe");
        HttpResponse<String> renamed =
                editorsBrowser.submit("/admin/people/" + jane + "/edit", Map.of("name", "Jane Q. Doe"));
        assertThat(location(renamed)).isEqualTo("/admin/people/" + jane + "/edit");
        assertThat(harvest(web, SINCE)).containsExactly(ID + "first");
        assertThat(creators("first")).containsExactly("Jane Q. Doe");

        age();
        long trade = jdbc.sql("select id from theme where slug = 'trade'")
                .query(Long.class)
                .single();
        HttpResponse<String> themeRenamed =
                editorsBrowser.submit("/admin/themes/" + trade + "/edit", Map.of("name", "Trade and tariffs"));
        assertThat(location(themeRenamed)).isEqualTo("/admin/themes/" + trade + "/edit");
        assertThat(harvest(web, SINCE)).containsExactlyInAnyOrder(ID + "first", ID + "third");

        age();
        long other = personId("J. Doe");
        editorsBrowser.get("/admin/people/" + jane + "/merge?mergedId=" + other);
        HttpResponse<String> merged = editorsBrowser.postFieldsWithToken(
                "/admin/people/" + jane + "/merge", Map.of("mergedId", String.valueOf(other)));
        assertThat(location(merged)).isEqualTo("/admin/people/" + jane + "/edit");
        assertThat(harvest(web, SINCE)).containsExactly(ID + "second");
    }

    @Test
    void fromAndUntilSelectBySecondOrByDayBothEndsIncluded() throws Exception {
        stamp("first", "2021-05-01T10:00:00.400Z");
        stamp("second", "2021-05-01T10:00:01Z");
        stamp("third", "2021-05-02T00:00:00Z");

        assertThat(harvest(web, "&from=2021-05-01T10:00:00Z&until=2021-05-01T10:00:00Z"))
                .containsExactly(ID + "first");
        assertThat(harvest(web, "&from=2021-05-01T10:00:01Z")).containsExactly(ID + "second", ID + "third");
        assertThat(harvest(web, "&from=2021-05-01&until=2021-05-01")).containsExactly(ID + "first", ID + "second");
        assertThat(harvest(web, "&from=2021-05-02")).containsExactly(ID + "third");
        assertThat(harvest(web, "&until=2020-12-31"))
                .containsExactlyInAnyOrder(
                        ID + "fourth", ID + "state-council-study-session-digital-economy-2023-08-21");
        assertThat(harvest(web, "&until=2020-12-31&set=theme:trade")).isEmpty();
        assertThat(errorCode(OaiResponses.get(
                        web, "verb=ListIdentifiers&metadataPrefix=oai_dc&from=2021-05-01T10:00:02Z&until=2021-05-01")))
                .isEqualTo("badArgument");
        assertThat(errorCode(
                        OaiResponses.get(web, "verb=ListIdentifiers&metadataPrefix=oai_dc&from=2021-05-02T00:00:01Z")))
                .isEqualTo("noRecordsMatch");
    }

    /** Puts every record's datestamp in 2020, so that {@code from=2021} finds only what changes afterwards. */
    void age() {
        jdbc.sql("update record set updated_at = timestamptz '2020-01-01 00:00:00+00'")
                .update();
    }

    void stamp(String slug, String instant) {
        jdbc.sql("update record set updated_at = ? where slug = ?")
                .param(Timestamp.from(Instant.parse(instant)))
                .param(slug)
                .update();
    }

    long id(String slug) {
        return catalog.findBySlug(slug).orElseThrow().getId();
    }

    long personId(String name) {
        return jdbc.sql("select id from person where name = ?")
                .param(name)
                .query(Long.class)
                .single();
    }

    List<String> creators(String slug) throws Exception {
        return OaiResponses.get(web, "verb=GetRecord&metadataPrefix=oai_dc&identifier=" + ID + slug)
                .getElementsByTagNameNS("http://purl.org/dc/elements/1.1/", "creator")
                .item(0)
                .getTextContent()
                .lines()
                .toList();
    }
}
