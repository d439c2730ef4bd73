package org.policyarchive.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.policyarchive.record.RecordEditor;
import org.policyarchive.record.RecordTexts;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.Drafts;
import org.policyarchive.testing.Pages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The texts compared with an incoming one are held in memory or read whole for each comparison, so neither grows past
 * {@code archive.imports.duplicate-check-max-records} (one text here, the seed's): an upload's review in a larger
 * archive does not compare, and an import's check stops once the texts it has committed would pass the limit.
 */
@SpringBootTest(properties = "archive.imports.duplicate-check-max-records=1")
@AutoConfigureMockMvc
@CleanArchive
class DuplicateCheckLimitIntegrationTests {

    static final RequestPostProcessor EDITOR = user("editor-over-the-limit").roles("EDITOR");

    @Autowired
    MockMvc mvc;

    @Autowired
    RecordTexts texts;

    @Autowired
    RecordEditor editor;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anUploadIsNotComparedWithAnArchiveOverTheLimit() throws Exception {
        editor.create(Drafts.speech("A second record").build(), "test", null);
        assertThat(texts.comparable()).isFalse();
        MockHttpSession session = new MockHttpSession();
        String location = mvc.perform(multipart("/admin/uploads")
                        .file(new MockMultipartFile(
                                "file", "seed.txt", "text/plain", seedText().getBytes(StandardCharsets.UTF_8)))
                        .with(EDITOR)
                        .with(csrf())
                        .session(session))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).matches("/admin/uploads/\\d+");

        Document form = Pages.load(mvc, get(location).with(EDITOR).session(session), 200);

        assertThat(form.select("textarea[name=body]").text()).isNotEmpty();
        assertThat(form.select("[data-field=duplicate]")).isEmpty();
    }

    @Test
    void anImportStopsCheckingOnceItWouldHoldMoreTextsThanTheLimit() {
        assertThat(texts.comparable()).isTrue();
        DuplicateCheck check = DuplicateCheck.of(texts);
        DuplicateCheck.Batch first = check.batch();
        assertThat(first.check(1, 1001, "A copy of the seed", seedText()))
                .as("the seed's own text, found while the check holds only the seed's")
                .isPresent();

        first.commit();

        assertThat(check.active()).isFalse();
        assertThat(check.size()).isZero();
        assertThat(check.batch().check(2, 1002, "Another copy", seedText())).isEmpty();
        assertThat(check.cost())
                .endsWith("then stopped with 1 texts held (archive.imports.duplicate-check-max-records)");
    }

    private String seedText() {
        return jdbc.sql("select body from record order by id limit 1")
                .query(String.class)
                .single();
    }
}
