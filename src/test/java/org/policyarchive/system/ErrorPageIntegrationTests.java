package org.policyarchive.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.servlet.RequestDispatcher;
import java.nio.charset.StandardCharsets;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.policyarchive.testing.CleanArchive;
import org.policyarchive.testing.Pages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The error pages: what the archive's own exceptions give, and what Spring's {@code /error} path renders for
 * unknown addresses and wrong methods (MockMvc does not forward to {@code /error}, so those requests go there
 * directly, as the servlet container would send them).
 */
@SpringBootTest
@AutoConfigureMockMvc
@CleanArchive
class ErrorPageIntegrationTests {

    @Autowired
    MockMvc mvc;

    /** A NUL in a parameter would reach PostgreSQL, which refuses it: a 400 naming the parameter, not a 500. */
    @ParameterizedTest
    @CsvSource({
        "/records, person",
        "/records, theme",
        "/records, kind",
        "/search, person",
        "/search, theme",
        "/search, q",
        "/people, q"
    })
    void refusesANulCharacterInAParameter(String path, String parameter) throws Exception {
        Document page = page(get(path).param(parameter, "a\u0000b"), 400);

        assertThat(page.selectFirst("main").text())
                .contains("The parameter “" + parameter + "” cannot be “a␀b”")
                .contains("NUL character");
    }

    /** The error path asked for directly has no error to show: there is no page there, not a server error. */
    @Test
    void theErrorPathAskedForDirectlyIsNotFound() throws Exception {
        Document page = page(get("/error"), 404);

        assertThat(page.selectFirst("h1").text()).isEqualTo("Page not found");
    }

    @Test
    void unknownRecordGivesA404PageNamingIt() throws Exception {
        Document page = page(get("/records/no-such-record-anywhere"), 404);

        assertThat(page.selectFirst("h1").text()).isEqualTo("Page not found");
        assertThat(page.selectFirst("main").text())
                .contains("There is no record at the address “no-such-record-anywhere”.");
        assertThat(page.select("header.site-header")).hasSize(1);
    }

    @Test
    void unknownAddressRendersTheFriendly404Page() throws Exception {
        Document page = page(errorDispatch(404, "/no/such/page"), 404);

        assertThat(page.selectFirst("h1").text()).isEqualTo("Page not found");
        assertThat(page.selectFirst("main").text()).contains("There is no page at this address");
        assertThat(page.selectFirst("title").text()).isEqualTo("Page not found · Policy Archive");
    }

    @Test
    void wrongMethodRendersTheGeneric4xxPage() throws Exception {
        Document page = page(errorDispatch(405, "/records"), 405);

        assertThat(page.selectFirst("h1").text()).isEqualTo("Request not possible");
        assertThat(page.selectFirst("main").text()).contains("error 405");
    }

    @Test
    void serverErrorRendersTheFriendly5xxPageWithoutStackTrace() throws Exception {
        Document page = page(errorDispatch(500, "/records"), 500);

        assertThat(page.selectFirst("h1").text()).isEqualTo("Server error");
        assertThat(page.text()).doesNotContain("Exception", "at org.");
    }

    @Test
    void deleteOnAPageIsNotAllowed() throws Exception {
        MvcResult result = mvc.perform(delete("/records")).andReturn();

        assertThat(result.getResponse().getStatus()).isIn(403, 405);
    }

    @Test
    void faviconIcoLeadsToTheSvgIcon() throws Exception {
        MvcResult result = mvc.perform(get("/favicon.ico")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl()).matches("/favicon-[0-9a-f]{32}\\.svg");
        assertThat(mvc.perform(get(result.getResponse().getRedirectedUrl()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("<svg");
    }

    private MockHttpServletRequestBuilder errorDispatch(int status, String path) {
        return get("/error")
                .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status)
                .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, path)
                .accept("text/html");
    }

    private Document page(MockHttpServletRequestBuilder request, int status) throws Exception {
        MvcResult result = mvc.perform(request.accept("text/html")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(status);
        assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .doesNotContain("Whitelabel", "Exception");
        return Pages.of(result);
    }
}
