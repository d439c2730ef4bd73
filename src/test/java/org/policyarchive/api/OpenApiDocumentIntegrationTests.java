package org.policyarchive.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policyarchive.testing.CleanArchive;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

@SpringBootTest
@AutoConfigureMockMvc
@CleanArchive
class OpenApiDocumentIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    RateLimits limits;

    @Autowired
    RequestMappingHandlerAdapter handlers;

    @BeforeEach
    void forgetRequestCounts() {
        limits.clear();
    }

    String document() throws Exception {
        MvcResult result = mvc.perform(get("/v3/api-docs")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentType()).startsWith("application/json");
        return result.getResponse().getContentAsString();
    }

    @Test
    void servesTheDocumentAsPlainJsonThatAValidatorAccepts() throws Exception {
        String document = document();
        // a JSON object, not a JSON string holding one (Jackson 2's String written by Jackson 3) nor YAML
        assertThat(document).startsWith("{").contains("\"openapi\":\"3.");

        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document, null, options);

        assertThat(parsed.getMessages()).isEmpty();
        OpenAPI api = parsed.getOpenAPI();
        assertThat(api.getPaths().keySet())
                .containsExactlyInAnyOrder(
                        "/api/records",
                        "/api/records/{slug}",
                        "/api/records/{slug}/status",
                        "/api/people",
                        "/api/people/{slug}",
                        "/api/themes",
                        "/api/themes/{slug}",
                        "/api/imports",
                        "/api/imports/{id}",
                        "/api/export");
        assertThat(api.getComponents().getSchemas().keySet())
                .contains("Record", "RecordInput", "RecordPage", "Problem", "Person", "Theme", "Import");
        assertThat(api.getComponents().getSecuritySchemes().get("apiToken").getScheme())
                .isEqualTo("bearer");
    }

    @Test
    void describesEveryOperationItsParametersAndItsErrors() throws Exception {
        OpenAPI api = new OpenAPIV3Parser()
                .readContents(document(), null, new ParseOptions())
                .getOpenAPI();
        List<String> checked = new ArrayList<>();
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    String name = method + " " + path;
                    checked.add(name);
                    assertThat(operation.getSummary()).as(name).isNotBlank();
                    assertThat(operation.getDescription()).as(name).isNotBlank();
                    for (Parameter parameter : parameters(operation)) {
                        assertThat(parameter.getDescription())
                                .as(name + " " + parameter.getName())
                                .isNotBlank();
                    }
                    Map<String, ApiResponse> responses = operation.getResponses();
                    assertThat(responses.keySet())
                            .as(name)
                            .anyMatch(status -> status.startsWith("2") || status.equals("301"));
                    assertThat(responses.keySet()).as(name).contains("406", "429", "500");
                    responses.forEach((status, response) -> {
                        assertThat(response.getDescription())
                                .as(name + " " + status)
                                .isNotBlank();
                        if (status.startsWith("4") || status.startsWith("5")) {
                            assertThat(response.getContent()
                                            .get("application/problem+json")
                                            .getSchema()
                                            .get$ref())
                                    .as(name + " " + status)
                                    .endsWith("/Problem");
                        }
                    });
                    if (path.contains("{")) {
                        assertThat(responses).as(name).containsKey("404");
                    }
                    if (!method.name().equals("GET") || path.startsWith("/api/imports") || path.equals("/api/export")) {
                        assertThat(responses).as(name).containsKeys("401", "403");
                        assertThat(operation.getSecurity()).as(name).isNotEmpty();
                    }
                }));
        assertThat(checked).hasSize(12);
        api.getComponents().getSchemas().forEach((name, schema) -> {
            assertThat(schema.getDescription()).as("schema " + name).isNotBlank();
            Map<String, io.swagger.v3.oas.models.media.Schema> properties =
                    schema.getProperties() == null ? Map.of() : schema.getProperties();
            properties.forEach((property, value) -> assertThat(value.getDescription())
                    .as("schema " + name + "." + property)
                    .isNotBlank());
        });
    }

    private static List<Parameter> parameters(Operation operation) {
        return operation.getParameters() == null ? List.of() : operation.getParameters();
    }

    @Test
    void keepsJackson3ForTheArchivesOwnJson() {
        // springdoc brings Jackson 2 (swagger-core) and adds a Jackson 2 converter for its YAML document only
        List<HttpMessageConverter<?>> writingJson = handlers.getMessageConverters().stream()
                .filter(converter -> converter.canWrite(Map.class, MediaType.APPLICATION_JSON))
                .toList();
        assertThat(writingJson).isNotEmpty().allMatch(JacksonJsonHttpMessageConverter.class::isInstance);
        assertThat(handlers.getMessageConverters())
                .filteredOn(converter -> converter.getClass().getName().contains("Jackson2"))
                .allMatch(converter -> !converter.canWrite(Map.class, MediaType.APPLICATION_JSON));
    }

    @Test
    void servesSwaggerUiUnderItsOwnPolicyAndKeepsTheRestStrict() throws Exception {
        MvcResult ui = mvc.perform(get("/swagger-ui/index.html")).andReturn();
        assertThat(ui.getResponse().getStatus()).isEqualTo(200);
        assertThat(ui.getResponse().getContentAsString()).contains("swagger-ui-bundle.js");
        String uiPolicy = ui.getResponse().getHeader("Content-Security-Policy");
        assertThat(uiPolicy).contains("style-src 'self' 'unsafe-inline'").doesNotContain("script-src");
        assertThat(mvc.perform(get("/swagger-ui.html"))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .endsWith("/swagger-ui/index.html");

        String pagePolicy = mvc.perform(get("/")).andReturn().getResponse().getHeader("Content-Security-Policy");
        assertThat(pagePolicy)
                .isEqualTo("default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action"
                        + " 'self'; frame-ancestors 'none'");
        assertThat(mvc.perform(get("/api/records")).andReturn().getResponse().getHeader("Content-Security-Policy"))
                .isEqualTo("default-src 'none'; frame-ancestors 'none'");
    }
}
