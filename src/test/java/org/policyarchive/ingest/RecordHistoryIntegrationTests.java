package org.policyarchive.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.policyarchive.ingest.RecordFormIntegrationTests.unique;
import static org.policyarchive.ingest.RecordFormIntegrationTests.valid;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.policyarchive.audit.AuditEvent;
import org.policyarchive.audit.AuditLog;
import org.policyarchive.audit.AuditQuery;
import org.policyarchive.record.RecordCatalog;
import org.policyarchive.record.RecordStatus;
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
        return Jsoup.parse(mvc.perform(MockMvcRequestBuilders.get(url).with(who))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    Document list(String text, String status) throws Exception {
        return Jsoup.parse(mvc.perform(MockMvcRequestBuilders.get("/admin/records")
                        .param("q", text)
                        .param("status", status)
                        .with(EDITOR))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    MockHttpServletRequestBuilder edit(long id, RequestPostProcessor who) {
        return post("/admin/records/" + id + "/edit").with(csrf()).with(who);
    }

    @Test
    void secondEditorWithTheSameVersionGetsAConflictPageAndCanApplyTheirs() throws Exception {
        long id = create(unique("Contested"));
        String version =
                get("/admin/records/" + id + "/edit", EDITOR).select("#version").val();

        mvc.perform(valid(edit(id, EDITOR), "Title by the first editor").param("version", version))
                .andExpect(status().is3xxRedirection());
        String conflict = mvc.perform(valid(
                                edit(id, OTHER_EDITOR),
                                "Title by the second editor",
                                "body",
                                "First paragraph.\n\nA second paragraph rewritten.")
                        .param("version", version))
                .andExpect(status().isConflict())
                .andReturn()
                .getResponse()
                .getContentAsString();

        Document page = Jsoup.parse(conflict);
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
        assertThat(editor.history(id)).hasSize(3);
    }

    @Test
    void keepTheirsLeadsBackToTheSavedRecord() throws Exception {
        long id = create(unique("Kept"));
        String version =
                get("/admin/records/" + id + "/edit", EDITOR).select("#version").val();
        mvc.perform(valid(edit(id, EDITOR), "Theirs").param("version", version));

        Document page =
                Jsoup.parse(mvc.perform(valid(edit(id, OTHER_EDITOR), "Mine").param("version", version))
                        .andExpect(status().isConflict())
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        String keep = page.select("a.button").attr("href");

        assertThat(keep).isEqualTo("/admin/records/" + id + "/edit");
        assertThat(get(keep, OTHER_EDITOR).select("#title").val()).isEqualTo("Theirs");
    }

    @Test
    void everySaveStoresARevisionListedInTheHistoryWithWhoAndComment() throws Exception {
        long id = create(unique("Revised"), "comment", "first version");
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
                .contains("changed title (fixed the title)");
    }

    @Test
    void diffShowsChangedWordsAndMetadataEscaped() throws Exception {
        long id = create(unique("Diffed"), "body", "The economy grew.\n\nUnchanged paragraph.", "place", "Beijing");
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

        String html = mvc.perform(MockMvcRequestBuilders.get("/admin/records/" + id + "/diff")
                        .param("from", "1")
                        .param("to", "2")
                        .with(EDITOR))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Document diff = Jsoup.parse(html);

        assertThat(html).doesNotContain("<b>digital</b>");
        assertThat(diff.select(".body-diff p.changed ins").text()).contains("<b>digital</b>");
        assertThat(diff.select(".body-diff p.same").text()).isEqualTo("Unchanged paragraph.");
        assertThat(diff.select(".body-diff p.inserted").text()).isEqualTo("A new paragraph.");
        assertThat(diff.select(".metadata-diff tr:contains(Place) del").text()).isEqualTo("Beijing");
        assertThat(diff.select(".metadata-diff tr:contains(Place) ins").text()).isEqualTo("Shanghai");
    }

    @Test
    void restoringARevisionCreatesANewRevisionWithItsContent() throws Exception {
        long id = create(unique("Restorable"), "body", "Original text.");
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
        assertThat(editor.history(id)).hasSize(3);
        assertThat(editor.history(id).get(0).comment()).isEqualTo("restored revision 1");
        Document diff = get("/admin/records/" + id + "/diff?from=1", EDITOR);
        assertThat(diff.text()).contains("No differences.");
    }

    @Test
    void withdrawingHidesTheRecordAndRepublishingBringsItBack() throws Exception {
        long id = create(unique("Withdrawn"), "status", "PUBLISHED");
        String slug = editor.current(id).slug();
        mvc.perform(MockMvcRequestBuilders.get("/records/" + slug)).andExpect(status().isOk());

        mvc.perform(post("/admin/records/" + id + "/status")
                        .param("status", "WITHDRAWN")
                        .with(csrf())
                        .with(EDITOR))
                .andExpect(status().is3xxRedirection());
        assertThat(catalog.findById(id).orElseThrow().getStatus()).isEqualTo(RecordStatus.WITHDRAWN);
        String gone = mvc.perform(MockMvcRequestBuilders.get("/records/" + slug))
                .andExpect(status().isGone())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(gone).text()).contains("This record has been withdrawn");
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
        assertThat(editor.history(id)).hasSize(3);
        assertThat(audit.search(new AuditQuery("editor", null, "record", null, null), PageRequest.of(0, 50))
                        .filter(event -> slug.equals(event.getObjectId()))
                        .map(AuditEvent::getAction)
                        .toList())
                .contains("RECORD_CREATED", "RECORD_WITHDRAWN", "RECORD_REINSTATED");
    }

    @Test
    void deletingForGoodNeedsAnAdminAndAConfirmation() throws Exception {
        String title = unique("Doomed");
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
                .contains(title);
        mvc.perform(MockMvcRequestBuilders.get("/admin/records/" + id + "/history")
                        .with(ADMIN))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("There is no record with the id " + id + ".")));
    }

    @Test
    void adminListFiltersByStatusAndText() throws Exception {
        String marker = unique("Listed");
        create(marker + " draft");
        create(marker + " published", "status", "PUBLISHED");

        Document all = list(marker, "");
        Document published = list(marker, "PUBLISHED");

        assertThat(all.select("table.records tbody tr")).hasSize(2);
        assertThat(published.select("table.records tbody tr a").first().text()).isEqualTo(marker + " published");
        assertThat(published.select("table.records tbody tr")).hasSize(1);
    }

    @Test
    void anonymousVisitorsCannotReachTheForm() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get("/admin/records/new")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/records/new").with(EDITOR)).andExpect(status().isForbidden());
    }
}
