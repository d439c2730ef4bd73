package org.policyarchive.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.assertj.core.groups.Tuple;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.policyarchive.person.PersonDirectory;
import org.policyarchive.record.RecordCatalog;
import org.policyarchive.record.RecordDraft;
import org.policyarchive.record.RecordEditor;
import org.policyarchive.record.RecordStatus;
import org.policyarchive.record.Role;
import org.policyarchive.system.EditConflictException;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.Drafts;
import org.policyarchive.testing.Pages;
import org.policyarchive.theme.ThemeVocabulary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit entries of editors' changes, written from the record, person and theme modules' events inside each
 * change's transaction: each change writes exactly its entries (action, object, details, by whom), and a change that
 * is rolled back writes none.
 */
@SpringBootTest
@AutoConfigureMockMvc
@CleanArchive
class EditsAuditorIntegrationTests {

    static final String EDITOR_NAME = "auditing-editor";
    static final RequestPostProcessor EDITOR = user(EDITOR_NAME).roles("EDITOR");

    @Autowired
    RecordEditor editor;

    @Autowired
    RecordCatalog catalog;

    @Autowired
    PersonDirectory people;

    @Autowired
    ThemeVocabulary themes;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    long seen;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aRecordsLifeIsAuditedStepByStep() {
        RecordDraft draft = Drafts.speech("Harbour dues")
                .date("1921-06-01")
                .by("Jane Roe", Role.SPOKE)
                .build();

        long id = asEditor(() -> editor.create(draft, EDITOR_NAME, null));
        assertThat(newEntries()).containsExactly(entry("RECORD_CREATED", "harbour-dues-1921-06-01", "Harbour dues"));

        asEditor(() -> {
            editor.update(
                    id,
                    editor.currentVersion(id),
                    Drafts.speech("Harbour fees")
                            .date("1921-06-01")
                            .by("Jane Roe", Role.SPOKE)
                            .body("A new text.")
                            .build(),
                    EDITOR_NAME,
                    "a better title");
            return null;
        });
        assertThat(newEntries())
                .containsExactly(
                        entry("RECORD_UPDATED", "harbour-dues-1921-06-01", "changed title, body (a better title)"));

        asEditor(() -> {
            editor.changeStatus(id, RecordStatus.WITHDRAWN, EDITOR_NAME, null);
            return null;
        });
        assertThat(newEntries())
                .containsExactly(entry("RECORD_WITHDRAWN", "harbour-dues-1921-06-01", "PUBLISHED -> WITHDRAWN"));

        asEditor(() -> {
            editor.changeStatus(id, RecordStatus.PUBLISHED, EDITOR_NAME, null);
            return null;
        });
        assertThat(newEntries())
                .containsExactly(entry("RECORD_REINSTATED", "harbour-dues-1921-06-01", "WITHDRAWN -> PUBLISHED"));

        asEditor(() -> {
            editor.changeStatus(id, RecordStatus.DRAFT, EDITOR_NAME, null);
            editor.changeStatus(id, RecordStatus.PUBLISHED, EDITOR_NAME, null);
            return null;
        });
        assertThat(newEntries())
                .containsExactly(
                        entry("RECORD_DRAFT", "harbour-dues-1921-06-01", "PUBLISHED -> DRAFT"),
                        entry("RECORD_PUBLISHED", "harbour-dues-1921-06-01", "DRAFT -> PUBLISHED"));

        asEditor(() -> {
            editor.delete(id);
            return null;
        });
        assertThat(newEntries()).containsExactly(entry("RECORD_DELETED", "harbour-dues-1921-06-01", "Harbour fees"));
        assertThat(catalog.findById(id)).isEmpty();
    }

    @Test
    void updatingAPersonOnTheAdminPageIsAudited() throws Exception {
        long personId = people.findBySlug("chen-chun").orElseThrow().getId();

        saveForm("/admin/people/" + personId + "/edit", Map.of("name", "Chen Chun (academician)"));

        assertThat(newEntries()).containsExactly(entry("PERSON_UPDATED", "chen-chun", "Chen Chun (academician)"));
    }

    @Test
    void mergingTwoPeopleIsAuditedWithEveryRecordItChanged() throws Exception {
        asEditor(() -> editor.create(
                Drafts.speech("By the full name").by("Jane Roe", Role.SPOKE).build(), EDITOR_NAME, null));
        asEditor(() -> editor.create(
                Drafts.speech("By the initial").by("J. Roe", Role.SPOKE).build(), EDITOR_NAME, null));
        newEntries();
        long kept = people.findByAnyName("Jane Roe").orElseThrow().getId();
        long merged = people.findByAnyName("J. Roe").orElseThrow().getId();

        mvc.perform(post("/admin/people/" + kept + "/merge")
                        .param("mergedId", String.valueOf(merged))
                        .with(EDITOR)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(newEntries())
                .containsExactlyInAnyOrder(
                        entry("PERSON_MERGED", "jane-roe", "merged j-roe (J. Roe)"),
                        entry("RECORD_UPDATED", "by-the-initial", "changed people (merged J. Roe into Jane Roe)"));
        assertThat(people.findById(merged)).isEmpty();
    }

    @Test
    void creatingAndRenamingAThemeOnTheAdminPagesIsAudited() throws Exception {
        Pages.load(mvc, get("/admin/themes/new").with(EDITOR), 200);
        String created = mvc.perform(post("/admin/themes/new")
                        .param("name", "Harbours")
                        .with(EDITOR)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(newEntries()).containsExactly(entry("THEME_CREATED", "harbours", "Harbours"));

        saveForm(created, Map.of("name", "Harbours and ports"));

        assertThat(newEntries()).containsExactly(entry("THEME_UPDATED", "harbours", "Harbours and ports"));
        assertThat(themes.findBySlug("harbours").orElseThrow().getName()).isEqualTo("Harbours and ports");
    }

    /** An update refused for an edit conflict rolls back the transaction it ran in, with the entries written in it. */
    @Test
    void aChangeRolledBackForAnEditConflictLeavesNoEntry() {
        long id = asEditor(() -> editor.create(Drafts.speech("Tolls").build(), EDITOR_NAME, null));
        long version = editor.currentVersion(id);
        newEntries();

        assertThatThrownBy(() -> asEditor(() -> transactions.execute(status -> {
                    editor.changeStatus(id, RecordStatus.WITHDRAWN, EDITOR_NAME, null);
                    editor.update(id, version, Drafts.speech("Tolls and dues").build(), EDITOR_NAME, null);
                    return null;
                })))
                .isInstanceOf(EditConflictException.class);

        assertThat(newEntries()).isEmpty();
        assertThat(catalog.findById(id).orElseThrow().getStatus()).isEqualTo(RecordStatus.PUBLISHED);
        assertThat(catalog.findById(id).orElseThrow().getTitle()).isEqualTo("Tolls");
    }

    @Test
    void aChangeWhoseTransactionIsRolledBackLeavesNoEntry() {
        asEditor(() -> transactions.execute(status -> {
            editor.create(Drafts.speech("Never kept").build(), EDITOR_NAME, null);
            status.setRollbackOnly();
            return null;
        }));

        assertThat(newEntries()).isEmpty();
        assertThat(catalog.existsBySlug("never-kept")).isFalse();
    }

    /** Runs a write as the signed-in editor, as the admin pages do. */
    private <T> T asEditor(Supplier<T> write) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        EDITOR_NAME, null, AuthorityUtils.createAuthorityList("ROLE_EDITOR")));
        try {
            return write.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** Loads an admin form, changes {@code fields}, and saves it as the editor. */
    private void saveForm(String path, Map<String, String> fields) throws Exception {
        FormElement form = Pages.mainForm(Pages.load(mvc, get(path).with(EDITOR), 200));
        mvc.perform(Pages.submit(form, fields).with(EDITOR).with(csrf())).andExpect(status().is3xxRedirection());
    }

    /** The entries written since the last call, oldest first; every one by the editor. */
    private List<Tuple> newEntries() {
        List<Tuple> entries = jdbc.sql("select id, username, action, object_type, object_id, details from audit_event"
                        + " where id > ? order by id")
                .param(seen)
                .query((rs, n) -> {
                    seen = Math.max(seen, rs.getLong("id"));
                    assertThat(rs.getString("username")).isEqualTo(EDITOR_NAME);
                    return tuple(
                            rs.getString("action"),
                            rs.getString("object_type"),
                            rs.getString("object_id"),
                            rs.getString("details"));
                })
                .list();
        return entries;
    }

    private static Tuple entry(String action, String slug, String details) {
        String type = action.substring(0, action.indexOf('_')).toLowerCase();
        return tuple(action, type, slug, details);
    }
}
