package org.policyarchive.theme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.policyarchive.system.Flash;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.Pages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The theme admin pages, against the whole application: adding a theme, changing it, and what they refuse. */
@SpringBootTest
@AutoConfigureMockMvc
@CleanArchive
class ThemesAdminIntegrationTests {

    static final RequestPostProcessor EDITOR = user("editor").roles("EDITOR");

    @Autowired
    MockMvc mvc;

    @Autowired
    ThemeVocabulary themes;

    Document page(MockHttpServletRequestBuilder request) throws Exception {
        return Pages.load(mvc, request.with(EDITOR), 200);
    }

    @Test
    void createsAndEditsThemesWithAParent() throws Exception {
        Theme parent = themes.findBySlug("digital-economy").orElseThrow();

        MvcResult created = mvc.perform(post("/admin/themes/new")
                        .with(csrf())
                        .with(EDITOR)
                        .param("name", "Green finance")
                        .param("nameZh", "绿色金融")
                        .param("parentId", parent.getId().toString())
                        .param("description", "<em>Loans</em> for clean energy."))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        Theme theme = themes.findBySlug("green-finance").orElseThrow();
        String edit = created.getResponse().getRedirectedUrl();
        assertThat(edit).isEqualTo("/admin/themes/" + theme.getId() + "/edit");
        assertThat(created.getFlashMap().get(Flash.ATTRIBUTE)).isEqualTo(new Flash("theme.saved"));

        Document form = page(get(edit));
        assertThat(form.select("#name").val()).isEqualTo("Green finance");
        assertThat(form.select("#nameZh").val()).isEqualTo("绿色金融");
        assertThat(form.select("#parentId option[selected]").val())
                .isEqualTo(parent.getId().toString());
        assertThat(form.select("#description").val()).isEqualTo("<em>Loans</em> for clean energy.");

        mvc.perform(post(edit)
                        .with(csrf())
                        .with(EDITOR)
                        .param("version", form.select("#version").val())
                        .param("name", "Green finance renamed")
                        .param("parentId", ""))
                .andExpect(status().is3xxRedirection());
        Theme saved = themes.findByName("Green finance renamed").orElseThrow();
        assertThat(saved.getId()).isEqualTo(theme.getId());
        assertThat(saved.getSlug()).as("a theme keeps its slug").isEqualTo("green-finance");
        assertThat(saved.getNameZh()).isNull();
        assertThat(saved.getParent()).isNull();
        assertThat(page(get("/admin/themes")).select(".theme-tree > li > a").eachText())
                .as("a new theme has no place in the vocabulary's order yet, so it comes first")
                .containsExactly(
                        "Green finance renamed",
                        "Digital economy",
                        "Digital transformation of industries",
                        "Innovation and talent");
    }

    @Test
    void refusesAThemeUnderANarrowerThemeOrADuplicateName() throws Exception {
        Theme narrower = themes.findBySlug("talent").orElseThrow();

        Document page = page(post("/admin/themes/new")
                .with(csrf())
                .param("name", "Digital economy")
                .param("parentId", narrower.getId().toString()));

        assertThat(page.select("#name-error").text()).isEqualTo("Another theme already has this name.");
        assertThat(page.select("#parentId-error").text())
                .isEqualTo("Choose a broader theme that is not this theme; a theme with narrower themes cannot have a"
                        + " broader one.");
        assertThat(themes.count()).isEqualTo(15);
    }

    @Test
    void staleVersionOfAThemeIsAConflict() throws Exception {
        Theme theme = themes.findBySlug("talent").orElseThrow();
        String parentId =
                themes.findBySlug("innovation-and-talent").orElseThrow().getId().toString();
        String url = "/admin/themes/" + theme.getId() + "/edit";
        String version = page(get(url)).select("#version").val();
        mvc.perform(post(url)
                        .with(csrf())
                        .with(EDITOR)
                        .param("version", version)
                        .param("name", "Talent first")
                        .param("parentId", parentId))
                .andExpect(status().is3xxRedirection());

        Document page = Pages.load(
                mvc,
                post(url)
                        .with(csrf())
                        .with(EDITOR)
                        .param("version", version)
                        .param("name", "Talent second")
                        .param("parentId", parentId),
                409);

        assertThat(page.select(".error-summary p").eachText())
                .containsExactly("Someone else changed this theme after you opened the page. Open it again to see"
                        + " their change.");
        assertThat(themes.findBySlug("talent").orElseThrow().getName()).isEqualTo("Talent first");
    }
}
