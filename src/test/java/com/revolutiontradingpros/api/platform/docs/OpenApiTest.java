package com.revolutiontradingpros.api.platform.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.revolutiontradingpros.api.support.ApiTest;

class OpenApiTest extends ApiTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyRouteIsDocumentedWithSchemasAndProblems() {
        var response = http.get("/openapi.json");
        assertThat(response.status()).isEqualTo(200);
        var doc = response.json();
        assertThat(doc.get("openapi").asString()).startsWith("3.1.");
        var paths = doc.get("paths");

        List<String> missing = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            String type = handler.getBeanType().getName();
            if (!type.startsWith("com.revolutiontradingpros.api.") || type.contains(".support.")
                    || type.endsWith("ProblemErrorController")) {
                return;
            }
            for (String pattern : info.getPatternValues()) {
                String path = pattern.replace("{*", "{");
                for (var method : info.getMethodsCondition().getMethods()) {
                    var operation = paths.path(path).path(method.name().toLowerCase());
                    if (operation.isMissingNode()) {
                        missing.add(method + " " + path);
                        continue;
                    }
                    assertThat(operation.path("summary").asString()).as(method + " " + path + " summary").isNotBlank();
                    assertThat(operation.path("responses").path("503").path("content").path("application/problem+json")
                            .path("schema").path("$ref").asString()).isEqualTo("#/components/schemas/Problem");
                }
            }
        });
        assertThat(missing).isEmpty();

        var outbox = paths.get("/admin/outbox").get("get");
        assertThat(outbox.get("security").toString()).contains("bearer");
        assertThat(outbox.get("responses").has("401")).isTrue();
        assertThat(outbox.get("responses").has("403")).isTrue();
        assertThat(outbox.get("parameters").toString()).contains("per_page").contains("filter[status]").doesNotContain("\"name\":\"query\"");
        assertThat(paths.get("/time").get("get").has("security")).isFalse();
        assertThat(doc.get("components").get("schemas").get("Problem").get("properties").has("request_id")).isTrue();
    }

    @Test
    void schemaPropertiesAreSnakeCase() {
        var schemas = http.get("/openapi.json").json().get("components").get("schemas");
        List<String> camel = new ArrayList<>();
        schemas.properties().forEach(schema -> schema.getValue().path("properties").propertyNames()
                .forEach(name -> {
                    if (!name.equals(name.toLowerCase())) {
                        camel.add(schema.getKey() + "." + name);
                    }
                }));
        assertThat(camel).isEmpty();
    }

    @Test
    void docsPageIsHtml() {
        var docs = http.get("/docs");
        assertThat(docs.status()).isIn(200, 302);
        String location = docs.status() == 302 ? docs.header("Location") : "/docs";
        var page = http.get(location.startsWith("http") ? location.substring(location.indexOf('/', 8)) : location);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).containsIgnoringCase("<html");
    }
}
