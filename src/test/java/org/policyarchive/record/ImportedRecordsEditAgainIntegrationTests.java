package org.policyarchive.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Connection;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.Test;
import org.policyarchive.record.RecordEditor.Imported;
import org.policyarchive.record.internal.RecordSnapshot;
import org.policyarchive.record.internal.Revisions;
import org.policyarchive.system.Flash;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.Drafts;
import org.policyarchive.testing.Pages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The bug the one set of record rules fixes: records that came in through a bulk import (which checked less, and
 * normalised nothing) could not be saved again from the edit form, whose rules were stricter. Now every way in goes
 * through {@link RecordRules}: a record imported through {@link RecordEditor#importAll} opens in the edit form and
 * saves again, unchanged, as a browser would post the form back.
 */
@SpringBootTest
@AutoConfigureMockMvc
@CleanArchive
class ImportedRecordsEditAgainIntegrationTests {

    static final RequestPostProcessor EDITOR = user("editor").roles("EDITOR");

    @Autowired
    MockMvc mvc;

    @Autowired
    RecordEditor editor;

    @Autowired
    Revisions revisions;

    @Test
    void aSummaryOfSixThousandCharacters() throws Exception {
        String summary = RecordFormIntegrationTests.text(6_000);
        long id = imported(Drafts.speech("Long summary").date("2023-08-21").summary(summary));

        savesAgainUnchanged(id);

        assertThat(editor.current(id).summary()).isEqualTo(summary);
    }

    @Test
    void theLanguageTagZhHansInOtherCase() throws Exception {
        long id = imported(Drafts.speech("数字经济").language("ZH-hans").body("正文。"));

        assertThat(editor.current(id).language()).isEqualTo("zh-Hans");
        savesAgainUnchanged(id);

        assertThat(editor.current(id).language()).isEqualTo("zh-Hans");
    }

    @Test
    void aBodyWithCrLfLineEndsTrailingSpacesAndTripleBlankLines() throws Exception {
        long id = imported(Drafts.speech("Untidy text")
                .date("2023-08")
                .body("First paragraph,  \r\nits second line.   \r\n\r\n\r\n\r\nSecond paragraph.  \r\n\r\n\r\n\r\n"
                        + "Third paragraph.\r\n")
                .summary("A summary\r\nover two lines.")
                .by("Li Keqiang", Role.PRESIDED, "Premier")
                .by("A newcomer", Role.SPOKE)
                .theme("Digital economy")
                .theme("A new theme")
                .note("A note\r\nwith a CRLF."));

        assertThat(editor.current(id).body())
                .isEqualTo("First paragraph,  \nits second line.\n\nSecond paragraph.\n\nThird paragraph.");
        savesAgainUnchanged(id);

        RecordSnapshot saved = editor.current(id);
        assertThat(saved.body())
                .as("one blank line between paragraphs")
                .isEqualTo("First paragraph,  \nits second line.\n\nSecond paragraph.\n\nThird paragraph.");
        assertThat(saved.paragraphs())
                .containsExactly("First paragraph,  \nits second line.", "Second paragraph.", "Third paragraph.");
        assertThat(saved.summary()).isEqualTo("A summary\nover two lines.");
        assertThat(saved.notes()).containsExactly("A note\nwith a CRLF.");
        assertThat(saved.people())
                .extracting(RecordSnapshot.PersonEntry::name, RecordSnapshot.PersonEntry::office)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Li Keqiang", "Premier"),
                        org.assertj.core.groups.Tuple.tuple("A newcomer", null));
        assertThat(saved.themes())
                .extracting(RecordSnapshot.ThemeEntry::name)
                .containsExactlyInAnyOrder("Digital economy", "A new theme");
    }

    @Test
    void aYearBeforeTheYearOneThousand() throws Exception {
        long id = imported(Drafts.speech("An old record").date("0987"));

        assertThat(editor.current(id).writtenDate()).isEqualTo("0987");
        savesAgainUnchanged(id);

        assertThat(editor.current(id).writtenDate()).isEqualTo("0987");
    }

    @Test
    void aGivenSlugLongerThanOneMadeFromATitle() throws Exception {
        String slug = "a-long-given-slug-".repeat(8) + "end";
        assertThat(slug).hasSizeBetween(121, RecordRules.SLUG_MAX);
        long id = imported(Drafts.speech("Long slug").slug(slug));

        savesAgainUnchanged(id);

        assertThat(editor.current(id).slug()).isEqualTo(slug);
    }

    /** Imports the draft as a bulk import does, and returns the new record's id. */
    long imported(Drafts draft) {
        List<Imported> results = editor.importAll(List.of(draft.build()), "importer");
        assertThat(results).extracting(Imported::outcome).containsExactly(Imported.Outcome.IMPORTED);
        return results.get(0).recordId();
    }

    /**
     * Opens the record's edit form, posts back every value the form holds with its save button, as a browser would,
     * and checks that the record was saved, without errors, and is what it was.
     */
    void savesAgainUnchanged(long id) throws Exception {
        RecordSnapshot before = editor.current(id);
        String edit = "/admin/records/" + id + "/edit";
        Document page = Pages.load(mvc, get(edit).with(EDITOR), 200);
        assertThat(page.select(".error, .error-summary")).isEmpty();

        MockHttpServletRequestBuilder save = post(edit).with(csrf()).with(EDITOR);
        FormElement form = (FormElement) page.selectFirst("form.record-form");
        Set<String> textareas = new HashSet<>(form.select("textarea").eachAttr("name"));
        for (Connection.KeyVal field : form.formData()) {
            // a browser sends the line ends of a textarea as CR LF
            save.param(
                    field.key(),
                    textareas.contains(field.key()) ? field.value().replaceAll("\r?\n", "\r\n") : field.value());
        }
        save.param("action", "save");
        MvcResult result = mvc.perform(save).andReturn();

        assertThat(result.getResponse().getStatus())
                .as(() -> "the form came back with: "
                        + Pages.of(result).select(".error-summary li").eachText())
                .isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo(edit);
        assertThat(result.getFlashMap().get(Flash.ATTRIBUTE)).isEqualTo(new Flash("record.saved"));
        assertThat(editor.current(id)).as("saved unchanged").isEqualTo(before);
        assertThat(revisions.history(id))
                .extracting(r -> r.number() + " " + r.createdBy())
                .containsExactly("2 editor", "1 importer");
    }
}
