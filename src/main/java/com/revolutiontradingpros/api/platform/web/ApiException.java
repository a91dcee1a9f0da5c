package com.revolutiontradingpros.api.platform.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A failure that maps to one HTTP problem. Modules name their failures by extending it
 * ({@code class PostNotFound extends ApiException}) or use the factories for the common cases.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String title;
    private final @Nullable Map<String, List<String>> errors;
    private final HttpHeaders headers;
    private final @Nullable List<?> usages;
    private final @Nullable List<?> requiredProducts;

    public ApiException(HttpStatus status, String code, String title, @Nullable String detail) {
        this(status, code, title, detail, null, HttpHeaders.EMPTY);
    }

    public ApiException(HttpStatus status, String code, String title, @Nullable String detail,
            @Nullable Map<String, List<String>> errors, HttpHeaders headers) {
        this(status, code, title, detail, errors, headers, null, null);
    }

    private ApiException(HttpStatus status, String code, String title, @Nullable String detail,
            @Nullable Map<String, List<String>> errors, HttpHeaders headers, @Nullable List<?> usages, @Nullable List<?> requiredProducts) {
        super(detail == null ? title : detail, null, false, false);
        this.usages = usages;
        this.requiredProducts = requiredProducts;
        this.status = status;
        this.code = code;
        this.title = title;
        this.errors = errors;
        this.headers = headers;
    }

    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, "not_found", "Not found", what + " was not found");
    }

    public static ApiException badRequest(String code, String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, "Bad request", detail);
    }

    public static ApiException unauthorized(String code, String detail) {
        return new ApiException(HttpStatus.UNAUTHORIZED, code, "Unauthorized", detail);
    }

    public static ApiException forbidden(String code, String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, code, "Forbidden", detail);
    }

    public static ApiException conflict(String code, String detail) {
        return new ApiException(HttpStatus.CONFLICT, code, "Conflict", detail);
    }

    public static ApiException gone(String code, String detail) {
        return new ApiException(HttpStatus.GONE, code, "Gone", detail);
    }

    public static ApiException preconditionFailed() {
        return new ApiException(HttpStatus.PRECONDITION_FAILED, "stale_version", "Precondition failed",
                "the resource changed since you read it; fetch it again and retry with its new ETag");
    }

    public static ApiException unavailable(String detail) {
        var headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "5");
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "service_unavailable", "Service unavailable",
                detail, null, headers);
    }

    public static ApiException tooManyRequests(long retryAfterSeconds) {
        var headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfterSeconds)));
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, "rate_limited", "Too many requests",
                "slow down and retry after " + Math.max(1, retryAfterSeconds) + " s", null, headers);
    }

    /** A 422 with one message for one field. */
    public static ApiException invalid(String field, String message) {
        return validation(Map.of(field, List.of(message)));
    }

    /** A 422 with its own code (such as {@code slug_reserved}) and the field it concerns. */
    public static ApiException unprocessable(String code, String field, String message) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, code, "Validation failed", field + " " + message,
                new LinkedHashMap<>(Map.of(field, List.of(message))), HttpHeaders.EMPTY);
    }

    public static ApiException validation(Map<String, List<String>> errors) {
        int count = errors.size();
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "validation_failed", "Validation failed",
                count == 1 ? "1 field is invalid" : count + " fields are invalid", new LinkedHashMap<>(errors),
                HttpHeaders.EMPTY);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public @Nullable Map<String, List<String>> errors() {
        return errors;
    }

    /** A 409 for something still in use, listing the usages in the problem's {@code usages} member. */
    public static ApiException inUse(String code, String detail, List<?> usages) {
        return new ApiException(HttpStatus.CONFLICT, code, "Conflict", detail, null, HttpHeaders.EMPTY, List.copyOf(usages), null);
    }

    public @Nullable List<?> usages() {
        return usages;
    }

    /** A 403 access_denied for gated content, naming the products that would open it in {@code required_products}. */
    public static ApiException accessDenied(String detail, List<?> requiredProducts) {
        return new ApiException(HttpStatus.FORBIDDEN, "access_denied", "Forbidden", detail, null, HttpHeaders.EMPTY, null,
                List.copyOf(requiredProducts));
    }

    public @Nullable List<?> requiredProducts() {
        return requiredProducts;
    }

    public HttpHeaders headers() {
        return headers;
    }
}
