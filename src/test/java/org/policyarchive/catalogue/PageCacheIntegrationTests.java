package org.policyarchive.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.policyarchive.record.RecordEditor;
import org.policyarchive.record.Role;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.Drafts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The public pages answer anonymous readers with an entity tag and a 304 while a page is unchanged, gzipped when the
 * reader takes it, and show a change at once; a signed-in user's page is never kept, tagged or served to anyone else.
 */
@SpringBootTest
@AutoConfigureMockMvc
@CleanArchive
class PageCacheIntegrationTests {

    static final String SEED = "/records/state-council-study-session-digital-economy-2023-08-21";
    static final RequestPostProcessor EDITOR = user("page-cache-editor").roles("EDITOR");

    @Autowired
    MockMvc mvc;

    @Autowired
    RecordEditor editor;

    @Test
    void anonymousReadersGetAnEntityTagAndA304WhileThePageIsUnchanged() throws Exception {
        for (String path : new String[] {"/", "/records", SEED, "/people", "/people/li-keqiang", "/themes"}) {
            MockHttpServletResponse first = perform(get(path));
            String etag = first.getHeader("ETag");
            assertThat(first.getStatus()).as(path).isEqualTo(200);
            assertThat(etag).as(path).matches("\"[A-Za-z0-9_-]{24}\"");
            assertThat(first.getHeader("Cache-Control")).as(path).isEqualTo("no-cache");
            assertThat(first.getHeader("Vary")).as(path).isEqualTo("Accept-Encoding, Accept-Language, Cookie");
            assertThat(first.getHeader("Content-Security-Policy")).as(path).startsWith("default-src 'self'");

            MockHttpServletResponse again = perform(get(path).header("If-None-Match", etag));
            assertThat(again.getStatus()).as(path).isEqualTo(304);
            assertThat(again.getContentAsByteArray()).as(path).isEmpty();
            assertThat(again.getHeader("ETag")).as(path).isEqualTo(etag);

            assertThat(perform(get(path).header("If-None-Match", "\"other\", W/" + etag))
                            .getStatus())
                    .as(path + ", weakly compared")
                    .isEqualTo(304);
            MockHttpServletResponse other = perform(get(path).header("If-None-Match", "\"other\""));
            assertThat(other.getStatus()).as(path).isEqualTo(200);
            assertThat(other.getContentAsString()).isEqualTo(first.getContentAsString());
        }
    }

    @Test
    void aPageFromMemoryComesWithEveryHeaderOfThePageAsItWasRendered() throws Exception {
        for (String path : new String[] {"/", "/records?kind=speech", SEED, "/people/li-keqiang", "/themes"}) {
            MockHttpServletResponse rendered = perform(get(path));
            MockHttpServletResponse kept = perform(get(path));
            assertThat(headers(kept)).as(path).isEqualTo(headers(rendered));
            assertThat(kept.getHeader("X-Frame-Options")).as(path).isEqualTo("DENY");
            assertThat(kept.getHeader("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(kept.getHeader("Referrer-Policy")).as(path).isEqualTo("strict-origin-when-cross-origin");
            assertThat(kept.getHeader("Content-Security-Policy")).as(path).startsWith("default-src 'self'");
            assertThat(kept.getContentAsString()).as(path).isEqualTo(rendered.getContentAsString());
        }
    }

    @Test
    void aReaderWithASessionButNoUserIsServedTheKeptPageButNeverLeavesOneBehind() throws Exception {
        MockHttpSession session = new MockHttpSession();
        assertThat(perform(get("/login").session(session)).getStatus())
                .as("the sign-in form keeps its CSRF token in a new session")
                .isEqualTo(200);
        MockHttpServletResponse withSession = perform(get("/themes").session(session));
        assertThat(withSession.getStatus()).isEqualTo(200);
        assertThat(withSession.getHeader("ETag"))
                .as("rendered for a session: not kept")
                .isNull();

        String etag = perform(get("/themes")).getHeader("ETag");
        assertThat(etag).isNotNull();
        assertThat(perform(get("/themes").session(session)).getHeader("ETag")).isEqualTo(etag);
    }

    @Test
    void readersWhoTakeGzipGetThePageGzippedUnderItsOwnTag() throws Exception {
        MockHttpServletResponse plain = perform(get(SEED));
        MockHttpServletResponse gzipped = perform(get(SEED).header("Accept-Encoding", "br, gzip;q=0.8"));

        assertThat(gzipped.getHeader("Content-Encoding")).isEqualTo("gzip");
        assertThat(gunzip(gzipped.getContentAsByteArray())).isEqualTo(plain.getContentAsByteArray());
        assertThat(gzipped.getContentAsByteArray().length).isLessThan(plain.getContentAsByteArray().length / 2);
        assertThat(gzipped.getContentLength()).isEqualTo(gzipped.getContentAsByteArray().length);
        assertThat(gzipped.getHeader("ETag")).isNotEqualTo(plain.getHeader("ETag"));
        assertThat(perform(get(SEED).header("Accept-Encoding", "gzip").header("If-None-Match", plain.getHeader("ETag")))
                        .getStatus())
                .as("the plain page's tag does not match the gzipped page")
                .isEqualTo(200);

        MockHttpServletResponse refused = perform(get(SEED).header("Accept-Encoding", "gzip;q=0, *"));
        assertThat(refused.getHeader("Content-Encoding")).isNull();
        assertThat(refused.getContentAsByteArray()).isEqualTo(plain.getContentAsByteArray());

        MockHttpServletResponse head = perform(head(SEED).header("Accept-Encoding", "gzip"));
        assertThat(head.getStatus()).isEqualTo(200);
        assertThat(head.getHeader("ETag")).isEqualTo(gzipped.getHeader("ETag"));
        assertThat(head.getContentAsByteArray()).isEmpty();
    }

    @Test
    void aChangeShowsAtOnceWithANewTag() throws Exception {
        long id = editor.create(
                Drafts.speech("Before the change")
                        .slug("changing")
                        .date("2031-01-01")
                        .build(),
                "test",
                null);
        MockHttpServletResponse record = perform(get("/records/changing"));
        MockHttpServletResponse home = perform(get("/"));
        assertThat(home.getContentAsString()).contains("Before the change");

        editor.update(
                id,
                editor.currentVersion(id),
                Drafts.speech("After the change")
                        .slug("changing")
                        .date("2031-01-01")
                        .by("Newly Named", Role.SPOKE)
                        .build(),
                "test",
                null);

        MockHttpServletResponse changed =
                perform(get("/records/changing").header("If-None-Match", record.getHeader("ETag")));
        assertThat(changed.getStatus()).isEqualTo(200);
        assertThat(Jsoup.parse(changed.getContentAsString()).title()).startsWith("After the change");
        assertThat(changed.getHeader("ETag")).isNotEqualTo(record.getHeader("ETag"));
        assertThat(perform(get("/").header("If-None-Match", home.getHeader("ETag")))
                        .getContentAsString())
                .contains("After the change")
                .doesNotContain("Before the change");
        assertThat(perform(get("/people/newly-named")).getStatus()).isEqualTo(200);
    }

    @Test
    void aSignedInUsersPageIsNeitherTaggedNorKeptNorAnsweredWithAnotherUsersTag() throws Exception {
        MockHttpServletResponse anonymous = perform(get("/"));

        MockHttpServletResponse signedIn =
                perform(get("/").with(EDITOR).header("If-None-Match", anonymous.getHeader("ETag")));
        assertThat(signedIn.getStatus()).isEqualTo(200);
        assertThat(signedIn.getContentAsString()).contains("Signed in as page-cache-editor");
        assertThat(signedIn.getHeader("ETag")).isNull();
        assertThat(signedIn.getHeader("Cache-Control")).contains("no-store");

        perform(get(SEED).with(EDITOR));
        MockHttpServletResponse reader = perform(get(SEED));
        assertThat(reader.getContentAsString())
                .doesNotContain("page-cache-editor")
                .contains("Sign in");
        MockHttpServletResponse editorsTurn = perform(get(SEED).with(EDITOR));
        assertThat(editorsTurn.getContentAsString()).contains("Signed in as page-cache-editor");
    }

    @Test
    void searchAndAdminPagesAreNotKept() throws Exception {
        assertThat(perform(get("/search").param("q", "digital")).getHeader("ETag"))
                .isNull();
        assertThat(perform(get("/login")).getHeader("ETag")).isNull();
        assertThat(perform(get("/records/no-such-record")).getHeader("ETag")).isNull();
    }

    /** Every header but the date, each with its values in order. */
    private static Map<String, List<String>> headers(MockHttpServletResponse response) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        response.getHeaderNames().stream()
                .filter(name -> !name.equalsIgnoreCase("Date"))
                .forEach(name -> headers.put(name, response.getHeaders(name)));
        return headers;
    }

    private MockHttpServletResponse perform(RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    private static byte[] gunzip(byte[] gzipped) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return in.readAllBytes();
        }
    }
}
