package com.revolutiontradingpros.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/** Reads the mail the application sent, through the admin outbox API. */
public final class Outbox {

    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");

    private final Http admin;

    public Outbox(Http admin) {
        this.admin = admin;
    }

    public long count(String to, String tag) {
        return admin.get("/admin/outbox?filter[to]=" + encode(to) + "&filter[tag]=" + tag).json().get("meta").get("total").asLong();
    }

    /** The newest message with this tag to this address, waiting for it to arrive. */
    public JsonNode latest(String to, String tag) {
        var found = new AtomicReference<JsonNode>();
        Eventually.within(Duration.ofSeconds(10), () -> {
            var list = admin.get("/admin/outbox?filter[to]=" + encode(to) + "&filter[tag]=" + tag).json().get("data");
            assertThat(list.size()).as("mail " + tag + " to " + to).isPositive();
            found.set(admin.get("/admin/outbox/" + list.get(0).get("id").asLong()).json());
        });
        return found.get();
    }

    /** The token of the link in the newest such message. */
    public String token(String to, String tag) {
        var matcher = TOKEN.matcher(latest(to, tag).get("text_body").asString());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
