package com.revolutiontradingpros.api.core.market;

import static com.revolutiontradingpros.api.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.revolutiontradingpros.api.support.ApiTest;

class MarketClockEndpointsTest extends ApiTest {

    @Test
    void saturdayIsClosedAndNextOpenIsMonday0930NewYork() {
        var response = http.get("/time/market?at=2026-11-28T15:00:00Z");
        assertThat(response.status()).isEqualTo(200);
        var json = response.json();
        assertThat(json.get("is_open").asBoolean()).isFalse();
        assertThat(json.get("session").asString()).isEqualTo("closed");
        assertThat(json.get("next_open").get("new_york").asString()).isEqualTo("2026-11-30T09:30:00-05:00");
        assertThat(json.get("next_open").get("utc").asString()).isEqualTo("2026-11-30T14:30:00Z");
        assertThat(json.get("timezone").asString()).isEqualTo("America/New_York");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void sessionsThroughATradingDay() {
        assertThat(session("2026-11-24T10:00:00Z")).isEqualTo("pre");
        assertThat(session("2026-11-24T15:00:00Z")).isEqualTo("regular");
        assertThat(session("2026-11-24T22:00:00Z")).isEqualTo("after");
        assertThat(session("2026-11-25T02:00:00Z")).isEqualTo("closed");
        var open = http.get("/time/market?at=2026-11-24T15:00:00Z").json();
        assertThat(open.get("is_open").asBoolean()).isTrue();
        assertThat(open.get("next_close").get("new_york").asString()).isEqualTo("2026-11-24T16:00:00-05:00");
    }

    @Test
    void holidayIsNamedAndEarlyCloseIsShown() {
        var thanksgiving = http.get("/time/market?at=2026-11-26T16:00:00Z").json();
        assertThat(thanksgiving.get("is_open").asBoolean()).isFalse();
        assertThat(thanksgiving.get("holiday").asString()).isEqualTo("Thanksgiving Day");
        assertThat(thanksgiving.get("next_open").get("new_york").asString()).isEqualTo("2026-11-27T09:30:00-05:00");

        var dayAfter = http.get("/time/market?at=2026-11-27T15:00:00Z").json();
        assertThat(dayAfter.get("is_open").asBoolean()).isTrue();
        assertThat(dayAfter.get("early_close").asString()).isEqualTo("Day after Thanksgiving");
        assertThat(dayAfter.get("next_close").get("new_york").asString()).isEqualTo("2026-11-27T13:00:00-05:00");
    }

    @Test
    void calendarLeavesOutChristmasAndShortensChristmasEve() {
        var response = http.get("/time/market/calendar?from=2026-12-20&to=2026-12-31");
        assertThat(response.status()).isEqualTo(200);
        List<String> dates = new ArrayList<>();
        response.json().get("trading_days").forEach(day -> dates.add(day.get("date").asString()));
        assertThat(dates).containsExactly("2026-12-21", "2026-12-22", "2026-12-23", "2026-12-24", "2026-12-28",
                "2026-12-29", "2026-12-30", "2026-12-31");
        var eve = response.json().get("trading_days").get(3);
        assertThat(eve.get("early_close").asBoolean()).isTrue();
        assertThat(eve.get("close").get("new_york").asString()).isEqualTo("2026-12-24T13:00:00-05:00");
        assertThat(response.json().get("holidays").get(0).get("date").asString()).isEqualTo("2026-12-25");
    }

    @Test
    void calendarIsCacheableWithAnETag() {
        var first = http.get("/time/market/calendar?from=2026-12-01&to=2026-12-31");
        String etag = first.header("ETag");
        assertThat(etag).startsWith("\"");
        assertThat(first.header("Cache-Control")).isEqualTo("public, max-age=3600");
        assertThat(first.header("Content-Type")).startsWith("application/json");
        var again = http.get("/time/market/calendar?from=2026-12-01&to=2026-12-31", "If-None-Match", etag);
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.bytes()).isEmpty();
        var other = http.get("/time/market/calendar?from=2026-12-02&to=2026-12-31", "If-None-Match", etag);
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.header("ETag")).isNotEqualTo(etag);
    }

    @Test
    void badInputIs422() {
        assertProblem(http.get("/time/market?at=yesterday"), 422, "validation_failed");
        assertProblem(http.get("/time/market/calendar?from=2026-13-01"), 422, "validation_failed");
        assertProblem(http.get("/time/market/calendar?from=2026-12-31&to=2026-12-01"), 422, "validation_failed");
        var tooLong = http.get("/time/market/calendar?from=2026-01-01&to=2027-06-01");
        assertProblem(tooLong, 422, "validation_failed");
        assertThat(tooLong.json().get("errors").has("to")).isTrue();
    }

    @Test
    void calendarCoversAFullYear() {
        var response = http.get("/time/market/calendar?from=2027-01-01&to=2027-12-31");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("trading_days").size()).isEqualTo(251);
        assertThat(response.json().get("holidays").size()).isEqualTo(10);
    }

    private String session(String at) {
        return http.get("/time/market?at=" + at).json().get("session").asString();
    }
}
