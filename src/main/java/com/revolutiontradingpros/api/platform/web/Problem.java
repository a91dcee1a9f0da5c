package com.revolutiontradingpros.api.platform.web;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** An RFC 9457 problem document, the body of every error response. */
@Schema(name = "Problem", description = "RFC 9457 problem details, returned as application/problem+json")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @Schema(example = "https://docs.revolution-trading-pros.example/errors/validation-failed") String type,
        @Schema(example = "Validation failed") String title,
        @Schema(example = "422") int status,
        @Schema(example = "2 fields are invalid") @Nullable String detail,
        @Schema(description = "stable snake_case code clients can switch on", example = "validation_failed") String code,
        @Schema(description = "the X-Request-Id of the failed request") @Nullable String requestId,
        @Schema(description = "field name to messages, for validation failures") @Nullable Map<String, List<String>> errors,
        @Schema(description = "what still uses the resource, for media_in_use and video_in_use") @Nullable List<?> usages,
        @Schema(description = "the products that would grant access, for access_denied") @Nullable List<?> requiredProducts) {

    public static final String TYPE_BASE = "https://docs.revolution-trading-pros.example/errors/";
    public static final String MEDIA_TYPE = "application/problem+json";
}
