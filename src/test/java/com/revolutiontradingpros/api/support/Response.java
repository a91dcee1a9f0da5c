package com.revolutiontradingpros.api.support;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the application answered, with the body as text and as a JSON tree. */
public record Response(int status, HttpHeaders headers, byte[] bytes, Duration took) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public String body() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public JsonNode json() {
        return JSON.readTree(bytes);
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
        return status + " " + body();
    }
}
