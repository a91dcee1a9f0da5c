package com.revolutiontradingpros.api.platform.web;

import static com.revolutiontradingpros.api.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.revolutiontradingpros.api.support.ApiTest;

class ConditionalRequestsTest extends ApiTest {

    @Test
    void ifNoneMatchGives304AndIfMatchGuardsUpdates() {
        var created = http.post("/_probe/widgets", "{\"name\":\"etag\",\"quantity\":2}");
        assertThat(created.status()).isEqualTo(201);
        String location = created.header("Location");
        assertThat(location).startsWith("/_probe/widgets/");

        var first = http.get(location);
        String etag = first.header("ETag");
        assertThat(etag).isNotBlank();
        assertThat(http.get(location, "If-None-Match", etag).status()).isEqualTo(304);
        assertThat(http.get(location, "If-None-Match", "\"other\"").status()).isEqualTo(200);

        var updated = http.put(location, "{\"name\":\"etag2\",\"quantity\":3}", "If-Match", etag);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.header("ETag")).isNotEqualTo(etag);

        var stale = http.put(location, "{\"name\":\"etag3\",\"quantity\":4}", "If-Match", etag);
        assertProblem(stale, 412, "stale_version");
        assertThat(http.get(location).json().get("name").asString()).isEqualTo("etag2");
    }

    @Test
    void etagOfBytesIsStableAndStrong() {
        byte[] body = "{\"a\":1}".getBytes();
        assertThat(Conditional.etagOf(body)).isEqualTo(Conditional.etagOf(body.clone())).startsWith("\"");
        assertThat(Conditional.etagOf("{\"a\":2}".getBytes())).isNotEqualTo(Conditional.etagOf(body));
    }
}
