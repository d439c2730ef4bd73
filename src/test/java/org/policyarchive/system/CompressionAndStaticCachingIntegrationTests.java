package org.policyarchive.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.policyarchive.record.RecordEditor;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.Drafts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.core.io.ClassPathResource;

/**
 * Over real HTTP (Tomcat, not MockMvc): pages, stylesheets and scripts go out gzipped to clients that take gzip; the
 * static files are linked by fingerprinted names that browsers may keep for a year, and their plain names are
 * revalidated.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@CleanArchive
class CompressionAndStaticCachingIntegrationTests {

    static final String SEED = "/records/state-council-study-session-digital-economy-2023-08-21";

    final HttpClient http = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;

    @Autowired
    RecordEditor editor;

    @Autowired
    ServletWebServerApplicationContext context;

    @Test
    void aLongSpeechGoesOutGzippedToAClientThatTakesGzip() throws Exception {
        String body = IntStream.rangeClosed(1, 2400)
                .mapToObj(i -> "Paragraph " + i + " of a long address, on the state of the union and of the harvest"
                        + " in county " + (i * 7919 % 1000) + ".")
                .collect(Collectors.joining("\n\n"));
        editor.create(
                Drafts.speech("A long address").slug("long-address").body(body).build(), "test", null);

        HttpResponse<byte[]> plain = get("/records/long-address");
        HttpResponse<byte[]> gzipped = get("/records/long-address", "Accept-Encoding", "gzip, deflate, br");

        assertThat(plain.body().length).isGreaterThan(230_000);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzipped.body().length).isLessThan(plain.body().length / 4);
        assertThat(gunzip(gzipped.body())).isEqualTo(plain.body());
    }

    /** What it gains is measured, not tested: docs/benchmarks.md (Reading pages under load). */
    @Test
    void tomcatWritesAPageOfUpTo64KilobytesToTheSocketAtOnce() {
        TomcatWebServer server = (TomcatWebServer) context.getWebServer();

        assertThat(server.getTomcat().getConnector().getProperty("socket.appWriteBufSize"))
                .hasToString(String.valueOf(SocketWriteBuffer.BYTES));
    }

    @Test
    void pagesGoOutWithoutTheTemplatesIndentation() throws Exception {
        for (String path : List.of("/", "/records", SEED, "/people", "/login")) {
            String page = new String(get(path).body(), StandardCharsets.UTF_8);

            // between tags; a tag's own attributes may still stand on lines of their own
            assertThat(page).as(path).contains("<main").doesNotContainPattern(">\\s*\\n[ \\t]+<");
        }
    }

    @Test
    void pagesThatAreNotKeptStylesheetsAndScriptsGoOutGzippedWhenTheyAreOver2Kilobytes() throws Exception {
        Document search = Jsoup.parse(new String(get("/search?q=digital").body()));
        List<String> paths = new ArrayList<>(List.of("/search?q=digital", "/login"));
        paths.addAll(search.select("link[rel=stylesheet]").eachAttr("href"));
        paths.addAll(search.select("script[src]").eachAttr("src"));
        assertThat(paths).hasSize(7);

        List<String> gzippedPaths = new ArrayList<>();
        for (String path : paths) {
            HttpResponse<byte[]> plain = get(path);
            HttpResponse<byte[]> gzipped = get(path, "Accept-Encoding", "gzip");
            assertThat(gzipped.statusCode()).as(path).isEqualTo(200);
            if (plain.body().length >= 2048) {
                assertThat(gzipped.headers().firstValue("Content-Encoding"))
                        .as(path)
                        .hasValue("gzip");
                assertThat(withoutCsrfToken(gunzip(gzipped.body()))).as(path).isEqualTo(withoutCsrfToken(plain.body()));
                gzippedPaths.add(path);
            }
        }
        assertThat(gzippedPaths).contains("/search?q=digital", "/login").hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void stylesheetsScriptsAndTheIconAreLinkedByFingerprintedNamesAndKeptForAYear() throws Exception {
        Document home = Jsoup.parse(new String(get("/").body()));
        Document search = Jsoup.parse(new String(get("/search").body()));
        List<String> links = new ArrayList<>();
        links.addAll(home.select("link[rel=stylesheet], link[rel=icon]").eachAttr("href"));
        links.addAll(home.select("img[src]").eachAttr("src"));
        links.addAll(search.select("link[rel=stylesheet], script[src]").eachAttr("src"));
        links.addAll(search.select("link[rel=stylesheet]").eachAttr("href"));
        assertThat(links).hasSize(8);

        for (String link : links) {
            assertThat(link).matches("/[a-z/.-]+-[0-9a-f]{32}\\.(css|js|svg)");
            HttpResponse<byte[]> file = get(link);
            assertThat(file.statusCode()).as(link).isEqualTo(200);
            assertThat(file.headers().firstValue("Cache-Control"))
                    .as(link)
                    .hasValue("max-age=31536000, public, immutable");
            String plainName = link.replaceAll("-[0-9a-f]{32}\\.", ".");
            assertThat(file.body())
                    .as(link)
                    .isEqualTo(new ClassPathResource("static" + plainName).getContentAsByteArray());
        }
        assertThat(get("/").headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(policy -> assertThat(policy).startsWith("default-src 'self';"));
    }

    @Test
    void plainNamesStillAnswerButAreRevalidatedAndAWrongFingerprintIsNotFound() throws Exception {
        HttpResponse<byte[]> plain = get("/css/archive.css");
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Cache-Control")).hasValue("no-cache");
        String lastModified = plain.headers().firstValue("Last-Modified").orElseThrow();

        assertThat(get("/css/archive.css", "If-Modified-Since", lastModified).statusCode())
                .isEqualTo(304);
        assertThat(get("/css/archive-0123456789abcdef0123456789abcdef.css").statusCode())
                .isEqualTo(404);
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The page without its CSRF token, which Spring Security masks anew in every response. */
    private static String withoutCsrfToken(byte[] page) {
        return new String(page, StandardCharsets.UTF_8).replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
    }

    private static byte[] gunzip(byte[] gzipped) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return in.readAllBytes();
        }
    }
}
