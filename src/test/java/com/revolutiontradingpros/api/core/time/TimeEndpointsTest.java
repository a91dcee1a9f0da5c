package com.revolutiontradingpros.api.core.time;

import static com.revolutiontradingpros.api.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.revolutiontradingpros.api.support.ApiTest;

class TimeEndpointsTest extends ApiTest {

    @Test
    void timeAdvancesAndIsNeverCached() throws InterruptedException {
        var first = http.get("/time");
        Thread.sleep(1000);
        var second = http.get("/time");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("Cache-Control")).isEqualTo("no-store");
        long elapsed = second.json().get("epoch_ms").asLong() - first.json().get("epoch_ms").asLong();
        assertThat(elapsed).isBetween(950L, 2500L);
        var json = first.json();
        assertThat(json.get("timezone").asString()).isEqualTo("UTC");
        assertThat(json.get("iso").asString()).endsWith("Z");
        assertThat(Instant.parse(json.get("iso").asString()).toEpochMilli()).isEqualTo(json.get("epoch_ms").asLong());
    }

    @Test
    void pingEchoesTheClientClock() {
        var response = http.get("/time/ping?client_ms=1234");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("client_ms").asLong()).isEqualTo(1234);
        assertThat(response.json().get("epoch_ms").asLong()).isPositive();
        assertThat(http.get("/time/ping").json().has("epoch_ms")).isTrue();
        assertProblem(http.get("/time/ping?client_ms=soon"), 422, "validation_failed");
    }

    @Test
    void zonesListIanaZonesWithOffsets() {
        var response = http.get("/time/zones");
        assertThat(response.status()).isEqualTo(200);
        var body = response.body();
        assertThat(body).contains("America/New_York", "Europe/London", "Asia/Tokyo");
        assertThat(body).doesNotContain("SystemV/");
    }
}
