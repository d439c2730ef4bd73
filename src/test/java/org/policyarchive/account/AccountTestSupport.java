package org.policyarchive.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.RequestDispatcher;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.web.WebAttributes;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Unique names and addresses for rows in the shared test database, and real form sign-ins through MockMvc. */
final class AccountTestSupport {

    static final String PASSWORD = "correct horse battery";

    private AccountTestSupport() {}

    static String uniqueUsername(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * A random address from the IPv6 documentation range, in a /64 network of its own, so that no other test shares
     * its failure counts.
     */
    static String uniqueAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "2001:db8:%x:%x::%x"
                .formatted(random.nextInt(0x10000), random.nextInt(0x10000), random.nextInt(1, 0x10000));
    }

    static ClientAddress uniqueClient() {
        return ClientAddress.of(uniqueAddress());
    }

    /** Posts the sign-in form as a browser would, from {@code address}, within {@code session}. */
    static MvcResult signIn(MockMvc mvc, MockHttpSession session, String username, String password, String address)
            throws Exception {
        return mvc.perform(post("/login")
                        .session(session)
                        .param("username", username)
                        .param("password", password)
                        .with(csrf())
                        .with(request -> {
                            request.setRemoteAddr(address);
                            return request;
                        }))
                .andReturn();
    }

    static MvcResult signIn(MockMvc mvc, String username, String password) throws Exception {
        return signIn(mvc, new MockHttpSession(), username, password, uniqueAddress());
    }

    /**
     * The 403 page as the browser shows it: MockMvc does not carry out the forward that Spring Security's access
     * denied handler makes, so the test makes it, with the reason the handler passes along, the path it forwards
     * from and the session.
     */
    static Document forbiddenPage(MockMvc mvc, MvcResult denied) throws Exception {
        assertThat(denied.getResponse().getStatus()).isEqualTo(403);
        assertThat(denied.getResponse().getForwardedUrl()).isEqualTo(LoginController.ACCESS_DENIED_PATH);
        MockHttpServletRequestBuilder forward = get(denied.getResponse().getForwardedUrl())
                .requestAttr(
                        WebAttributes.ACCESS_DENIED_403,
                        denied.getRequest().getAttribute(WebAttributes.ACCESS_DENIED_403))
                .requestAttr(
                        RequestDispatcher.FORWARD_SERVLET_PATH,
                        denied.getRequest().getRequestURI());
        if (denied.getRequest().getSession(false) instanceof MockHttpSession session) {
            forward.session(session);
        }
        MvcResult page = mvc.perform(forward).andReturn();
        assertThat(page.getResponse().getStatus()).isEqualTo(403);
        return Jsoup.parse(page.getResponse().getContentAsString());
    }

    /** A page as the browser shows it after a redirect within {@code session}. */
    static Document page(MockMvc mvc, String url, MockHttpSession session) throws Exception {
        return Jsoup.parse(
                mvc.perform(get(url).session(session)).andReturn().getResponse().getContentAsString());
    }
}
