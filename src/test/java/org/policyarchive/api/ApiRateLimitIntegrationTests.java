package org.policyarchive.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policyarchive.account.AccountRole;
import org.policyarchive.account.ApiTokens;
import org.policyarchive.account.UserAccounts;
import org.policyarchive.testing.CleanArchive;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpringBootTest(properties = {"archive.api.address-requests=3", "archive.api.token-requests=5"})
@AutoConfigureMockMvc
@CleanArchive
class ApiRateLimitIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    RateLimits limits;

    @Autowired
    UserAccounts accounts;

    @Autowired
    ApiTokens tokens;

    @BeforeEach
    void forgetRequestCounts() {
        limits.clear();
    }

    static MockHttpServletRequestBuilder from(String address) {
        return get("/api/themes").with(request -> {
            request.setRemoteAddr(address);
            return request;
        });
    }

    @Test
    void answers429WithRetryAfterPerAddress() throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(from("192.0.2.10")).andExpect(status().isOk());
        }
        String retryAfter = mvc.perform(from("192.0.2.10"))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().contentType("application/problem+json"))
                .andExpect(jsonPath("$.status").value(429))
                .andExpect(header().exists("Retry-After"))
                .andReturn()
                .getResponse()
                .getHeader("Retry-After");
        assertThat(Integer.parseInt(retryAfter)).isBetween(1, 60);
        mvc.perform(from("192.0.2.11")).andExpect(status().isOk());
        mvc.perform(get("/themes").with(request -> {
                    request.setRemoteAddr("192.0.2.10");
                    return request;
                }))
                .andExpect(status().isOk());
    }

    @Test
    void countsATokensRequestsAgainstTheTokenWhereverTheyComeFrom() throws Exception {
        accounts.createUser("busy-client", "correct horse battery", AccountRole.EDITOR);
        String token = tokens.create("busy-client", "busy").secret();
        for (int i = 0; i < 5; i++) {
            mvc.perform(from("192.0.2." + (20 + i)).header("Authorization", "Bearer " + token))
                    .andExpect(status().isOk());
        }
        mvc.perform(from("192.0.2.30").header("Authorization", "Bearer " + token))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"));
        mvc.perform(from("192.0.2.30")).andExpect(status().isOk());
    }
}
