package org.policyarchive.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The language links lead to the reader's page, whatever its address holds. */
class LanguageLinksTests {

    @Test
    void keepsThePathAndQueryWithoutAnEarlierChoice() {
        assertThat(address("/records", "lang=zh-Hans&locale=en&year=2023&locale=xx"))
                .isEqualTo("/records?lang=zh-Hans&year=2023&");
        assertThat(address("/", null)).isEqualTo("/?");
        assertThat(address("/search", "q=%E6%95%B0%E5%AD%97&%6Cocale=zh&&page=2"))
                .as("an encoded name is still the parameter; empty parts go")
                .isEqualTo("/search?q=%E6%95%B0%E5%AD%97&page=2&");
        assertThat(address("/search", "q=a%ZZ&locale")).isEqualTo("/search?q=a%ZZ&");
    }

    @Test
    void neverLeadsToAnotherSite() {
        assertThat(address("//evil.example/x", null)).isEqualTo("/evil.example/x?");
        assertThat(address("///evil.example", "a=1")).isEqualTo("/evil.example?a=1&");
    }

    @Test
    void anErrorPageLeadsToTheAddressThatFailed() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setDispatcherType(DispatcherType.ERROR);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/records/missing");
        request.setAttribute(RequestDispatcher.ERROR_QUERY_STRING, "page=3&locale=zh");
        assertThat(LanguageLinks.pageAddress(request)).isEqualTo("/records/missing?page=3&");

        request.removeAttribute(RequestDispatcher.ERROR_QUERY_STRING);
        assertThat(LanguageLinks.pageAddress(request)).isEqualTo("/records/missing?");
    }

    private static String address(String path, String query) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setQueryString(query);
        return LanguageLinks.pageAddress(request);
    }
}
