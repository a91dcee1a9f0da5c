package com.revolutiontradingpros.api.core.health;

import static com.revolutiontradingpros.api.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.revolutiontradingpros.api.support.ApiTest;
import com.revolutiontradingpros.api.support.Eventually;
import com.revolutiontradingpros.api.support.TcpProxy;
import com.revolutiontradingpros.api.support.TestServices;

/** This application reaches PostgreSQL and Redis through proxies the test can cut, as if the services stopped. */
class HealthDuringOutagesTest extends ApiTest {

    static final TcpProxy DATABASE = proxy(URI.create(TestServices.databaseUrl().replace("jdbc:", "")));
    static final TcpProxy REDIS = proxy(URI.create(TestServices.REDIS_URL));

    @DynamicPropertySource
    static void throughProxies(DynamicPropertyRegistry registry) {
        var database = URI.create(TestServices.databaseUrl().replace("jdbc:", ""));
        registry.add("app.database.url", () -> TestServices.databaseUrl()
                .replace(database.getHost() + ":" + database.getPort(), "127.0.0.1:" + DATABASE.port()));
        registry.add("app.redis.url", () -> "redis://127.0.0.1:" + REDIS.port());
    }

    @AfterEach
    void restore() {
        DATABASE.mode(TcpProxy.Mode.FORWARD);
        REDIS.mode(TcpProxy.Mode.FORWARD);
    }

    @AfterAll
    static void stopProxies() {
        DATABASE.close();
        REDIS.close();
    }

    @Test
    void databaseDownMakesTheNodeNotReadyWithinTwoSecondsUntilItIsBack() {
        assertThat(http.get("/health/ready").status()).isEqualTo(200);

        DATABASE.mode(TcpProxy.Mode.REFUSE);
        var notReady = http.get("/health/ready");
        assertProblem(notReady, 503, "service_unavailable");
        assertThat(notReady.took()).isLessThan(Duration.ofSeconds(2));
        assertThat(http.get("/health").json().get("checks").get("database").asString()).isEqualTo("down");
        assertThat(http.get("/health/live").status()).isEqualTo(200);
        assertThat(http.get("/time").status()).isEqualTo(200);

        DATABASE.mode(TcpProxy.Mode.FORWARD);
        Eventually.within(Duration.ofSeconds(15), () -> assertThat(http.get("/health/ready").status()).isEqualTo(200));
    }

    @Test
    void aHungDatabaseStillGetsAnAnswerWithinTwoSeconds() {
        DATABASE.mode(TcpProxy.Mode.HANG);
        var notReady = http.get("/health/ready");
        assertProblem(notReady, 503, "service_unavailable");
        assertThat(notReady.took()).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void redisDownDegradesButStaysReadyAndServing() {
        REDIS.mode(TcpProxy.Mode.REFUSE);
        Eventually.within(Duration.ofSeconds(10), () -> {
            var health = http.get("/health").json();
            assertThat(health.get("status").asString()).isEqualTo("degraded");
            assertThat(health.get("checks").get("redis").asString()).isEqualTo("down");
        });
        var ready = http.get("/health/ready");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("status").asString()).isEqualTo("degraded");
        assertThat(http.get("/time").status()).isEqualTo(200);
        assertThat(http.post("/_probe/widgets", "{\"name\":\"no-redis\",\"quantity\":1}").status()).isEqualTo(201);

        REDIS.mode(TcpProxy.Mode.FORWARD);
        Eventually.within(Duration.ofSeconds(20), () ->
                assertThat(http.get("/health").json().get("checks").get("redis").asString()).isEqualTo("up"));
    }

    private static TcpProxy proxy(URI target) {
        try {
            return new TcpProxy(target.getHost(), target.getPort() < 0 ? 5432 : target.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
