package com.revolutiontradingpros.api.platform.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Turns failures into problem documents, both for controllers and for filters that answer on their own. */
@Component
public class ProblemWriter {

    private final JsonMapper json;

    public ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    public Problem problemOf(ApiException failure, HttpServletRequest request) {
        return new Problem(
                Problem.TYPE_BASE + failure.code().replace('_', '-'),
                failure.title(),
                failure.status().value(),
                failure.getMessage(),
                failure.code(),
                RequestIds.of(request),
                failure.errors(),
                failure.usages(),
                failure.requiredProducts());
    }

    public ResponseEntity<Problem> entity(ApiException failure, HttpServletRequest request) {
        var headers = new HttpHeaders();
        headers.addAll(failure.headers());
        headers.set(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        headers.setCacheControl("no-store");
        return new ResponseEntity<>(problemOf(failure, request), headers, failure.status());
    }

    /** For code that runs outside Spring MVC (filters, security entry points). */
    public void write(ApiException failure, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(failure.status().value());
        failure.headers().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problemOf(failure, request));
    }
}
