package com.revolutiontradingpros.api.core.health;

import static com.revolutiontradingpros.api.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;

import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.support.ApiTest;

class HealthEndpointsTest extends ApiTest {

    @Test
    void liveAnswersUpAndOnlyToGet() {
        var live = http.get("/health/live");
        assertThat(live.status()).isEqualTo(200);
        assertThat(live.body()).isEqualTo("{\"status\":\"up\"}");
        assertThat(live.header("Cache-Control")).isEqualTo("no-store");
        assertThat(live.header("RateLimit-Limit")).isNull();
        var delete = http.delete("/health/live");
        assertProblem(delete, 405, "method_not_allowed");
        assertThat(delete.header("Allow")).isEqualTo("GET");
    }

    @Test
    void healthAndReadyListEveryDependencyWithoutSecrets() {
        var health = http.get("/health");
        assertThat(health.status()).isEqualTo(200);
        var json = health.json();
        assertThat(json.get("status").asString()).isEqualTo("up");
        for (String name : new String[] {"database", "redis", "storage", "scheduler", "events"}) {
            assertThat(json.get("checks").get(name).asString()).as(name).isEqualTo("up");
        }
        assertThat(health.body()).doesNotContain("127.0.0.1").doesNotContain("PostgreSQL").doesNotContain("postgres");

        var ready = http.get("/health/ready");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("status").asString()).isEqualTo("up");
    }

    @Autowired
    ApplicationContext context;

    @Test
    void readyRefusesWhileTheNodeIsStartingOrShuttingDown() {
        // What a node seeding demo data or draining on shutdown reports, so balancers hold traffic back.
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        try {
            assertProblem(http.get("/health/ready"), 503, "service_unavailable");
            assertThat(http.get("/health/live").status()).isEqualTo(200);
        } finally {
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        }
        assertThat(http.get("/health/ready").status()).isEqualTo(200);
    }

    @Test
    void dependenciesAreForAdminsAndCarryDetails() {
        assertProblem(http.get("/health/dependencies"), 401, "unauthenticated");
        assertProblem(as(Role.EDITOR).get("/health/dependencies"), 403, "forbidden");
        var response = as(Role.ADMIN).get("/health/dependencies");
        assertThat(response.status()).isEqualTo(200);
        var database = response.json().get("dependencies").get(0);
        assertThat(database.get("name").asString()).isEqualTo("database");
        assertThat(database.get("critical").asBoolean()).isTrue();
        assertThat(database.get("version").asString()).startsWith("PostgreSQL ");
        assertThat(database.get("details").get("pool_max").asInt()).isPositive();
        assertThat(database.get("details").has("pool_waiting")).isTrue();
        assertThat(database.get("latency_ms").asLong()).isLessThan(1000);
        assertThat(response.body()).contains("\"Redis ");
    }

    @Test
    void versionTellsWhatIsRunning() {
        var json = http.get("/health/version").json();
        assertThat(json.get("service").asString()).isEqualTo("rtp-api");
        assertThat(json.get("version").asString()).isNotBlank();
        assertThat(json.get("java").asString()).startsWith("25");
        assertThat(json.get("uptime_seconds").asLong()).isNotNegative();
        assertThat(json.get("started_at").asString()).endsWith("Z");
    }
}
