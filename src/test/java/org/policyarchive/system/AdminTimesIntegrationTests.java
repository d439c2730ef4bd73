package org.policyarchive.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.policyarchive.account.AccountRole;
import org.policyarchive.account.ApiTokens;
import org.policyarchive.account.UserAccounts;
import org.policyarchive.imports.ImportJobService;
import org.policyarchive.imports.ImportJobView;
import org.policyarchive.interchange.InterchangeFormat;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.Pages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Every admin page that shows an instant shows it one way ({@code fragments :: instant}): a {@code <time>} with the
 * instant in ISO 8601 for machines and a readable text in UTC, said so, for people; never the raw ISO text.
 */
@SpringBootTest
@AutoConfigureMockMvc
@CleanArchive
class AdminTimesIntegrationTests {

    static final String ADMIN_NAME = "time-admin";
    static final RequestPostProcessor ADMIN = user(ADMIN_NAME).roles("ADMIN");

    /** An ISO 8601 date and time, or the fixed "yyyy-MM-dd HH:mm" pattern the pages used to write. */
    static final Pattern RAW_TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\d[T ]\\d\\d:\\d\\d");

    static final Pattern ISO_INSTANT = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");

    @Autowired
    MockMvc mvc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    ApiTokens tokens;

    @Autowired
    ImportJobService imports;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyAdminPageShowsItsInstantsInUtcForTheScriptToMakeLocalNeverAsRawIsoText() throws Exception {
        accounts.createUser(ADMIN_NAME, "a long enough password for times", AccountRole.ADMIN);
        long tokenId = tokens.create(ADMIN_NAME, "revoked clock").token().id();
        tokens.create(ADMIN_NAME, "running clock");
        assertThat(tokens.revoke(tokenId, ADMIN_NAME, true)).isTrue();
        mvc.perform(post("/admin/fixity").with(ADMIN).with(csrf())).andExpect(status().is3xxRedirection());
        String line = "{\"slug\": \"a-time\", \"title\": \"A time\", \"kind\": \"speech\", \"language\": \"en\","
                + " \"body\": \"Text.\"}\n";
        ImportJobView job = imports.submit(
                "times.jsonl",
                InterchangeFormat.JSONL,
                new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)),
                ADMIN_NAME);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> imports.find(job.id()).orElseThrow().finished());
        // imported with its first revision
        long importedId = jdbc.sql("select id from record where slug = 'a-time'")
                .query(Long.class)
                .single();

        for (String path : List.of(
                "/admin/users",
                "/admin/audit",
                "/admin/fixity",
                "/admin/imports",
                "/admin/imports/" + job.id(),
                "/admin/api-tokens",
                "/admin/records",
                "/admin/records/" + importedId + "/history")) {
            Document page = Pages.load(mvc, get(path).with(ADMIN), 200);
            assertThat(RAW_TIME.matcher(page.body().text()).find())
                    .as("raw time text on %s: %s", path, page.body().text())
                    .isFalse();
            List<Element> times = page.select("main time.local-time");
            assertThat(times).as("instants on %s", path).isNotEmpty();
            for (Element time : times) {
                assertThat(time.attr("datetime")).as(path).matches(ISO_INSTANT);
                assertThat(time.text()).as(path).endsWith(" UTC");
            }
            assertThat(page.select("script[src*=/js/local-time]")).as(path).hasSize(1);
        }
        Document tokensPage = Pages.load(mvc, get("/admin/api-tokens").with(ADMIN), 200);
        // created twice, used never, revoked once
        assertThat(tokensPage.select("table.tokens time.local-time")).hasSize(3);
        Document jobPage = Pages.load(mvc, get("/admin/imports/" + job.id()).with(ADMIN), 200);
        assertThat(jobPage.select("[data-field=startedAt] time, [data-field=finishedAt] time"))
                .hasSize(2);
    }
}
