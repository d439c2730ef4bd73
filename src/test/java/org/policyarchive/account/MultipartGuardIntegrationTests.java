package org.policyarchive.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyarchive.testing.WebClient.location;

import jakarta.servlet.ServletContext;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A file sent by someone who may not send it is refused before Tomcat reads it: Tomcat writes every part of a
 * multipart body to its temporary directory as soon as anything asks for a parameter, so a large body from anyone
 * on the internet would fill the disk before the 403. The test watches that directory while it sends.
 */
@Tag("long")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@CleanArchive
class MultipartGuardIntegrationTests {

    private static final long LARGE = 64L * 1024 * 1024;

    @LocalServerPort
    int port;

    @Autowired
    ServletContext servletContext;

    @Autowired
    UserAccounts accounts;

    @ParameterizedTest
    @ValueSource(strings = {"/admin/uploads", "/admin/imports"})
    void refusesALargeFileFromAnAnonymousSenderWithoutStoringIt(String path) throws Exception {
        WebClient anonymous = new WebClient(port);
        anonymous.page("/login");
        String token = anonymous.csrfToken();

        try (TemporaryFiles written = new TemporaryFiles(temporaryDirectory())) {
            HttpResponse<String> response = sendFile(anonymous, path, token, LARGE);

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(Jsoup.parse(response.body()).select("main p").first().text())
                    .isEqualTo("You are not signed in, perhaps because your session expired. Sign in, then send the"
                            + " file again.");
            assertThat(written.created()).isEmpty();
        }
    }

    @Test
    void refusesAFileForAnAdminsPageFromAnEditorWithoutStoringIt() throws Exception {
        WebClient editor = WebClient.signedIn(port, accounts, AccountRole.EDITOR);
        editor.page("/admin/uploads");
        String token = editor.csrfToken();

        try (TemporaryFiles written = new TemporaryFiles(temporaryDirectory())) {
            HttpResponse<String> response = sendFile(editor, "/admin/imports", token, LARGE);

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(Jsoup.parse(response.body()).select("main p").first().text())
                    .isEqualTo("Your account does not have the role this page needs. Ask an admin if you need it.");
            assertThat(written.created()).isEmpty();
        }
    }

    /** The watch sees the files Tomcat writes: an editor's upload is written there while it is read. */
    @Test
    void readsAFileFromAnEditor() throws Exception {
        WebClient editor = WebClient.signedIn(port, accounts, AccountRole.EDITOR);
        editor.page("/admin/uploads");
        String token = editor.csrfToken();

        try (TemporaryFiles written = new TemporaryFiles(temporaryDirectory())) {
            HttpResponse<String> response = sendFile(editor, "/admin/uploads", token, 1000);

            assertThat(location(response)).startsWith("/admin/uploads/");
            assertThat(written.awaitCreated()).isNotEmpty();
        }
    }

    private Path temporaryDirectory() {
        return ((File) servletContext.getAttribute(ServletContext.TEMPDIR)).toPath();
    }

    /**
     * Posts a form with the CSRF token and a text file of {@code size} letters as a browser does, the token first,
     * streamed so that the test never holds the file.
     */
    private static HttpResponse<String> sendFile(WebClient client, String path, String token, long size) {
        String boundary = "----archive-test-boundary";
        byte[] head = ("--" + boundary + "\r\n"
                        + "Content-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
                        + token + "\r\n"
                        + "--" + boundary + "\r\n"
                        + "Content-Disposition: form-data; name=\"file\"; filename=\"speech.txt\"\r\n"
                        + "Content-Type: text/plain\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        return client.post(
                path,
                "multipart/form-data; boundary=" + boundary,
                HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(
                                () -> new SequenceInputStream(Collections.enumeration(List.of(
                                        new ByteArrayInputStream(head),
                                        new Letters(size),
                                        new ByteArrayInputStream(tail))))),
                        head.length + size + tail.length));
    }

    /** {@code size} letters a, made as they are read. */
    private static final class Letters extends InputStream {

        private long left;

        Letters(long size) {
            this.left = size;
        }

        @Override
        public int read() {
            if (left == 0) {
                return -1;
            }
            left--;
            return 'a';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left == 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            Arrays.fill(buffer, offset, offset + n, (byte) 'a');
            left -= n;
            return n;
        }
    }

    /** The files created in a directory while the watch is open, even those deleted again since. */
    private static final class TemporaryFiles implements AutoCloseable {

        private final WatchService watch;
        private final List<Path> created = new ArrayList<>();

        TemporaryFiles(Path directory) throws Exception {
            watch = FileSystems.getDefault().newWatchService();
            directory.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
        }

        /** What was created, after the events of the last second have had time to arrive. */
        List<Path> created() throws Exception {
            collect(watch.poll(1, TimeUnit.SECONDS));
            return created;
        }

        /** What was created, waiting up to 10 s for the first file. */
        List<Path> awaitCreated() throws Exception {
            collect(watch.poll(10, TimeUnit.SECONDS));
            return created;
        }

        private void collect(WatchKey key) {
            for (WatchKey next = key; next != null; next = watch.poll()) {
                next.pollEvents().forEach(event -> created.add((Path) event.context()));
                next.reset();
            }
        }

        @Override
        public void close() throws Exception {
            watch.close();
        }
    }
}
