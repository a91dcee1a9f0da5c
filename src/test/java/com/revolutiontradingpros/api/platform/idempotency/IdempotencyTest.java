package com.revolutiontradingpros.api.platform.idempotency;

import static com.revolutiontradingpros.api.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import com.revolutiontradingpros.api.support.ApiTest;

class IdempotencyTest extends ApiTest {

    @Test
    void aRepeatReplaysTheFirstResponseAndDoesNothingAgain() {
        String key = UUID.randomUUID().toString();
        String body = "{\"name\":\"idem\",\"quantity\":5}";
        var first = http.post("/_probe/widgets", body, "Idempotency-Key", key);
        var second = http.post("/_probe/widgets", body, "Idempotency-Key", key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");

        var third = http.post("/_probe/widgets", body);
        assertThat(third.json().get("id").asLong()).isNotEqualTo(first.json().get("id").asLong());
    }

    @Test
    void sameKeyWithAnotherBodyIs422() {
        String key = UUID.randomUUID().toString();
        http.post("/_probe/widgets", "{\"name\":\"a\",\"quantity\":1}", "Idempotency-Key", key);
        var reused = http.post("/_probe/widgets", "{\"name\":\"b\",\"quantity\":1}", "Idempotency-Key", key);
        assertProblem(reused, 422, "idempotency_key_reused");
    }

    @Test
    void keysAreScopedToTheCaller() {
        String key = UUID.randomUUID().toString();
        String body = "{\"name\":\"scoped\",\"quantity\":1}";
        var anonymous = http.post("/_probe/widgets", body, "Idempotency-Key", key);
        var signedIn = as().post("/_probe/widgets", body, "Idempotency-Key", key);
        assertThat(signedIn.json().get("id").asLong()).isNotEqualTo(anonymous.json().get("id").asLong());
    }

    @Test
    void validationFailuresAreNotStored() {
        String key = UUID.randomUUID().toString();
        assertThat(http.post("/_probe/widgets", "{\"name\":\"\",\"quantity\":1}", "Idempotency-Key", key).status()).isEqualTo(422);
        assertThat(http.post("/_probe/widgets", "{\"name\":\"\",\"quantity\":1}", "Idempotency-Key", key).header("Idempotent-Replayed")).isNull();
    }

    @Test
    void badKeysAre422() {
        assertProblem(http.post("/_probe/widgets", "{\"name\":\"k\",\"quantity\":1}", "Idempotency-Key", "x".repeat(300)),
                422, "validation_failed");
    }

    @Test
    void concurrentRepeatsCreateOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = "{\"name\":\"race\",\"quantity\":1}";
        Callable<Integer> call = () -> http.post("/_probe/widgets", body, "Idempotency-Key", key).status();
        try (var pool = Executors.newFixedThreadPool(6)) {
            var futures = java.util.stream.IntStream.range(0, 6).mapToObj(i -> pool.submit(call)).toList();
            for (var future : futures) {
                assertThat(future.get()).isIn(201, 409);
            }
        }
        var list = http.get("/_probe/widgets?filter[name]=race");
        assertThat(list.json().get("meta").get("total").asInt()).isEqualTo(1);
    }
}
