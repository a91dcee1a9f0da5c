package com.revolutiontradingpros.api.platform.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one place where exceptions become HTTP problems. Anything not recognised is a bug: it is logged with
 * its stack trace and answered with a bare 500 that reveals nothing of the code, the SQL or the classes.
 */
@RestControllerAdvice
public class ProblemExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final ProblemWriter problems;

    public ProblemExceptionHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Problem> api(ApiException e, HttpServletRequest request) {
        return problems.entity(e, request);
    }

    @ExceptionHandler(BindException.class)
    ResponseEntity<Problem> bind(BindException e, HttpServletRequest request) {
        var errors = new FieldErrors();
        e.getFieldErrors().forEach(f -> errors.add(FieldErrors.jsonPath(f.getField()), message(f.getDefaultMessage())));
        e.getGlobalErrors().forEach(g -> errors.add("body", message(g.getDefaultMessage())));
        return validation(errors, request);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<Problem> methodValidation(HandlerMethodValidationException e, HttpServletRequest request) {
        var errors = new FieldErrors();
        e.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            var requestParam = result.getMethodParameter().getParameterAnnotation(
                    org.springframework.web.bind.annotation.RequestParam.class);
            if (requestParam != null && !requestParam.name().isEmpty()) {
                name = requestParam.name();
            }
            String field = FieldErrors.jsonPath(name == null ? "value" : name);
            result.getResolvableErrors().forEach(error -> errors.add(field, message(error.getDefaultMessage())));
        });
        return validation(errors, request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Problem> constraint(ConstraintViolationException e, HttpServletRequest request) {
        var errors = new FieldErrors();
        e.getConstraintViolations().forEach(v -> {
            String path = v.getPropertyPath().toString();
            String leaf = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
            errors.add(FieldErrors.jsonPath(leaf), v.getMessage());
        });
        return validation(errors, request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Problem> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        Throwable cause = e.getCause();
        if (cause instanceof BodyTooLargeException tooLarge) {
            return problems.entity(tooLarge.asProblem(), request);
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return validation(new FieldErrors().add(path(unknown), "is not a known field"), request);
        }
        if (cause instanceof InvalidFormatException invalid) {
            return validation(new FieldErrors().add(path(invalid), "must be " + describe(invalid.getTargetType())),
                    request);
        }
        if (cause instanceof MismatchedInputException mismatch && (!mismatch.getPath().isEmpty() || mismatch.getTargetType() != null)) {
            // Valid JSON of the wrong shape: an array where an object belongs is the body's error, not a syntax error.
            return validation(new FieldErrors().add(mismatch.getPath().isEmpty() ? "body" : path(mismatch),
                    "must be " + describe(mismatch.getTargetType())), request);
        }
        if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()
                && !(cause.getCause() instanceof JacksonException)) {
            return validation(new FieldErrors().add(path(databind), "has an invalid value"), request);
        }
        if (cause == null || e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")) {
            return problems.entity(ApiException.badRequest("body_required", "a JSON request body is required"),
                    request);
        }
        return problems.entity(ApiException.badRequest("malformed_json", "the request body is not valid JSON"),
                request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Problem> unsupportedMediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        var supported = e.getSupportedMediaTypes().stream().map(MediaType::toString).collect(Collectors.joining(", "));
        var failure = new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                "Unsupported media type", supported.isEmpty() ? "this content type is not accepted"
                        : "send one of: " + supported);
        return problems.entity(failure, request);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Problem> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        var failure = new ApiException(HttpStatus.NOT_ACCEPTABLE, "not_acceptable", "Not acceptable",
                "this resource is available as application/json");
        var entity = problems.entity(failure, request);
        // The problem itself must still be sent, whatever the Accept header asked for.
        return ResponseEntity.status(entity.getStatusCode()).headers(entity.getHeaders()).body(entity.getBody());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Problem> methodNotAllowed(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        var headers = new HttpHeaders();
        Set<org.springframework.http.HttpMethod> allowed =
                e.getSupportedHttpMethods() == null ? Set.of() : e.getSupportedHttpMethods();
        headers.set(HttpHeaders.ALLOW, allowed.stream().map(org.springframework.http.HttpMethod::name).sorted()
                .collect(Collectors.joining(", ")));
        var failure = new ApiException(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed", "Method not allowed",
                request.getMethod() + " is not allowed here", null, headers);
        return problems.entity(failure, request);
    }

    @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class})
    ResponseEntity<Problem> noRoute(Exception e, HttpServletRequest request) {
        return problems.entity(new ApiException(HttpStatus.NOT_FOUND, "not_found", "Not found",
                "no resource at this path"), request);
    }

    /** Tomcat decodes parameters lazily and throws on broken percent-encoding such as {@code ?from=%E0%A4%A}. */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ResponseEntity<Problem> undecodableParameter(Exception e, HttpServletRequest request) {
        return problems.entity(ApiException.badRequest("malformed_query", "the query string is not valid percent-encoded UTF-8"),
                request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Problem> missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        return validation(new FieldErrors().add(e.getParameterName(), "is required"), request);
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<Problem> missingHeader(MissingRequestHeaderException e, HttpServletRequest request) {
        return problems.entity(ApiException.badRequest("header_required", "the " + e.getHeaderName()
                + " header is required"), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Problem> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        var pathVariable = e.getParameter().getParameterAnnotation(
                org.springframework.web.bind.annotation.PathVariable.class);
        if (pathVariable != null) {
            // /posts/abc names no post: for a client that is a missing resource, not a form error.
            return problems.entity(ApiException.notFound("the resource"), request);
        }
        return validation(new FieldErrors().add(FieldErrors.jsonPath(e.getName()),
                "must be " + describe(e.getRequiredType())), request);
    }

    @ExceptionHandler({MaxUploadSizeExceededException.class})
    ResponseEntity<Problem> uploadTooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return problems.entity(new BodyTooLargeException(e.getMaxUploadSize()).asProblem(), request);
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Problem> badMultipart(MultipartException e, HttpServletRequest request) {
        return problems.entity(ApiException.badRequest("malformed_multipart", "the multipart body could not be read"),
                request);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Problem> integrityViolation(DataIntegrityViolationException e, HttpServletRequest request) {
        return problems.entity(ApiException.conflict("conflict", "the change conflicts with existing data (a duplicate or a missing reference)"),
                request);
    }

    @ExceptionHandler({CannotGetJdbcConnectionException.class, DataAccessResourceFailureException.class,
            QueryTimeoutException.class, PessimisticLockingFailureException.class, AsyncRequestTimeoutException.class})
    ResponseEntity<Problem> dependencyDown(Exception e, HttpServletRequest request) {
        log.warn("dependency unavailable: {}", e.toString());
        return problems.entity(ApiException.unavailable("a service this request needs is unavailable; retry shortly"),
                request);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Problem> unauthenticated(AuthenticationException e, HttpServletRequest request) {
        return problems.entity(ApiException.unauthorized("unauthenticated", "sign in to use this endpoint"), request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Problem> denied(AccessDeniedException e, HttpServletRequest request) {
        return problems.entity(ApiException.forbidden("forbidden", "you are not allowed to do this"), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Problem> unexpected(Exception e, HttpServletRequest request) {
        log.error("unhandled error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return problems.entity(new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                "Internal server error", "something went wrong on our side; it has been logged"), request);
    }

    private ResponseEntity<Problem> validation(FieldErrors errors, HttpServletRequest request) {
        try {
            errors.throwIfAny();
        } catch (ApiException e) {
            return problems.entity(e, request);
        }
        return problems.entity(ApiException.validation(Map.of("body", List.of("is invalid"))), request);
    }

    private static String message(@Nullable String message) {
        return message == null ? "is invalid" : message;
    }

    private static String path(DatabindException e) {
        var out = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                out.append('[').append(reference.getIndex()).append(']');
            }
        }
        return out.isEmpty() ? "body" : out.toString();
    }

    private static String describe(@Nullable Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants())
                    .map(c -> c.toString().toLowerCase()).collect(Collectors.joining(", "));
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an RFC 3339 date or time";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "a valid value";
    }
}
