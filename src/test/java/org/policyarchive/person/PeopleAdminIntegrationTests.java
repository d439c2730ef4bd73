package org.policyarchive.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.hamcrest.Matchers.contains;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.policyarchive.record.RecordEditor;
import org.policyarchive.record.Role;
import org.policyarchive.record.internal.RecordSnapshot;
import org.policyarchive.system.Flash;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.Drafts;
import org.policyarchive.testing.Pages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/** The people admin pages, against the whole application: editing a person, the autocomplete, and merging two. */
@SpringBootTest
@AutoConfigureMockMvc
@CleanArchive
class PeopleAdminIntegrationTests {

    static final RequestPostProcessor EDITOR = user("editor").roles("EDITOR");

    @Autowired
    MockMvc mvc;

    @Autowired
    PersonDirectory people;

    @Autowired
    RecordEditor records;

    @Autowired
    TransactionTemplate transactions;

    Person person(String name) {
        return people.findOrCreate(name);
    }

    Document page(MockHttpServletRequestBuilder request) throws Exception {
        return Pages.load(mvc, request.with(EDITOR), 200);
    }

    @Test
    void editsNamesAliasesAndOffices() throws Exception {
        Person person = person("Wang Wu");
        String url = "/admin/people/" + person.getId() + "/edit";
        Document form = page(get(url));
        assertThat(form.select("#name").val()).isEqualTo("Wang Wu");

        Document withRow = page(post(url)
                .with(csrf())
                .param("version", form.select("#version").val())
                .param("name", person.getName())
                .param("action", "addOffice"));
        assertThat(withRow.select("#offices0\\.title")).hasSize(1);
        assertThat(withRow.select(".error")).isEmpty();

        mvc.perform(post(url)
                        .with(csrf())
                        .with(EDITOR)
                        .param("version", form.select("#version").val())
                        .param("name", "Wang Wu Jr")
                        .param("nativeName", "王五")
                        .param("aliases", "Minister Wang\r\nWang W.\r\n")
                        .param("offices[0].title", "Minister of Finance")
                        .param("offices[0].organization", "State Council")
                        .param("offices[0].startDate", "2020-03-01"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", url))
                .andExpect(flash().attribute(Flash.ATTRIBUTE, new Flash("person.saved")));

        Document saved = page(get(url));
        assertThat(saved.select("#name").val()).isEqualTo("Wang Wu Jr");
        assertThat(saved.select("#nativeName").val()).isEqualTo("王五");
        assertThat(saved.select("#aliases").val()).isEqualTo("Minister Wang\nWang W.");
        assertThat(saved.select("#offices0\\.title").val()).isEqualTo("Minister of Finance");
        assertThat(saved.select("#offices0\\.organization").val()).isEqualTo("State Council");
        assertThat(saved.select("#offices0\\.startDate").val()).isEqualTo("2020-03-01");
        assertThat(saved.select("#offices0\\.endDate").val()).isEmpty();
        assertThat(people.findByAnyName("Minister Wang")).map(Person::getId).contains(person.getId());
    }

    @Test
    void rejectsABlankNameAndABadOfficeDateKeepingInput() throws Exception {
        Person person = person("Zhao Liu");
        String url = "/admin/people/" + person.getId() + "/edit";
        String version = page(get(url)).select("#version").val();

        Document page = page(post(url)
                .with(csrf())
                .param("version", version)
                .param("name", "")
                .param("nativeName", "赵六")
                .param("offices[0].title", "Mayor")
                .param("offices[0].startDate", "2020-02-31"));

        assertThat(page.select("#name-error").text()).isEqualTo("Enter a name.");
        assertThat(page.select("#offices0\\.startDate ~ p.error").text()).isEqualTo("Type the date as 2023-03-11.");
        assertThat(page.select("#nativeName").val()).isEqualTo("赵六");
        assertThat(page.select("#offices0\\.startDate").val()).isEqualTo("2020-02-31");
        assertThat(people.findById(person.getId()).orElseThrow().getName()).isEqualTo("Zhao Liu");
    }

    @Test
    void staleVersionOfAPersonIsAConflict() throws Exception {
        Person person = person("Qian Qi");
        String url = "/admin/people/" + person.getId() + "/edit";
        String version = page(get(url)).select("#version").val();
        mvc.perform(post(url)
                        .with(csrf())
                        .with(EDITOR)
                        .param("version", version)
                        .param("name", "First change"))
                .andExpect(status().is3xxRedirection());

        Document page = Pages.load(
                mvc,
                post(url).with(csrf()).with(EDITOR).param("version", version).param("name", "Second change"),
                409);

        assertThat(page.select(".error-summary li").eachText())
                .containsExactly("Someone else changed this person after you opened the page. Open it again to see"
                        + " their change.");
        assertThat(people.findById(person.getId()).orElseThrow().getName()).isEqualTo("First change");
    }

    @Test
    void autocompleteFindsPeopleByNameNativeNameOrAlias() throws Exception {
        mvc.perform(get("/admin/people/lookup").param("q", "李克").with(EDITOR))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].label").value("Li Keqiang"))
                .andExpect(jsonPath("$[0].detail").value("李克强"));
        mvc.perform(get("/admin/people/lookup").param("q", "premier li keq").with(EDITOR))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].label").value("Li Keqiang"));
        mvc.perform(get("/admin/people/lookup").param("q", "vice premier").with(EDITOR))
                .andExpect(jsonPath("$[*].label", contains("Ding Xuexiang", "Liu Guozhong", "Zhang Guoqing")));
        mvc.perform(get("/admin/people/lookup").param("q", "100%_").with(EDITOR))
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/admin/people/lookup").param("q", "Li")).andExpect(status().is3xxRedirection());
    }

    @Test
    void mergingMovesParticipationsWithoutDuplicatesWritesRevisionsAndRedirectsTheOldSlug() throws Exception {
        Person kept = person("Liu He");
        Person duplicate = person("Liu He duplicate");
        transactions.executeWithoutResult(tx -> {
            Person d = people.findById(duplicate.getId()).orElseThrow();
            d.setNativeName("刘鹤");
            d.getAliases().add("Vice Premier Liu He");
        });
        long both = records.create(
                Drafts.speech("Both named")
                        .by("Liu He", Role.SPOKE)
                        .by("Liu He duplicate", Role.SPOKE)
                        .by("Liu He duplicate", Role.PRESIDED)
                        .build(),
                "test",
                null);
        long onlyDuplicate = records.create(
                Drafts.speech("Duplicate named")
                        .by("Liu He duplicate", Role.LECTURED)
                        .build(),
                "test",
                null);
        long neither = records.create(
                Drafts.speech("Neither named").by("Chen Chun", Role.SPOKE).build(), "test", null);

        Document confirm = page(get("/admin/people/" + kept.getId() + "/merge").param("other", duplicate.getSlug()));
        assertThat(confirm.select("main form[method=post] button").text())
                .isEqualTo("Merge Liu He duplicate into Liu He");
        mvc.perform(post("/admin/people/" + kept.getId() + "/merge")
                        .with(csrf())
                        .with(EDITOR)
                        .param("mergedId", duplicate.getId().toString()))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/admin/people/" + kept.getId() + "/edit"));

        assertThat(people.findById(duplicate.getId())).isEmpty();
        mvc.perform(get("/people/" + duplicate.getSlug()))
                .andExpect(status().isMovedPermanently())
                .andExpect(header().string("Location", "/people/" + kept.getSlug()));
        assertThat(people.findRedirect(duplicate.getSlug())).map(Person::getId).contains(kept.getId());

        assertThat(records.current(both).people())
                .as("the merged person's parts moved, and the part the kept person already had went")
                .extracting(RecordSnapshot.PersonEntry::personId, RecordSnapshot.PersonEntry::role)
                .containsExactly(tuple(kept.getId(), Role.SPOKE), tuple(kept.getId(), Role.PRESIDED));
        assertThat(records.current(onlyDuplicate).people())
                .extracting(RecordSnapshot.PersonEntry::personId, RecordSnapshot.PersonEntry::role)
                .containsExactly(tuple(kept.getId(), Role.LECTURED));

        String comment = "merged Liu He duplicate into Liu He";
        assertThat(history(both)).containsExactly("2 editor " + comment, "1 test");
        assertThat(history(onlyDuplicate)).containsExactly("2 editor " + comment, "1 test");
        assertThat(history(neither)).as("a record the merge did not change").containsExactly("1 test");

        transactions.executeWithoutResult(tx -> {
            Person merged = people.findById(kept.getId()).orElseThrow();
            assertThat(merged.getNativeName()).isEqualTo("刘鹤");
            assertThat(merged.getAliases()).containsExactlyInAnyOrder("Liu He duplicate", "Vice Premier Liu He");
        });
        assertThat(people.findByAnyName("Vice Premier Liu He"))
                .map(Person::getId)
                .contains(kept.getId());
    }

    @Test
    void mergeRefusesThePersonItselfAndUnknownNames() throws Exception {
        Person kept = person("Lonely");

        Document self = page(get("/admin/people/" + kept.getId() + "/merge").param("other", kept.getSlug()));
        Document unknown = page(get("/admin/people/" + kept.getId() + "/merge").param("other", "nobody-at-all"));

        assertThat(self.select("#other-error").text()).isEqualTo("This is the person who stays; choose another one.");
        assertThat(unknown.select("#other-error").text()).isEqualTo("No person has this name or slug.");
        mvc.perform(post("/admin/people/" + kept.getId() + "/merge")
                        .with(csrf())
                        .with(EDITOR)
                        .param("mergedId", kept.getId().toString()))
                .andExpect(status().isBadRequest());
        assertThat(people.findById(kept.getId())).isPresent();
    }

    /** The rows of a record's history page: the revision's number, who made it and the comment. */
    private List<String> history(long recordId) throws Exception {
        return page(get("/admin/records/" + recordId + "/history")).select("table.revisions tbody tr").stream()
                .map(row -> (row.child(0).text() + " " + row.child(2).text() + " "
                                + row.child(3).text())
                        .strip())
                .toList();
    }
}
