package org.policyarchive.uploads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.Test;
import org.policyarchive.record.RecordCatalog;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.Pages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * One editor, one session, two uploads reviewed side by side in two tabs: the draft proposed at upload used to be
 * kept once per session, so the record saved from the first tab got the second upload's original. Each upload now
 * has its own review address, and its form saves the record with its own original, once.
 */
@SpringBootTest
@AutoConfigureMockMvc
@CleanArchive
class UploadInTwoTabsIntegrationTests {

    static final RequestPostProcessor EDITOR = user("two-tabs-editor").roles("EDITOR");

    @Autowired
    MockMvc mvc;

    @Autowired
    RecordCatalog catalog;

    @Autowired
    JdbcClient jdbc;

    final MockHttpSession session = new MockHttpSession();

    @Test
    void eachRecordSavedFromItsOwnTabListsItsOwnOriginalAndAFormIsSavedOnce() throws Exception {
        String reviewA = upload("a-canals.txt", "Report on canals\n\nThe canals of the north.");
        String reviewB = upload("b-bridges.txt", "Report on bridges\n\nThe bridges of the south.");
        assertThat(reviewA).isNotEqualTo(reviewB);
        FormElement tabA = reviewForm(reviewA);
        FormElement tabB = reviewForm(reviewB);
        assertThat(tabA.select("input[name=title]").val()).isEqualTo("Report on canals");
        assertThat(tabB.select("input[name=title]").val()).isEqualTo("Report on bridges");

        long recordB = recordIdOf(save(tabB).andExpect(status().is3xxRedirection()));
        long recordA = recordIdOf(save(tabA).andExpect(status().is3xxRedirection()));

        assertThat(title(recordA)).isEqualTo("Report on canals");
        assertThat(title(recordB)).isEqualTo("Report on bridges");
        assertThat(originalsOnTheHistoryPage(recordA))
                .singleElement()
                .asString()
                .startsWith("a-canals.txt");
        assertThat(originalsOnTheHistoryPage(recordB))
                .singleElement()
                .asString()
                .startsWith("b-bridges.txt");
        assertThat(jdbc.sql("select file_name, record_id from original_file order by id")
                        .query((rs, n) -> tuple(rs.getString(1), rs.getLong(2)))
                        .list())
                .containsExactly(tuple("a-canals.txt", recordA), tuple("b-bridges.txt", recordB));

        Document refused = Pages.load(mvc, saveRequest(tabA), 409);

        assertThat(refused.select("[role=alert]").text())
                .isEqualTo("A record was saved from “a-canals.txt” already: its original is linked to that record.");
        assertThat(refused.select(".error-page__links a").attr("href")).isEqualTo("/admin/uploads");
        // the seed record and the two saved from the uploads: the refused form made none
        assertThat(catalog.count()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from record where title = 'Report on canals'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    /** Uploads a file in the session and returns the address of its review page. */
    private String upload(String fileName, String text) throws Exception {
        String location = mvc.perform(multipart("/admin/uploads")
                        .file(new MockMultipartFile(
                                "file", fileName, "text/plain", text.getBytes(StandardCharsets.UTF_8)))
                        .with(EDITOR)
                        .with(csrf())
                        .session(session))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).matches("/admin/uploads/\\d+");
        return location;
    }

    /** Opens a review page, as a tab would, and returns its record form. */
    private FormElement reviewForm(String location) throws Exception {
        FormElement form =
                Pages.mainForm(Pages.load(mvc, get(location).with(EDITOR).session(session), 200));
        assertThat(form.attr("action")).isEqualTo(location);
        return form;
    }

    /** Posts a form as it was shown, with a kind chosen and the save button. */
    private ResultActions save(FormElement form) throws Exception {
        return mvc.perform(saveRequest(form));
    }

    private MockHttpServletRequestBuilder saveRequest(FormElement form) {
        return Pages.submit(form, Map.of("kind", "REPORT", "action", "save"))
                .with(EDITOR)
                .with(csrf())
                .session(session);
    }

    private static long recordIdOf(ResultActions saved) {
        String location = saved.andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/admin/records/\\d+/edit");
        return Long.parseLong(location.replaceAll("\\D+", ""));
    }

    private String title(long recordId) {
        return catalog.findById(recordId).orElseThrow().getTitle();
    }

    private List<String> originalsOnTheHistoryPage(long recordId) throws Exception {
        return Pages.load(mvc, get("/admin/records/" + recordId + "/history").with(EDITOR), 200)
                .select("table.originals tbody tr")
                .eachText();
    }
}
