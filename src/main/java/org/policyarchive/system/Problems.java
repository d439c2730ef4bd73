package org.policyarchive.system;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem details, written straight to a response by code that runs before any controller (the API's
 * security filters and its rate limit), where Spring MVC's message converters do not reach. The API's controllers
 * answer with the same fields.
 */
public final class Problems {

    /** The problem type of every problem the archive describes: the status and the title say which. */
    public static final URI TYPE = URI.create("about:blank");

    public static final MediaType MEDIA_TYPE = MediaType.APPLICATION_PROBLEM_JSON;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {}

    /** A problem's fields in the order RFC 9457 lists them, then its extensions. */
    public static Map<String, Object> body(
            HttpStatus status, String detail, @Nullable String instance, Map<String, ?> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE.toString());
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        if (instance != null) {
            body.put("instance", instance);
        }
        body.putAll(extensions);
        return body;
    }

    public static void write(HttpServletResponse response, HttpStatus status, String detail, @Nullable String instance)
            throws IOException {
        write(response, status, body(status, detail, instance, Map.of()));
    }

    public static void write(HttpServletResponse response, HttpStatus status, Map<String, Object> body)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MEDIA_TYPE.toString());
        JSON.writeValue(response.getOutputStream(), body);
    }
}
