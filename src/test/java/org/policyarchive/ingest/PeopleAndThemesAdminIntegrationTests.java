package org.policyarchive.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyarchive.ingest.RecordFormIntegrationTests.unique;
import static org.policyarchive.ingest.RecordFormIntegrationTests.valid;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.policyarchive.person.Person;
import org.policyarchive.person.PersonDirectory;
import org.policyarchive.record.Role;
import org.policyarchive.theme.Theme;
import org.policyarchive.theme.ThemeVocabulary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
@AutoConfigureMockMvc
class PeopleAndThemesAdminIntegrationTests {

    static final RequestPostProcessor EDITOR = user("editor").roles("EDITOR");

    @Autowired
    MockMvc mvc;

    @Autowired
    PersonDirectory people;

    @Autowired
    ThemeVocabulary themes;

    @Autowired
    RecordEditor editor;

    @Autowired
    TransactionTemplate transactions;

    Person person(String name) {
        return people.findOrCreate(name);
    }

    Document page(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request.with(EDITOR))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    long createRecord(String title, String... fields) throws Exception {
        String edit = mvc.perform(valid(post("/admin/records/new").with(csrf()).with(EDITOR), title, fields))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        return Long.parseLong(edit.replaceAll("\\D", ""));
    }

    @Test
    void editsNamesAliasesAndOffices() throws Exception {
        Person person = person(unique("Wang Wu"));
        String url = "/admin/people/" + person.getId() + "/edit";
        Document form = page(get(url));
        assertThat(form.select("#name").val()).isEqualTo(person.getName());

        Document withRow = page(post(url)
                .with(csrf())
                .param("version", form.select("#version").val())
                .param("name", person.getName())
                .param("action", "addOffice"));
        assertThat(withRow.select("#offices0\\.title")).hasSize(1);

        mvc.perform(post(url)
                        .with(csrf())
                        .with(EDITOR)
                        .param("version", form.select("#version").val())
                        .param("name", person.getName() + " Jr")
                        .param("nativeName", "王五")
                        .param("aliases", "Minister Wang\r\nWang W.\r\n")
                        .param("offices[0].title", "Minister of Finance")
                        .param("offices[0].organization", "State Council")
                        .param("offices[0].startDate", "2020-03-01"))
                .andExpect(status().is3xxRedirection());

        Document saved = page(get(url));
        assertThat(saved.select("#name").val()).isEqualTo(person.getName() + " Jr");
        assertThat(saved.select("#nativeName").val()).isEqualTo("王五");
        assertThat(saved.select("#aliases").val()).isEqualTo("Minister Wang\nWang W.");
        assertThat(saved.select("#offices0\\.title").val()).isEqualTo("Minister of Finance");
        assertThat(saved.select("#offices0\\.startDate").val()).isEqualTo("2020-03-01");
        assertThat(people.findByAnyName("Minister Wang")).map(Person::getId).contains(person.getId());
    }

    @Test
    void rejectsABlankNameAndABadOfficeDateKeepingInput() throws Exception {
        Person person = person(unique("Zhao Liu"));
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
    }

    @Test
    void staleVersionOfAPersonIsAConflict() throws Exception {
        Person person = person(unique("Qian Qi"));
        String url = "/admin/people/" + person.getId() + "/edit";
        String version = page(get(url)).select("#version").val();
        mvc.perform(
                post(url).with(csrf()).with(EDITOR).param("version", version).param("name", "First change"));

        String html = mvc.perform(post(url)
                        .with(csrf())
                        .with(EDITOR)
                        .param("version", version)
                        .param("name", "Second change"))
                .andExpect(status().isConflict())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(html).select(".error-summary").text()).contains("Someone else changed this person");
        assertThat(people.findById(person.getId()).orElseThrow().getName()).isEqualTo("First change");
    }

    @Test
    void autocompleteFindsPeopleByNameNativeNameOrAlias() throws Exception {
        mvc.perform(get("/admin/people/lookup").param("q", "李克").with(EDITOR))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].label").value("Li Keqiang"))
                .andExpect(jsonPath("$[0].detail").value("李克强"));
        mvc.perform(get("/admin/people/lookup").param("q", "premier li keq").with(EDITOR))
                .andExpect(jsonPath("$[0].label").value("Li Keqiang"));
        mvc.perform(get("/admin/people/lookup").param("q", "100%_").with(EDITOR))
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/admin/people/lookup").param("q", "Li")).andExpect(status().is3xxRedirection());
    }

    @Test
    void mergingMovesParticipationsWithoutDuplicatesAndRedirectsTheOldSlug() throws Exception {
        Person kept = person(unique("Liu He"));
        Person duplicate = person(unique("Liu He duplicate"));
        transactions.executeWithoutResult(tx -> {
            Person d = people.findById(duplicate.getId()).orElseThrow();
            d.setNativeName("刘鹤");
            d.getAliases().add("Vice Premier Liu He");
            people.save(d);
        });
        long both = createRecord(
                unique("Both named"),
                "people[0].personId",
                kept.getId().toString(),
                "people[0].name",
                kept.getName(),
                "people[0].role",
                "SPOKE",
                "people[1].personId",
                duplicate.getId().toString(),
                "people[1].name",
                duplicate.getName(),
                "people[1].role",
                "SPOKE",
                "people[2].personId",
                duplicate.getId().toString(),
                "people[2].name",
                duplicate.getName(),
                "people[2].role",
                "PRESIDED");
        long onlyDuplicate = createRecord(
                unique("Duplicate named"), "people[0].name", duplicate.getName(), "people[0].role", "LECTURED");

        Document confirm = page(get("/admin/people/" + kept.getId() + "/merge").param("other", duplicate.getSlug()));
        assertThat(confirm.select("main form[method=post] button").text())
                .isEqualTo("Merge " + duplicate.getName() + " into " + kept.getName());
        mvc.perform(post("/admin/people/" + kept.getId() + "/merge")
                        .with(csrf())
                        .with(EDITOR)
                        .param("mergedId", duplicate.getId().toString()))
                .andExpect(status().is3xxRedirection());

        assertThat(people.findById(duplicate.getId())).isEmpty();
        mvc.perform(get("/people/" + duplicate.getSlug()))
                .andExpect(status().isMovedPermanently())
                .andExpect(header().string("Location", "/people/" + kept.getSlug()));
        assertThat(people.findRedirect(duplicate.getSlug())).map(Person::getId).contains(kept.getId());
        assertThat(editor.current(both).people())
                .extracting(RecordSnapshot.PersonEntry::personId, RecordSnapshot.PersonEntry::role)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(kept.getId(), Role.SPOKE),
                        org.assertj.core.groups.Tuple.tuple(kept.getId(), Role.PRESIDED));
        assertThat(editor.current(onlyDuplicate).people())
                .extracting(RecordSnapshot.PersonEntry::personId)
                .containsExactly(kept.getId());
        assertThat(editor.history(both).get(0).comment()).startsWith("merged " + duplicate.getName());
        transactions.executeWithoutResult(tx -> {
            Person merged = people.findById(kept.getId()).orElseThrow();
            assertThat(merged.getNativeName()).isEqualTo("刘鹤");
            assertThat(merged.getAliases()).contains(duplicate.getName(), "Vice Premier Liu He");
        });
        assertThat(people.findByAnyName("Vice Premier Liu He"))
                .map(Person::getId)
                .contains(kept.getId());
    }

    @Test
    void mergeRefusesThePersonItselfAndUnknownNames() throws Exception {
        Person kept = person(unique("Lonely"));

        Document self = page(get("/admin/people/" + kept.getId() + "/merge").param("other", kept.getSlug()));
        Document unknown = page(get("/admin/people/" + kept.getId() + "/merge").param("other", "nobody-at-all-xyz"));

        assertThat(self.select("#other-error").text()).isEqualTo("This is the person who stays; choose another one.");
        assertThat(unknown.select("#other-error").text()).isEqualTo("No person has this name or slug.");
        mvc.perform(post("/admin/people/" + kept.getId() + "/merge")
                        .with(csrf())
                        .with(EDITOR)
                        .param("mergedId", kept.getId().toString()))
                .andExpect(status().isBadRequest());
    }

    @Test
    void createsAndEditsThemesWithAParent() throws Exception {
        String name = unique("Green finance");
        Theme parent = themes.findBySlug("digital-economy").orElseThrow();

        String edit = mvc.perform(post("/admin/themes/new")
                        .with(csrf())
                        .with(EDITOR)
                        .param("name", name)
                        .param("nameZh", "绿色金融")
                        .param("parentId", parent.getId().toString())
                        .param("description", "<em>Loans</em> for clean energy."))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();

        Document form = page(get(edit));
        assertThat(form.select("#name").val()).isEqualTo(name);
        assertThat(form.select("#nameZh").val()).isEqualTo("绿色金融");
        assertThat(form.select("#parentId option[selected]").val())
                .isEqualTo(parent.getId().toString());
        assertThat(form.select("#description").val()).isEqualTo("<em>Loans</em> for clean energy.");

        mvc.perform(post(edit)
                        .with(csrf())
                        .with(EDITOR)
                        .param("version", form.select("#version").val())
                        .param("name", name + " renamed")
                        .param("parentId", ""))
                .andExpect(status().is3xxRedirection());
        Theme saved = themes.findByName(name + " renamed").orElseThrow();
        assertThat(saved.getNameZh()).isNull();
        assertThat(page(get("/admin/themes")).select(".theme-tree > li > a").eachText())
                .contains(name + " renamed");
    }

    @Test
    void refusesAThemeUnderANarrowerThemeOrADuplicateName() throws Exception {
        Theme narrower = themes.findBySlug("talent").orElseThrow();

        Document page = page(post("/admin/themes/new")
                .with(csrf())
                .param("name", "Digital economy")
                .param("parentId", narrower.getId().toString()));

        assertThat(page.select("#name-error").text()).isEqualTo("Another theme already has this name.");
        assertThat(page.select("#parentId-error").text()).startsWith("Choose a broader theme");
    }
}
