package org.policyarchive.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.policyarchive.record.RecordFormIntegrationTests.valid;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.policyarchive.audit.AuditEvent;
import org.policyarchive.audit.AuditLog;
import org.policyarchive.audit.AuditQuery;
import org.policyarchive.record.internal.Revisions;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.Pages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest
@AutoConfigureMockMvc
@CleanArchive
class RecordHistoryIntegrationTests {

    static final RequestPostProcessor EDITOR = user("editor").roles("EDITOR");
    static final RequestPostProcessor OTHER_EDITOR = user("other").roles("EDITOR");
    static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN");

    @Autowired
    MockMvc mvc;

    @Autowired
    RecordCatalog catalog;

    @Autowired
    RecordEditor editor;

    @Autowired
    Revisions revisions;

    @Autowired
    AuditLog audit;

    /** Creates a record through the form; returns its id. */
    long create(String title, String... fields) throws Exception {
        String edit = mvc.perform(valid(post("/admin/records/new").with(csrf()).with(EDITOR), title, fields))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        return Long.parseLong(edit.replaceAll("\\D", ""));
    }

    Document get(String url, RequestPostProcessor who) throws Exception {
        return Pages.load(mvc, MockMvcRequestBuilders.get(url).with(who), 200);
    }

    Document list(String text, String status) throws Exception {
        return Pages.load(
                mvc,
                MockMvcRequestBuilders.get("/admin/records")
                        .param("q", text)
                        .param("status", status)
                        .with(EDITOR),
                200);
    }

    MockHttpServletRequestBuilder edit(long id, RequestPostProcessor who) {
        return post("/admin/records/" + id + "/edit").with(csrf()).with(who);
    }

    @Test
    void secondEditorWithTheSameVersionGetsAConflictPageAndCanApplyTheirs() throws Exception {
        long id = create("Contested");
        String version =
                get("/admin/records/" + id + "/edit", EDITOR).select("#version").val();

        mvc.perform(valid(edit(id, EDITOR), "Title by the first editor").param("version", version))
                .andExpect(status().is3xxRedirection());
        Document page = Pages.load(
                mvc,
                valid(
                                edit(id, OTHER_EDITOR),
                                "Title by the second editor",
                                "body",
                                "First paragraph.\n\nA second paragraph rewritten.")
                        .param("version", version),
                409);
        assertThat(page.select("h1").text()).isEqualTo("Someone else changed this record");
        assertThat(page.select(".side-by-side section")
                        .get(0)
                        .select("h2 + article h2")
                        .text())
                .isEqualTo("Title by the first editor");
        assertThat(page.select(".side-by-side section")
                        .get(1)
                        .select("article h2")
                        .text())
                .isEqualTo("Title by the second editor");
        assertThat(page.select(".metadata-diff del").text()).contains("Title by the first editor");
        assertThat(page.select(".metadata-diff ins").text()).contains("Title by the second editor");
        assertThat(page.select(".body-diff p.changed del").eachText()).containsExactly("Second");
        assertThat(page.select(".body-diff p.changed ins").eachText()).containsExactly("A second", "rewritten");
        assertThat(editor.current(id).title()).isEqualTo("Title by the first editor");

        // "Apply mine over theirs" posts what the second editor typed, now based on the saved version.
        var apply = post("/admin/records/" + id + "/edit").with(csrf()).with(OTHER_EDITOR);
        for (var input : page.select("form[method=post] input[type=hidden]")) {
            apply.param(input.attr("name"), input.val());
        }
        mvc.perform(apply.param("action", "save")).andExpect(status().is3xxRedirection());
        assertThat(editor.current(id).title()).isEqualTo("Title by the second editor");
        assertThat(editor.current(id).paragraphs())
                .containsExactly("First paragraph.", "A second paragraph rewritten.");
        assertThat(revisions.history(id)).hasSize(3);
    }

    @Test
    void keepTheirsLeadsBackToTheSavedRecord() throws Exception {
        long id = create("Kept");
        String version =
                get("/admin/records/" + id + "/edit", EDITOR).select("#version").val();
        mvc.perform(valid(edit(id, EDITOR), "Theirs").param("version", version));

        Document page = Pages.load(mvc, valid(edit(id, OTHER_EDITOR), "Mine").param("version", version), 409);
        String keep = page.select("a.button").attr("href");

        assertThat(keep).isEqualTo("/admin/records/" + id + "/edit");
        assertThat(get(keep, OTHER_EDITOR).select("#title").val()).isEqualTo("Theirs");
    }

    @Test
    void everySaveStoresARevisionListedInTheHistoryWithWhoAndComment() throws Exception {
        long id = create("Revised", "comment", "first version");
        String version =
                get("/admin/records/" + id + "/edit", EDITOR).select("#version").val();
        mvc.perform(valid(edit(id, OTHER_EDITOR), "Revised title", "comment", "fixed the title")
                .param("version", version));

        Document history = get("/admin/records/" + id + "/history", EDITOR);

        assertThat(history.select("table.revisions tbody tr")).hasSize(2);
        assertThat(history.select("table.revisions tbody tr").get(0).text()).contains("2", "other", "fixed the title");
        assertThat(history.select("table.revisions tbody tr").get(1).text()).contains("1", "editor", "first version");
        assertThat(audit.search(new AuditQuery("other", "RECORD_UPDATED", null, null, null), PageRequest.of(0, 50))
                        .map(AuditEvent::getDetails)
                        .toList())
                .containsExactly("changed title (fixed the title)");
    }

    @Test
    void diffShowsChangedWordsAndMetadataEscaped() throws Exception {
        long id = create("Diffed", "body", "The economy grew.\n\nUnchanged paragraph.", "place", "Beijing");
        String version =
                get("/admin/records/" + id + "/edit", EDITOR).select("#version").val();
        mvc.perform(valid(
                        edit(id, EDITOR),
                        "Diffed",
                        "body",
                        "The <b>digital</b> economy grew.\n\nUnchanged paragraph.\n\nA new paragraph.",
                        "place",
                        "Shanghai")
                .param("version", version));

        var result = mvc.perform(MockMvcRequestBuilders.get("/admin/records/" + id + "/diff")
                        .param("from", "1")
                        .param("to", "2")
                        .with(EDITOR))
                .andExpect(status().isOk())
                .andReturn();
        String html = result.getResponse().getContentAsString();
        Document diff = Pages.of(result);

        assertThat(html).doesNotContain("<b>digital</b>");
        assertThat(diff.select(".body-diff p.changed ins").text()).contains("<b>digital</b>");
        assertThat(diff.select(".body-diff p.same").text()).isEqualTo("Unchanged paragraph.");
        assertThat(diff.select(".body-diff p.inserted").text()).isEqualTo("A new paragraph.");
        assertThat(diff.select(".metadata-diff tr:contains(Place) del").text()).isEqualTo("Beijing");
        assertThat(diff.select(".metadata-diff tr:contains(Place) ins").text()).isEqualTo("Shanghai");
    }

    @Test
    void restoringARevisionCreatesANewRevisionWithItsContent() throws Exception {
        long id = create("Restorable", "body", "Original text.");
        String original = editor.current(id).title();
        String version =
                get("/admin/records/" + id + "/edit", EDITOR).select("#version").val();
        mvc.perform(valid(edit(id, EDITOR), "Vandalised", "body", "Wrong text.").param("version", version));

        mvc.perform(post("/admin/records/" + id + "/revisions/1/restore")
                        .with(csrf())
                        .with(EDITOR))
                .andExpect(status().is3xxRedirection());

        assertThat(editor.current(id).title()).isEqualTo(original);
        assertThat(editor.current(id).body()).isEqualTo("Original text.");
        assertThat(revisions.history(id)).hasSize(3);
        assertThat(revisions.history(id).get(0).comment()).isEqualTo("restored revision 1");
        Document diff = get("/admin/records/" + id + "/diff?from=1", EDITOR);
        assertThat(diff.text()).contains("No differences.");
    }

    @Test
    void withdrawingHidesTheRecordAndRepublishingBringsItBack() throws Exception {
        long id = create("Withdrawn", "status", "PUBLISHED");
        String slug = editor.current(id).slug();
        mvc.perform(MockMvcRequestBuilders.get("/records/" + slug)).andExpect(status().isOk());

        mvc.perform(post("/admin/records/" + id + "/status")
                        .param("status", "WITHDRAWN")
                        .with(csrf())
                        .with(EDITOR))
                .andExpect(status().is3xxRedirection());
        assertThat(catalog.findById(id).orElseThrow().getStatus()).isEqualTo(RecordStatus.WITHDRAWN);
        Document gone = Pages.load(mvc, MockMvcRequestBuilders.get("/records/" + slug), 410);
        assertThat(gone.text()).contains("This record has been withdrawn");
        assertThat(get("/admin/records/" + id + "/history", EDITOR)
                        .select("button")
                        .eachText())
                .contains("Publish")
                .doesNotContain("Withdraw");

        mvc.perform(post("/admin/records/" + id + "/status")
                        .param("status", "PUBLISHED")
                        .with(csrf())
                        .with(EDITOR))
                .andExpect(status().is3xxRedirection());
        mvc.perform(MockMvcRequestBuilders.get("/records/" + slug)).andExpect(status().isOk());
        assertThat(revisions.history(id)).hasSize(3);
        assertThat(audit.search(AuditQuery.all(), PageRequest.of(0, 50)).stream()
                        .map(event -> event.getUsername() + " " + event.getAction() + " " + event.getObjectId())
                        .toList())
                .containsExactlyInAnyOrder(
                        "editor RECORD_CREATED " + slug,
                        "editor RECORD_WITHDRAWN " + slug,
                        "editor RECORD_REINSTATED " + slug);
    }

    @Test
    void deletingForGoodNeedsAnAdminAndAConfirmation() throws Exception {
        String title = "Doomed";
        long id = create(title);

        mvc.perform(MockMvcRequestBuilders.get("/admin/records/" + id + "/delete")
                        .with(EDITOR))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/records/" + id + "/delete").with(csrf()).with(EDITOR))
                .andExpect(status().isForbidden());
        assertThat(catalog.findById(id)).isPresent();

        Document confirm = get("/admin/records/" + id + "/delete", ADMIN);
        assertThat(confirm.select("h1").text()).isEqualTo("Delete this record for good?");
        assertThat(confirm.select("main form button").text()).isEqualTo("Yes, delete it for good");

        mvc.perform(post("/admin/records/" + id + "/delete").with(csrf()).with(ADMIN))
                .andExpect(status().is3xxRedirection());
        assertThat(catalog.findById(id)).isEmpty();
        assertThat(audit.search(new AuditQuery("admin", "RECORD_DELETED", null, null, null), PageRequest.of(0, 50))
                        .map(AuditEvent::getDetails)
                        .toList())
                .containsExactly(title);
        mvc.perform(MockMvcRequestBuilders.get("/admin/records/" + id + "/history")
                        .with(ADMIN))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("There is no record with the id " + id + ".")));
    }

    @Test
    void adminListFiltersByStatusAndText() throws Exception {
        create("Listed draft");
        create("Listed published", "status", "PUBLISHED");

        Document listed = list("Listed", "");
        Document published = list("", "PUBLISHED");
        Document publishedAndListed = list("listed", "PUBLISHED");

        assertThat(listed.select("table.records tbody tr td:first-child a").eachText())
                .containsExactlyInAnyOrder("Listed draft", "Listed published");
        assertThat(published.select("table.records tbody tr td:first-child a").eachText())
                .containsExactlyInAnyOrder(
                        "Listed published",
                        "Chinese Premier Li Keqiang Chairs State Council Special Study on Accelerating Digital"
                                + " Economy Development");
        assertThat(publishedAndListed
                        .select("table.records tbody tr td:first-child a")
                        .eachText())
                .containsExactly("Listed published");
        assertThat(list("", "").select("table.records tbody tr")).hasSize(3);
    }

    @Test
    void anonymousVisitorsCannotReachTheForm() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get("/admin/records/new")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/records/new").with(EDITOR)).andExpect(status().isForbidden());
    }
}
