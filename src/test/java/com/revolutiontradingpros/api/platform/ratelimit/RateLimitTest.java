package com.revolutiontradingpros.api.platform.ratelimit;

import static com.revolutiontradingpros.api.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.revolutiontradingpros.api.support.ApiTest;

/** The declared limit on /_probe/limited is 3 a minute per IP, kept in Redis. */
class RateLimitTest extends ApiTest {

    @Test
    void declaredLimitAnswers429WithRetryAfterAndHeaders() {
        var first = http.get("/_probe/limited");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("RateLimit-Limit")).isEqualTo("3");
        assertThat(first.header("RateLimit-Remaining")).isEqualTo("2");
        http.get("/_probe/limited");
        http.get("/_probe/limited");
        var refused = http.get("/_probe/limited");
        assertProblem(refused, 429, "rate_limited");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(refused.header("RateLimit-Remaining")).isEqualTo("0");
    }

    @Test
    void otherRoutesKeepTheDefaultLimit() {
        var response = http.get("/time");
        assertThat(response.header("RateLimit-Limit")).isEqualTo("100000");
    }
}
