package com.revolutiontradingpros.api.platform.docs;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;

import com.revolutiontradingpros.api.platform.paging.PageParams;
import com.revolutiontradingpros.api.platform.paging.PageQuery;
import com.revolutiontradingpros.api.platform.security.AccessInterceptor;
import com.revolutiontradingpros.api.platform.security.CurrentUser;
import com.revolutiontradingpros.api.platform.web.Problem;

/**
 * Makes /openapi.json say what the API really does: snake_case fields, the list parameters of
 * {@link PageParams}, the bearer scheme on every route that needs it, and the shared {@link Problem}
 * schema for each failure a route can answer with.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    private static final String BEARER = "bearer";
    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(PageQuery.class, CurrentUser.class);
    }

    /** swagger-core reads models with its own (Jackson 2) mapper; give it our naming. */
    @Bean
    ModelResolver snakeCaseModelResolver() {
        return new ModelResolver(Json31.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }

    @Bean
    OpenAPI openApi(ObjectProvider<BuildProperties> build) {
        var info = build.getIfAvailable();
        var components = new Components()
                .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .bearerFormat("JWT or personal access token (rtp_pat_…)"));
        return new OpenAPI()
                .info(new Info().title("Revolution Trading Pros API")
                        .version(info == null ? "development" : info.getVersion())
                        .description("""
                                Memberships, trading rooms, courses, content, email and the admin dashboard of \
                                Revolution Trading Pros. JSON in snake_case; errors are RFC 9457 problems \
                                (application/problem+json) with a stable `code`; lists take page, per_page, sort, \
                                filter[field] and q; state-changing requests accept an Idempotency-Key header."""))
                .components(components);
    }

    /** Runs when the document is built, after springdoc has installed the snake_case resolver. */
    @Bean
    OpenApiCustomizer problemSchema() {
        return openApi -> ModelConverters.getInstance(true).read(Problem.class)
                .forEach(openApi.getComponents()::addSchemas);
    }

    @Bean
    OperationCustomizer conventions() {
        return (operation, handler) -> {
            listParameters(operation, handler);
            var access = AccessInterceptor.accessOf(handler);
            var responses = operation.getResponses();
            if (!access.isPublic()) {
                operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
                responses.addApiResponse("401", problem("no, expired or revoked credentials"));
                if (access.role() != null || access.ability() != null) {
                    responses.addApiResponse("403", problem("signed in without the needed role or ability"));
                }
            }
            boolean takesInput = handler.getMethodParameters().length > 0;
            if (takesInput) {
                responses.addApiResponse("422", problem("invalid input, with field errors"));
            }
            if (hasPathVariable(handler)) {
                responses.addApiResponse("404", problem("no such resource, or not yours"));
            }
            if (changesState(handler)) {
                responses.addApiResponse("400", problem("malformed JSON"));
                responses.addApiResponse("409", problem("conflicts with the current state"));
                responses.addApiResponse("413", problem("body too large"));
                responses.addApiResponse("415", problem("unsupported content type"));
                operation.addParametersItem(new Parameter().in("header").name("Idempotency-Key").required(false)
                        .description("repeat-safe key: a retry with the same key and body within 24 h replays the first answer")
                        .schema(new StringSchema().maxLength(255)));
            }
            responses.addApiResponse("429", problem("rate limited; see Retry-After")
                    .addHeaderObject("Retry-After", new Header().schema(new IntegerSchema()).description("seconds to wait")));
            responses.addApiResponse("503", problem("a dependency is down; retry shortly"));
            return operation;
        };
    }

    private static void listParameters(Operation operation, HandlerMethod handler) {
        for (MethodParameter parameter : handler.getMethodParameters()) {
            var params = parameter.getParameterAnnotation(PageParams.class);
            if (params == null || !PageQuery.class.equals(parameter.getParameterType())) {
                continue;
            }
            operation.addParametersItem(query("page", new IntegerSchema().minimum(java.math.BigDecimal.ONE)._default(1), "page number, from 1"));
            operation.addParametersItem(query("per_page", new IntegerSchema().minimum(java.math.BigDecimal.ONE)
                    .maximum(java.math.BigDecimal.valueOf(params.maxPerPage()))._default(params.defaultPerPage()), "items per page"));
            if (params.sort().length > 0) {
                var sorts = new StringSchema();
                for (String field : params.sort()) {
                    sorts.addEnumItem(field);
                    sorts.addEnumItem("-" + field);
                }
                if (!params.defaultSort().isEmpty()) {
                    sorts._default(params.defaultSort());
                }
                operation.addParametersItem(query("sort", sorts, "field to sort by; a leading - sorts descending"));
            }
            for (String filter : params.filters()) {
                operation.addParametersItem(query("filter[" + filter + "]", new StringSchema(), "exact match on " + filter));
            }
            if (params.searchable()) {
                operation.addParametersItem(query("q", new StringSchema(), "free-text search"));
            }
        }
    }

    private static Parameter query(String name, Schema<?> schema, String description) {
        return new Parameter().in("query").name(name).required(false).schema(schema).description(description);
    }

    private static boolean hasPathVariable(HandlerMethod handler) {
        for (MethodParameter parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class)) {
                return true;
            }
        }
        return false;
    }

    private static boolean changesState(HandlerMethod handler) {
        var mapping = org.springframework.core.annotation.AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(),
                org.springframework.web.bind.annotation.RequestMapping.class);
        if (mapping == null) {
            return false;
        }
        for (RequestMethod method : mapping.method()) {
            if (method == RequestMethod.POST || method == RequestMethod.PUT || method == RequestMethod.PATCH
                    || method == RequestMethod.DELETE) {
                return true;
            }
        }
        return false;
    }

    private static ApiResponse problem(String description) {
        Map<String, MediaType> media = new LinkedHashMap<>();
        media.put(Problem.MEDIA_TYPE, new MediaType().schema(new Schema<>().$ref(PROBLEM_REF)));
        var content = new Content();
        content.putAll(media);
        return new ApiResponse().description(description).content(content);
    }

}
