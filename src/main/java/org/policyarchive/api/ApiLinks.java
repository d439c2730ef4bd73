package org.policyarchive.api;

import java.util.Map;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Absolute links for the current request's host: the archive believes a proxy's forwarded host and scheme only from
 * trusted addresses (see README, Production), so links name the address the client used.
 */
final class ApiLinks {

    private ApiLinks() {}

    static String to(String pathTemplate, Object... variables) {
        return ServletUriComponentsBuilder.fromCurrentContextPath()
                .path(pathTemplate)
                .buildAndExpand(variables)
                .encode()
                .toUriString();
    }

    /** A path with query parameters, each value encoded. */
    static String withQuery(String path, Map<String, String> parameters) {
        UriComponentsBuilder builder =
                ServletUriComponentsBuilder.fromCurrentContextPath().path(path);
        parameters.forEach((name, value) -> builder.queryParam(name, "{" + name + "}"));
        return builder.encode().buildAndExpand(parameters).toUriString();
    }
}
