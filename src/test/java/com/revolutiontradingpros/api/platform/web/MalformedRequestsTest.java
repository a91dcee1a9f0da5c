package com.revolutiontradingpros.api.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.revolutiontradingpros.api.support.ApiTest;

/** Whatever arrives on the wire, the answer is a problem document and never a 500. */
class MalformedRequestsTest extends ApiTest {

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {"/time/%zz", "/%2e%2e/time", "/..%2f..%2fetc%2fpasswd", "/time/market/calendar?from=%E0%A4%A",
            "/time/market?at=%00", "/time;jsessionid=1", "/time/ping?client_ms=99999999999999999999999",
            "/_probe/widgets?page=-1&per_page=1e9", "/_probe/widgets?filter%5Bname%5D=%FF", "/admin/outbox/%F0%9F%98%80",
            "/media/files/%2e%2e/x?expires=1&signature=1", "/time/market/calendar?from=2026-02-30"})
    void oddPathsAndQueriesAreProblems(String target) throws IOException {
        String response = raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        int status = Integer.parseInt(response.substring(9, 12));
        assertThat(status).as(response).isBetween(200, 499);
        if (status >= 400) {
            assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
        }
    }

    @ParameterizedTest(name = "POST {0}")
    @ValueSource(strings = {"", "null", "[]", "\"text\"", "42", "{\"name\":null,\"quantity\":null}", "{\"name\":[],\"quantity\":{}}",
            "{\"name\":\"\\u0000\",\"quantity\":1}", "{\"name\":\"x\",\"quantity\":1e400}", "{\"name\":\"x\",\"quantity\":-9223372036854775809}",
            "{\"name\":\"' OR 1=1 --\",\"quantity\":1}", "{\"name\":\"<script>alert(1)</script>\",\"quantity\":1}",
            "{{{{", "{\"name\":\"x\",\"quantity\":1,\"name\":\"y\"}", "\uFEFF{\"name\":\"x\",\"quantity\":1}",
            "{\"name\":\"\uD800\",\"quantity\":1}"})
    void oddBodiesAreNever500(String body) {
        var response = http.post("/_probe/widgets", body);
        assertThat(response.status()).as(body + " -> " + response).isBetween(200, 499);
        if (response.status() >= 400) {
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        }
    }

    @ParameterizedTest(name = "header {0}")
    @ValueSource(strings = {"Authorization: Bearer", "Authorization: Bearer a.b.c", "Authorization: Bearer \u00ff\u00fe",
            "Idempotency-Key: ", "If-None-Match: ", "If-Match: \"x", "Content-Type: application/json; charset=nope",
            "Accept: text/html", "X-Request-Id: " })
    void oddHeadersAreNever500(String header) throws IOException {
        for (String target : List.of("/_probe/me", "/time")) {
            String response = raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + header + "\r\nConnection: close\r\n\r\n");
            int status = Integer.parseInt(response.substring(9, 12));
            assertThat(status).as(header + " " + target + " -> " + response).isBetween(200, 499);
        }
    }

    private String raw(String request) throws IOException {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
