package org.policyarchive.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.FormElement;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

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

    /** The page's main form, the one that saves. */
    public static FormElement mainForm(Document page) {
        FormElement form = (FormElement) page.selectFirst("main form[method=post]");
        assertThat(form).as("a form in the page's main part").isNotNull();
        return form;
    }

    /**
     * The form posted as a browser would post it: every field as the page shows it, except those in {@code changes},
     * which take the new values. The caller adds the user, the CSRF token and the session.
     */
    public static MockHttpServletRequestBuilder submit(FormElement form, Map<String, String> changes) {
        MockHttpServletRequestBuilder request = post(form.attr("action"));
        form.formData().stream()
                .filter(field -> !field.key().equals("_csrf") && !changes.containsKey(field.key()))
                .forEach(field -> request.param(field.key(), field.value()));
        changes.forEach(request::param);
        return request;
    }
}
