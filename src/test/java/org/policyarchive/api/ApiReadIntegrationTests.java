package org.policyarchive.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policyarchive.record.RecordCatalog;
import org.policyarchive.record.RecordEditor;
import org.policyarchive.record.RecordStatus;
import org.policyarchive.record.Role;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.Drafts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@CleanArchive
class ApiReadIntegrationTests {

    static final String SEED_SLUG = "state-council-study-session-digital-economy-2023-08-21";
    static final String PROBLEM = "application/problem+json";

    @Autowired
    MockMvc mvc;

    @Autowired
    RecordEditor editor;

    @Autowired
    RecordCatalog catalog;

    @Autowired
    RateLimits limits;

    @BeforeEach
    void forgetRequestCounts() {
        limits.clear();
    }

    @Test
    void givesTheSeedRecordInTheInterchangeFormatsFields() throws Exception {
        String body = new ClassPathResource("seed/state-council-study-session-2023-08-21.txt")
                .getContentAsString(StandardCharsets.UTF_8);
        String paragraphs = body.substring(body.indexOf("\n\n") + 2).strip();
        long id = catalog.findBySlug(SEED_SLUG).orElseThrow().getId();

        mvc.perform(get("/api/records/" + SEED_SLUG))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.slug").value(SEED_SLUG))
                .andExpect(jsonPath("$.title").value(body.substring(0, body.indexOf("\n\n"))))
                .andExpect(jsonPath("$.date").value("2023-08-21"))
                .andExpect(jsonPath("$.kind").value("study session"))
                .andExpect(jsonPath("$.language").value("en"))
                .andExpect(jsonPath("$.place").value("Beijing"))
                .andExpect(jsonPath("$.organization").value("State Council"))
                .andExpect(jsonPath("$.speakers[0].name").value("Li Keqiang"))
                .andExpect(jsonPath("$.speakers[0].role").value("presided"))
                .andExpect(jsonPath("$.speakers[0].office")
                        .value("Premier of the State Council (as the source names him)"))
                .andExpect(jsonPath("$.speakers[0].person").value("li-keqiang"))
                .andExpect(jsonPath("$.speakers[1].name").value("Chen Chun"))
                .andExpect(jsonPath("$.speakers[1].role").value("lectured"))
                .andExpect(jsonPath("$.themes[0]").value("Digital economy"))
                .andExpect(jsonPath("$.body").value(paragraphs))
                .andExpect(jsonPath("$.notes", hasSize(1)))
                .andExpect(jsonPath("$.status").value("published"))
                .andExpect(jsonPath("$.version").value(0))
                .andExpect(jsonPath("$.links.self").value("http://localhost/api/records/" + SEED_SLUG))
                .andExpect(jsonPath("$.links.html").value("http://localhost/records/" + SEED_SLUG));
    }

    @Test
    void listsRecordsWithTheSearchPagesFiltersAndPagingLinks() throws Exception {
        for (int i = 1; i <= 12; i++) {
            editor.create(
                    Drafts.speech("Granary speech " + i)
                            .date("2020-01-%02d".formatted(i))
                            .by("Jane Granary", Role.SPOKE)
                            .build(),
                    "test",
                    null);
        }

        mvc.perform(get("/api/records"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(13))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.pageSize").value(10))
                .andExpect(jsonPath("$.pageCount").value(2))
                .andExpect(jsonPath("$.records", hasSize(10)))
                .andExpect(jsonPath("$.records[0].slug").value(SEED_SLUG))
                .andExpect(jsonPath("$.links.prev").value(nullValue()))
                .andExpect(jsonPath("$.links.next").value("http://localhost/api/records?page=2"))
                .andExpect(header().string("Link", "<http://localhost/api/records?page=2>; rel=\"next\""));

        mvc.perform(get("/api/records")
                        .param("kind", "speech")
                        .param("sort", "oldest")
                        .param("page", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(12))
                .andExpect(jsonPath("$.records[*].title", contains("Granary speech 11", "Granary speech 12")))
                .andExpect(jsonPath("$.links.next").value(nullValue()))
                .andExpect(jsonPath("$.links.prev").value("http://localhost/api/records?kind=speech&sort=oldest"))
                .andExpect(jsonPath("$.links.html").value("http://localhost/search?kind=speech&sort=oldest&page=2"));

        mvc.perform(get("/api/records").param("q", "digital economy").param("person", "chen-chun"))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.records[0].slug").value(SEED_SLUG));
        mvc.perform(get("/api/records")
                        .param("theme", "digital-economy")
                        .param("lang", "en")
                        .param("from", "2023")
                        .param("to", "2023-08"))
                .andExpect(jsonPath("$.total").value(1));
        mvc.perform(get("/api/records")
                        .param("person", "jane-granary")
                        .param("role", "spoke")
                        .param("to", "2020-01-05"))
                .andExpect(jsonPath("$.total").value(5));
    }

    @Test
    void showsOnlyPublishedRecordsToThePublic() throws Exception {
        long draft = editor.create(
                Drafts.speech("A draft").status(RecordStatus.DRAFT).build(), "test", null);
        long withdrawn = editor.create(Drafts.speech("Taken back").build(), "test", null);
        editor.changeStatus(withdrawn, RecordStatus.WITHDRAWN, "test", null);

        mvc.perform(get("/api/records/" + catalog.findById(draft).orElseThrow().getSlug()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(PROBLEM));
        mvc.perform(get("/api/records/"
                        + catalog.findById(withdrawn).orElseThrow().getSlug()))
                .andExpect(status().isGone())
                .andExpect(content().contentType(PROBLEM))
                .andExpect(jsonPath("$.status").value(410))
                .andExpect(jsonPath("$.detail").value("The record “Taken back” was withdrawn from the archive."));
        mvc.perform(get("/api/records")).andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void givesPeopleAndThemes() throws Exception {
        mvc.perform(get("/api/people"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].slug").value("chen-chun"))
                .andExpect(jsonPath("$[0].records").value(1))
                .andExpect(jsonPath("$[0].links.records").value("http://localhost/api/records?person=chen-chun"));
        mvc.perform(get("/api/people/li-keqiang"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Li Keqiang"))
                .andExpect(jsonPath("$.nativeName").value("李克强"))
                .andExpect(jsonPath("$.aliases", contains("Premier Li Keqiang", "李克强总理")))
                .andExpect(jsonPath("$.offices[0].title").value("Premier"))
                .andExpect(jsonPath("$.offices[0].start").value("2013-03-15"))
                .andExpect(jsonPath("$.records").value(1))
                .andExpect(jsonPath("$.links.html").value("http://localhost/people/li-keqiang"));
        mvc.perform(get("/api/themes"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].theme.slug").value("digital-economy"))
                .andExpect(jsonPath("$[0].theme.nameZh").value("数字经济"))
                .andExpect(jsonPath("$[0].narrower[0].slug")
                        .value("integration-of-digital-technology-and-the-real-economy"));
        mvc.perform(get("/api/themes/digital-industry-clusters"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Digital industry clusters"))
                .andExpect(jsonPath("$.broader.slug").value("digital-economy"))
                .andExpect(jsonPath("$.narrower", hasSize(0)))
                .andExpect(jsonPath("$.records").value(1));
    }

    @Test
    void answersBadInputWithProblemDetails() throws Exception {
        mvc.perform(get("/api/records").param("kind", "sonnet"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(PROBLEM))
                .andExpect(jsonPath("$.type").value("about:blank"))
                .andExpect(jsonPath("$.title").value("Bad Request"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.parameter").value("kind"))
                .andExpect(jsonPath("$.instance").value("/api/records"));
        mvc.perform(get("/api/records").param("page", "two"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("page"));
        mvc.perform(get("/api/records").param("page", "3"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("page"));
        mvc.perform(get("/api/records").param("from", "2023-02-30"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("from"));
        mvc.perform(get("/api/records").param("q", "a\u0000b"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(PROBLEM))
                .andExpect(jsonPath("$.parameter").value("q"));
        mvc.perform(get("/api/records").param("person", "nobody-at-all"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("person"));
        mvc.perform(get("/api/records/no-such-record"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(PROBLEM))
                .andExpect(jsonPath("$.detail").value("There is no record at the address “no-such-record”."));
        mvc.perform(get("/api/people/nobody"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(PROBLEM));
        mvc.perform(get("/api/themes/nothing"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(PROBLEM));
        mvc.perform(get("/api/nothing-here"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(PROBLEM));
        mvc.perform(get("/api/records").accept(MediaType.APPLICATION_XML))
                .andExpect(status().isNotAcceptable())
                .andExpect(content().contentType(PROBLEM));
    }

    @Test
    void opensPublicReadsToOtherSitesButNotWrites() throws Exception {
        mvc.perform(get("/api/records/" + SEED_SLUG).header("Origin", "https://reader.example"))
                .andExpect(status().isOk())
                .andExpect(header().string("Access-Control-Allow-Origin", "*"));
        mvc.perform(options("/api/records")
                        .header("Origin", "https://reader.example")
                        .header("Access-Control-Request-Method", "GET"))
                .andExpect(status().isOk())
                .andExpect(header().string("Access-Control-Allow-Origin", "*"))
                .andExpect(header().string("Access-Control-Allow-Methods", endsWith("HEAD")));

        mvc.perform(options("/api/records")
                        .header("Origin", "https://reader.example")
                        .header("Access-Control-Request-Method", "POST"))
                .andExpect(status().isForbidden())
                .andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
        mvc.perform(post("/api/records")
                        .header("Origin", "https://reader.example")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
        mvc.perform(get("/api/imports/1").header("Origin", "https://reader.example"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
    }

    @Test
    void keepsTheArchivesPagesFreeOfCors() throws Exception {
        mvc.perform(get("/records/" + SEED_SLUG).header("Origin", "https://reader.example"))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
    }
}
