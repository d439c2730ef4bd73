package org.policyarchive.testing;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.HttpSessionIdResolver;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.util.WebUtils;

/**
 * Lets MockMvc tests keep a session in the {@code MockHttpSession} they pass with {@code .session(...)}, now that
 * sessions live in PostgreSQL (Spring Session): MockMvc sends no cookies, so the stored session's id travels in the
 * mock session, which also takes a new id whenever the stored session gets one (at sign-in) and ends when it ends
 * (sign-out, a disabled account). A request that Tomcat serves (browser tests, several nodes) finds its session by the
 * cookie, with the application's cookie settings, as in production.
 */
class MockMvcSessions implements BeanPostProcessor {

    private static final String ID = MockMvcSessions.class.getName() + ".id";

    private final ObjectProvider<CookieSerializer> cookies;

    MockMvcSessions(ObjectProvider<CookieSerializer> cookies) {
        this.cookies = cookies;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof SessionRepositoryFilter<?> filter) {
            CookieHttpSessionIdResolver byCookie = new CookieHttpSessionIdResolver();
            byCookie.setCookieSerializer(cookies.getIfAvailable(DefaultCookieSerializer::new));
            filter.setHttpSessionIdResolver(new InMockSessionOrCookie(byCookie));
        }
        return bean;
    }

    private record InMockSessionOrCookie(HttpSessionIdResolver byCookie) implements HttpSessionIdResolver {

        @Override
        public List<String> resolveSessionIds(HttpServletRequest request) {
            List<String> ids = new ArrayList<>();
            HttpSession session = mockSession(request, false);
            if (session != null && session.getAttribute(ID) instanceof String id) {
                ids.add(id);
            }
            ids.addAll(byCookie.resolveSessionIds(request));
            return ids;
        }

        @Override
        public void setSessionId(HttpServletRequest request, HttpServletResponse response, String sessionId) {
            MockHttpServletRequest mock = WebUtils.getNativeRequest(request, MockHttpServletRequest.class);
            if (mock != null) {
                HttpSession session = mock.getSession(false);
                if (session == null) {
                    session = mock.getSession(true);
                } else if (!sessionId.equals(session.getAttribute(ID))) {
                    mock.changeSessionId();
                }
                session.setAttribute(ID, sessionId);
            }
            byCookie.setSessionId(request, response, sessionId);
        }

        @Override
        public void expireSession(HttpServletRequest request, HttpServletResponse response) {
            // the stored session is gone: so is the mock one, as a container's would be
            HttpSession session = mockSession(request, false);
            if (session != null) {
                session.invalidate();
            }
            byCookie.expireSession(request, response);
        }

        private static HttpSession mockSession(HttpServletRequest request, boolean create) {
            MockHttpServletRequest mock = WebUtils.getNativeRequest(request, MockHttpServletRequest.class);
            return mock == null ? null : mock.getSession(create);
        }
    }
}
