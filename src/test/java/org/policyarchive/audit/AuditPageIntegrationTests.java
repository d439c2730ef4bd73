package org.policyarchive.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.Pages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpringBootTest
@AutoConfigureMockMvc
@CleanArchive
class AuditPageIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditLog auditLog;

    MvcResult show(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user("auditor").roles("ADMIN"))).andReturn();
    }

    Document page(MvcResult result) {
        return Pages.of(result);
    }

    @Test
    void listsEntriesNewestFirstFilteredByUserActionTypeAndDates() throws Exception {
        String username = "filtered";
        auditLog.recordAs(username, AuditAction.RECORD_CREATED, "record", "first-record", "created");
        auditLog.recordAs(username, AuditAction.RECORD_UPDATED, "record", "first-record", "title: <b>A</b> -> B");
        auditLog.recordAs(username, AuditAction.PERSON_UPDATED, "person", "someone", null);
        auditLog.recordAs("someone-else", AuditAction.PERSON_UPDATED, "person", "someone", null);
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        Document all = page(show(get("/admin/audit").param("user", username)));
        Document updates = page(show(get("/admin/audit")
                .param("user", username)
                .param("action", "record_updated")
                .param("from", today)
                .param("to", today)));
        Document people = page(show(get("/admin/audit").param("user", username).param("type", "person")));
        Document later = page(show(get("/admin/audit")
                .param("user", username)
                .param("from", LocalDate.now(ZoneOffset.UTC).plusDays(1).toString())));

        assertThat(all.select("table.audit tbody tr td:nth-child(4)").eachText())
                .containsExactly("PERSON_UPDATED", "RECORD_UPDATED", "RECORD_CREATED");
        assertThat(all.select("h1").text()).isEqualTo("Audit log");
        assertThat(all.select("#user").val()).isEqualTo(username);
        assertThat(page(show(get("/admin/audit")))
                        .select("table.audit tbody tr td:nth-child(4)")
                        .eachText())
                .containsExactly("PERSON_UPDATED", "PERSON_UPDATED", "RECORD_UPDATED", "RECORD_CREATED");
        assertThat(updates.select("table.audit tbody tr")).hasSize(1);
        assertThat(updates.select("table.audit tbody tr").text())
                .contains(username, "RECORD_UPDATED", "record first-record", "title: <b>A</b> -> B");
        assertThat(people.select("table.audit tbody tr td:nth-child(5)").eachText())
                .containsExactly("person someone");
        assertThat(later.select("table.audit")).isEmpty();
        assertThat(later.select("main p").eachText()).contains("No entries match.");
    }

    @Test
    void pagesWithLinksThatKeepTheFilters() throws Exception {
        String username = "many";
        for (int i = 0; i < AuditController.PAGE_SIZE + 1; i++) {
            auditLog.recordAs(username, AuditAction.RECORD_CREATED, "record", String.valueOf(i), null);
        }

        Document first = page(show(get("/admin/audit").param("user", username)));
        String next = first.select("a[rel=next]").attr("href");
        Document second = page(show(get(next)));

        assertThat(first.select("table.audit tbody tr")).hasSize(AuditController.PAGE_SIZE);
        assertThat(first.select("main > p").eachText()).contains("51 entries; page 1 of 2.");
        assertThat(next).contains("user=" + username, "page=1");
        assertThat(second.select("table.audit tbody tr td:nth-child(5)").eachText())
                .containsExactly("record 0");
        assertThat(second.select("a[rel=prev]")).hasSize(1);
    }

    @Test
    void answersBadFilterValuesWithAMessage() throws Exception {
        MvcResult badDate = show(get("/admin/audit").param("from", "2024-13-45"));
        MvcResult reversed =
                show(get("/admin/audit").param("from", "2024-05-02").param("to", "2024-05-01"));
        MvcResult badPage = show(get("/admin/audit").param("page", "-1"));
        MvcResult notANumber = show(get("/admin/audit").param("page", "two"));

        assertThat(badDate.getResponse().getStatus()).isEqualTo(400);
        assertThat(page(badDate).select("#from-error").text()).isEqualTo("Enter a date as YYYY-MM-DD.");
        assertThat(page(badDate).select("#filter-error").text())
                .isEqualTo("The filter could not be applied. Correct the values marked below.");
        assertThat(reversed.getResponse().getStatus()).isEqualTo(400);
        assertThat(page(reversed).select(".error").text()).contains("The start date is after the end date.");
        assertThat(badPage.getResponse().getStatus()).isEqualTo(400);
        assertThat(page(badPage).select(".error").text()).contains("The page number must be 0 or more.");
        assertThat(notANumber.getResponse().getStatus()).isEqualTo(400);
        assertThat(page(notANumber).select("table.audit")).isEmpty();
    }

    @Test
    void isForAdminsOnly() throws Exception {
        MvcResult editor = mvc.perform(get("/admin/audit").with(user("ed").roles("EDITOR")))
                .andReturn();

        assertThat(editor.getResponse().getStatus()).isEqualTo(403);
    }
}
