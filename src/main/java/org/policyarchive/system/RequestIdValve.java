package org.policyarchive.system;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.net.UnknownHostException;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.util.NetMaskSet;
import org.apache.catalina.valves.ValveBase;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Gives every request an id: in the MDC as {@code requestId} for every line logged while it is served (error pages
 * included), and in the {@code X-Request-Id} response header, so that a reader's report and the log lines meet. The id
 * a proxy sends in {@code X-Request-Id} is kept when it is well formed and the connection comes from a proxy the
 * archive trusts (Tomcat's remote IP settings, {@code server.tomcat.remoteip.*}); any other request gets a new one, so
 * that nobody can write an id of their choosing into the log. A valve, before Tomcat's remote IP valve, because only
 * there is the connection's own address still known.
 */
final class RequestIdValve extends ValveBase {

    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";

    /** Letters, digits, and . _ : - between them: what proxies send (UUIDs, hex), and nothing a log reader misreads. */
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");

    private final Predicate<String> trustedProxy;

    RequestIdValve(Predicate<String> trustedProxy) {
        super(true);
        this.trustedProxy = trustedProxy;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        String incoming = request.getHeader(HEADER);
        String id = incoming != null
                        && WELL_FORMED.matcher(incoming).matches()
                        && trustedProxy.test(request.getRemoteAddr())
                ? incoming
                : UUID.randomUUID().toString();
        response.setHeader(HEADER, id);
        MDC.put(MDC_KEY, id);
        try {
            getNext().invoke(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    /**
     * Whether an address is one of the proxies Tomcat's remote IP valve believes, read as the valve reads them: a list
     * of CIDR blocks when it holds a slash, otherwise a regular expression.
     */
    static Predicate<String> proxies(@Nullable String internal, @Nullable String trusted) {
        return matching(internal).or(matching(trusted));
    }

    private static Predicate<String> matching(@Nullable String proxies) {
        if (proxies == null || proxies.isEmpty()) {
            return address -> false;
        }
        if (proxies.indexOf('/') > 0) {
            NetMaskSet blocks = NetMaskSet.parse(proxies);
            return address -> {
                try {
                    return blocks.contains(address);
                } catch (UnknownHostException e) {
                    return false;
                }
            };
        }
        Pattern pattern = Pattern.compile(proxies);
        return address -> pattern.matcher(address).matches();
    }
}
