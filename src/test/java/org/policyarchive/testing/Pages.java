package org.policyarchive.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

/** Pages as a browser would read them, from MockMvc: parsed with jsoup, after checking the status. */
public final class Pages {

    private Pages() {}

    /** The page of a response. */
    public static Document of(MvcResult result) {
        try {
            return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Performs the request, checks that it answers {@code status}, and returns its page. */
    public static Document load(MockMvc mvc, RequestBuilder request, int status) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus())
                .as(() -> "status of " + result.getRequest().getRequestURI())
                .isEqualTo(status);
        return of(result);
    }
}
