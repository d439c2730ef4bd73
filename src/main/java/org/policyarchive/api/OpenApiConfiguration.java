package org.policyarchive.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3 document of the API ({@code /v3/api-docs}, shown by Swagger UI at {@code /swagger-ui.html}): what
 * springdoc reads from the controllers' annotations, the bearer token scheme, and the error answers every operation
 * may give, all as problem details, added here once rather than on each operation.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String TOKEN = "apiToken";
    static final String PROBLEM = "Problem";

    @Bean
    OpenAPI archiveOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Policy Archive API")
                        .version("1")
                        .description("Records, people and themes of the archive as JSON, for anyone; records and bulk"
                                + " imports written by editors and admins with an API token (made on the API tokens"
                                + " page of the admin area). Every error is RFC 9457 problem details. See"
                                + " docs/api.md."))
                .components(new Components()
                        .addSecuritySchemes(
                                TOKEN,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("An API token from the API tokens page: Authorization: Bearer"
                                                + " pa_...")));
    }

    /** The error answers of each operation under /api, by what the operation takes and does. */
    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths()
                    .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                        if (path.startsWith("/api")) {
                            addProblems(path, method, operation);
                        }
                    }));
        };
    }

    private static void addProblems(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses();
        boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        boolean takesInput =
                (operation.getParameters() != null && !operation.getParameters().isEmpty())
                        || operation.getRequestBody() != null;
        if (takesInput) {
            add(responses, "400", "A parameter or the body is malformed; \"parameter\" names a bad parameter.");
        }
        if (path.contains("{")) {
            add(responses, "404", "Nothing has this slug or id.");
        }
        if (write || path.startsWith("/api/imports") || path.startsWith("/api/export")) {
            add(responses, "401", "No token was sent, or the token is unknown, revoked, or its user disabled.");
            add(responses, "403", "The token's user may not do this (bulk imports need an admin).");
        }
        if (operation.getRequestBody() != null) {
            add(responses, "415", "The body is not of a media type the operation takes.");
        }
        if (write && path.startsWith("/api/records")) {
            add(responses, "422", "The record breaks the record's rules: \"errors\" names each field and why.");
        }
        if (method == PathItem.HttpMethod.PUT && path.startsWith("/api/records")) {
            add(responses, "409", "The version sent is stale: \"current\" holds the record as it is now.");
        }
        add(responses, "406", "The client does not accept JSON.");
        ApiResponse tooMany = problem("Too many requests for this token or address; wait Retry-After seconds.");
        tooMany.addHeaderObject(
                "Retry-After",
                new Header()
                        .description("Seconds to wait before the next request.")
                        .schema(new IntegerSchema()));
        responses.putIfAbsent("429", tooMany);
        add(responses, "500", "The archive failed; the problem says nothing more.");
        add(responses, "503", "The database is briefly out of reach; retry after Retry-After seconds.");
    }

    private static void add(ApiResponses responses, String status, String description) {
        ApiResponse existing = responses.get(status);
        if (existing == null) {
            responses.addApiResponse(status, problem(description));
        } else if (existing.getContent() == null) {
            existing.setContent(problemContent());
        }
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(problemContent());
    }

    private static Content problemContent() {
        return new Content()
                .addMediaType(
                        org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
    }
}
