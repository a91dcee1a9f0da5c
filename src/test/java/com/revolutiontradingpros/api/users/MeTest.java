package com.revolutiontradingpros.api.users;

import static com.revolutiontradingpros.api.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.revolutiontradingpros.api.support.ApiTest;
import com.revolutiontradingpros.api.support.Http;

class MeTest extends ApiTest {

    @Test
    void profileUpdatesAreValidatedPerFieldAndLogged() {
        Http me = signUp("Dana Trader").client();
        var profile = me.get("/me");
        assertThat(profile.status()).isEqualTo(200);
        assertThat(profile.json().get("name").asString()).isEqualTo("Dana Trader");
        assertThat(profile.json().get("roles").toString()).isEqualTo("[\"member\"]");

        var updated = me.patch("/me", "{\"name\":\"Dana T.\",\"timezone\":\"America/New_York\",\"country\":\"us\",\"trading_experience\":\"advanced\"}");
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("timezone").asString()).isEqualTo("America/New_York");
        assertThat(updated.json().get("country").asString()).isEqualTo("US");
        assertThat(me.get("/me").json().get("name").asString()).isEqualTo("Dana T.");
        assertThat(me.get("/auth/me").json().get("user").get("name").asString()).isEqualTo("Dana T.");

        var mars = me.patch("/me", "{\"timezone\":\"Mars/Base\"}");
        assertProblem(mars, 422, "validation_failed");
        assertThat(mars.json().get("errors").has("timezone")).isTrue();
        var many = me.patch("/me", "{\"phone\":\"555\",\"locale\":\"!!\",\"trading_experience\":\"wizard\",\"email\":\"x@y.z\",\"name\":\"\"}");
        assertProblem(many, 422, "validation_failed");
        assertThat(many.json().get("errors").propertyNames()).contains("phone", "locale", "trading_experience", "email", "name");
        assertThat(me.get("/me").json().get("timezone").asString()).isEqualTo("America/New_York");

        assertThat(me.patch("/me", "{\"timezone\":null}").json().get("timezone").isNull()).isTrue();
        var activity = me.get("/me/activity?filter[action]=profile_updated").json();
        assertThat(activity.get("meta").get("total").asInt()).isEqualTo(2);
        var first = activity.get("data").get(1).get("meta").get("changes");
        assertThat(first.get("timezone").get("to").asString()).isEqualTo("America/New_York");
        assertThat(first.get("name").get("from").asString()).isEqualTo("Dana Trader");

        assertThat(signUp("Other").client().get("/me/activity").json().get("meta").get("total").asInt()).isZero();
        assertProblem(http.get("/me"), 401, "unauthenticated");
        assertProblem(http.patch("/me", "{}"), 401, "unauthenticated");
        var array = me.patch("/me", "[1]");
        assertThat(array.status()).isIn(400, 422);
        assertThat(array.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void websiteAndSocialLinksAreMergedAndChecked() {
        Http me = signUp("Jane Options").client();
        var set = me.patch("/me", """
                {"website_url":"https://janeoptions.example","social_links":{"youtube":"https://www.youtube.com/@janeoptions",
                 "x":"https://x.com/janeoptions"}}""");
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().get("website_url").asString()).isEqualTo("https://janeoptions.example");
        assertThat(set.json().get("social_links").get("youtube").asString()).isEqualTo("https://www.youtube.com/@janeoptions");

        // A merge patch: named networks change, null removes one, the rest stay.
        var merged = me.patch("/me", "{\"social_links\":{\"x\":null,\"tradingview\":\"https://www.tradingview.com/u/janeoptions/\"}}");
        assertThat(merged.json().get("social_links").propertyNames()).containsExactlyInAnyOrder("youtube", "tradingview");
        assertThat(me.get("/me").json().get("website_url").asString()).isEqualTo("https://janeoptions.example");

        var bad = me.patch("/me", """
                {"website_url":"javascript:alert(1)","social_links":{"youtube":"https://evil.example/@jane","myspace":"https://myspace.com/j",
                 "instagram":"http://instagram.com/jane"}}""");
        assertProblem(bad, 422, "validation_failed");
        assertThat(bad.json().get("errors").propertyNames())
                .contains("website_url", "social_links.youtube", "social_links.myspace", "social_links.instagram");
        assertProblem(me.patch("/me", "{\"social_links\":[\"https://x.com/j\"]}"), 422, "validation_failed");
        assertThat(me.get("/me").json().get("social_links").propertyNames()).containsExactlyInAnyOrder("youtube", "tradingview");

        assertThat(me.patch("/me", "{\"website_url\":null,\"social_links\":null}").json().get("social_links").isEmpty()).isTrue();
        var changes = me.get("/me/activity?filter[action]=profile_updated").json().get("data").get(0).get("meta").get("changes");
        assertThat(changes.get("website_url").get("from").asString()).isEqualTo("https://janeoptions.example");
    }

    @Test
    void preferencesTakeOnlyDocumentedKeys() {
        Http me = signUp("Dana Trader").client();
        var defaults = me.get("/me/preferences").json();
        assertThat(defaults.get("theme").asString()).isEqualTo("system");
        assertThat(defaults.get("alert_channels").toString()).isEqualTo("[\"email\"]");

        var saved = me.put("/me/preferences", "{\"theme\":\"dark\",\"alert_channels\":[\"email\",\"push\"],\"default_room\":\"day-trading-room\"}");
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.json().get("theme").asString()).isEqualTo("dark");
        assertThat(me.get("/me/preferences").json().get("default_room").asString()).isEqualTo("day-trading-room");

        var unknown = me.put("/me/preferences", "{\"theme\":\"dark\",\"favourite_colour\":\"blue\"}");
        assertProblem(unknown, 422, "validation_failed");
        assertThat(unknown.json().get("errors").has("favourite_colour")).isTrue();
        assertProblem(me.put("/me/preferences", "{\"theme\":\"neon\"}"), 422, "validation_failed");
        assertProblem(me.put("/me/preferences", "{\"alert_channels\":[\"pigeon\"]}"), 422, "validation_failed");
        assertThat(me.put("/me/preferences", "{}").json().get("theme").asString()).isEqualTo("system");
        assertProblem(http.get("/me/preferences"), 401, "unauthenticated");
    }

    @Test
    void notificationSwitchesKeepSecurityEmailOn() {
        Http me = signUp("Dana Trader").client();
        var settings = me.get("/me/notifications/settings").json();
        assertThat(settings.size()).isEqualTo(18);

        var updated = me.put("/me/notifications/settings",
                "{\"settings\":[{\"channel\":\"email\",\"topic\":\"newsletter\",\"enabled\":false},{\"channel\":\"push\",\"topic\":\"room_start\",\"enabled\":true}]}");
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(find(updated.json(), "email", "newsletter").get("enabled").asBoolean()).isFalse();
        assertThat(find(updated.json(), "push", "room_start").get("enabled").asBoolean()).isTrue();
        assertThat(find(updated.json(), "email", "alerts").get("enabled").asBoolean()).isTrue();

        var security = me.put("/me/notifications/settings", "{\"settings\":[{\"channel\":\"email\",\"topic\":\"security\",\"enabled\":false}]}");
        assertProblem(security, 422, "validation_failed");
        assertThat(security.json().get("errors").has("settings[0].enabled")).isTrue();
        assertProblem(me.put("/me/notifications/settings", "{\"settings\":[{\"channel\":\"fax\",\"topic\":\"alerts\",\"enabled\":true}]}"),
                422, "validation_failed");
        assertProblem(me.put("/me/notifications/settings", "{\"settings\":[{\"channel\":\"email\"}]}"), 422, "validation_failed");
        assertProblem(http.get("/me/notifications/settings"), 401, "unauthenticated");
    }

    private static tools.jackson.databind.JsonNode find(tools.jackson.databind.JsonNode settings, String channel, String topic) {
        for (var setting : settings) {
            if (setting.get("channel").asString().equals(channel) && setting.get("topic").asString().equals(topic)) {
                return setting;
            }
        }
        throw new AssertionError(channel + "/" + topic + " missing");
    }
}
