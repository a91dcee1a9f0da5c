package com.revolutiontradingpros.api.support;

import static org.assertj.core.api.Assertions.assertThat;

public final class Problems {

    private Problems() {
    }

    /** The response is an RFC 9457 problem with this status and code, and carries nothing internal. */
    public static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        var json = response.json();
        assertThat(json.get("status").asInt()).isEqualTo(status);
        assertThat(json.get("code").asString()).as(response.toString()).isEqualTo(code);
        assertThat(json.get("type").asString()).startsWith("https://");
        assertThat(json.get("title").asString()).isNotBlank();
        assertThat(json.get("request_id").asString()).isEqualTo(response.header("X-Request-Id"));
        assertThat(json.has("trace")).isFalse();
        assertThat(json.has("exception")).isFalse();
    }
}
