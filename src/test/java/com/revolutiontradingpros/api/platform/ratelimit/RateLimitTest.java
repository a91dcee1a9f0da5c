package com.revolutiontradingpros.api.platform.ratelimit;

import static com.revolutiontradingpros.api.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.revolutiontradingpros.api.support.ApiTest;
import com.revolutiontradingpros.api.support.Http;
import com.revolutiontradingpros.api.support.SecondNode;

/** The declared limit on /_probe/limited is 3 a minute per IP, kept in Redis. */
class RateLimitTest extends ApiTest {

    @Autowired
    RateLimiter limiter;

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
    void nodesShareTheBucketThroughRedis() {
        try (var other = SecondNode.start()) {
            var second = new Http("http://127.0.0.1:" + other.getEnvironment().getProperty("local.server.port"));
            var rateLimiter = other.getBean(RateLimiter.class);
            String subject = "shared-" + UUID.randomUUID();
            var duration = Duration.ofMinutes(1);
            assertThat(limiter.consume("shared", subject, 3, duration).allowed()).isTrue();
            assertThat(rateLimiter.consume("shared", subject, 3, duration).allowed()).isTrue();
            assertThat(limiter.consume("shared", subject, 3, duration).remaining()).isZero();
            assertThat(rateLimiter.consume("shared", subject, 3, duration).allowed()).isFalse();
            assertThat(second.get("/time").status()).isEqualTo(200);
        }
    }

    @Test
    void inMemoryBucketsRefillOverTime() throws InterruptedException {
        var local = new LocalRateLimiter();
        var period = Duration.ofMillis(600);
        assertThat(local.consume("local", "a", 2, period).allowed()).isTrue();
        assertThat(local.consume("local", "a", 2, period).allowed()).isTrue();
        var refused = local.consume("local", "a", 2, period);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isPositive();
        assertThat(local.consume("local", "b", 2, period).allowed()).isTrue();
        Thread.sleep(400);
        assertThat(local.consume("local", "a", 2, period).allowed()).isTrue();
    }

    @Test
    void otherRoutesKeepTheDefaultLimit() {
        var response = http.get("/time");
        assertThat(response.header("RateLimit-Limit")).isEqualTo("100000");
    }
}
