package org.policyarchive.uploads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.policyarchive.record.RecordTexts;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.Pages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * An archive with more records than {@code archive.imports.duplicate-check-max-records} is not read through for each
 * upload: the review of a text it already has gives no warning (here the seed alone is one record too many).
 */
@SpringBootTest(properties = "archive.imports.duplicate-check-max-records=0")
@AutoConfigureMockMvc
@CleanArchive
class DuplicateCheckLimitIntegrationTests {

    static final RequestPostProcessor EDITOR = user("editor-over-the-limit").roles("EDITOR");

    @Autowired
    MockMvc mvc;

    @Autowired
    RecordTexts texts;

    @Test
    void anArchiveOverTheLimitIsNotComparedWithAnUploadedText() throws Exception {
        assertThat(texts.comparable()).isFalse();
        MockHttpSession session = new MockHttpSession();
        String location = mvc.perform(multipart("/admin/uploads")
                        .file(new MockMultipartFile("file", "seed.txt", "application/octet-stream", TestFiles.seed()))
                        .with(EDITOR)
                        .with(csrf())
                        .session(session))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).matches("/admin/uploads/\\d+");

        Document form = Pages.load(mvc, get(location).with(EDITOR).session(session), 200);

        assertThat(form.select("input[name=title]").val()).isNotEmpty();
        assertThat(form.select("[data-field=duplicate]")).isEmpty();
    }
}
