package com.revolutiontradingpros.api.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.support.ApiTest;
import com.revolutiontradingpros.api.support.Eventually;
import com.revolutiontradingpros.api.support.TestServices;

/** MAIL_TRANSPORT=postmark against a local server that speaks Postmark's email API. */
class PostmarkTransportTest extends ApiTest {

    static final FakePostmark POSTMARK = start();

    @DynamicPropertySource
    static void postmark(DynamicPropertyRegistry registry) {
        registry.add("app.database.url", () -> TestServices.createDatabase("rtp_t_" + TestServices.RUN_ID + "_postmark"));
        registry.add("app.mail.transport", () -> "postmark");
        registry.add("app.mail.postmark.server-token", () -> FakePostmark.TOKEN);
        registry.add("app.mail.postmark.base-url", POSTMARK::url);
    }

    @Autowired
    Mail mail;

    @AfterAll
    static void stop() {
        POSTMARK.close();
    }

    @Test
    void deliversThroughTheEmailApiAndKeepsTheMessageId() {
        long id = mail.send(new MailMessage("trader@example.com", "Your receipt", "Thanks for your order.",
                "<p>Thanks for your order.</p>", MailMessage.TRANSACTIONAL, "receipt", Map.of("order_id", "7"), null,
                "support@example.com"));

        var detail = awaitStatus(id, "sent");
        assertThat(detail.get("provider_message_id").asString()).hasSize(36);
        assertThat(detail.get("transport").asString()).isEqualTo("postmark");

        var sent = POSTMARK.received.stream().filter(body -> body.get("To").asString().equals("trader@example.com")).findFirst().orElseThrow();
        assertThat(sent.get("Subject").asString()).isEqualTo("Your receipt");
        assertThat(sent.get("TextBody").asString()).isEqualTo("Thanks for your order.");
        assertThat(sent.get("HtmlBody").asString()).isEqualTo("<p>Thanks for your order.</p>");
        assertThat(sent.get("ReplyTo").asString()).isEqualTo("support@example.com");
        assertThat(sent.get("Tag").asString()).isEqualTo("receipt");
        assertThat(sent.get("MessageStream").asString()).isEqualTo("outbound");
        assertThat(sent.get("Metadata").get("order_id").asString()).isEqualTo("7");
        assertThat(sent.get("Metadata").get("mail_id").asString()).isEqualTo(Long.toString(id));
        assertThat(POSTMARK.headers).allSatisfy(headers -> {
            assertThat(headers.get("token")).isEqualTo(FakePostmark.TOKEN);
            assertThat(headers.get("content-type")).startsWith("application/json");
            assertThat(headers.get("accept")).isEqualTo("application/json");
        });
    }

    @Test
    void broadcastMailUsesTheBroadcastStream() {
        long id = mail.send(new MailMessage("reader@example.com", "Weekly letter", "This week in markets.", null,
                MailMessage.BROADCAST, "newsletter", Map.of(), null, null));
        awaitStatus(id, "sent");
        var sent = POSTMARK.received.stream().filter(body -> body.get("To").asString().equals("reader@example.com")).findFirst().orElseThrow();
        assertThat(sent.get("MessageStream").asString()).isEqualTo("broadcast");
        assertThat(sent.has("HtmlBody")).isFalse();
    }

    @Test
    void anInactiveRecipientFailsAtOnce() {
        long id = mail.send(MailMessage.transactional("inactive@example.com", "Hello", "Hi", null, "test"));
        var detail = awaitStatus(id, "failed");
        assertThat(detail.get("attempts").asInt()).isEqualTo(1);
        assertThat(detail.get("last_error").asString()).contains("422").contains("inactive");
    }

    @Test
    void aProviderOutageIsRetriedLater() {
        long id = mail.send(MailMessage.transactional("someone@flaky.example", "Hello", "Hi", null, "test"));
        Eventually.within(Duration.ofSeconds(10), () -> {
            var detail = as(Role.ADMIN).get("/admin/outbox/" + id).json();
            assertThat(detail.get("attempts").asInt()).isEqualTo(1);
            assertThat(detail.get("status").asString()).isEqualTo("queued");
            assertThat(detail.get("last_error").asString()).contains("500");
            assertThat(java.time.Instant.parse(detail.get("next_attempt_at").asString()))
                    .isAfter(java.time.Instant.now().plusSeconds(20));
        });
    }

    private tools.jackson.databind.JsonNode awaitStatus(long id, String status) {
        var admin = as(Role.ADMIN);
        Eventually.within(Duration.ofSeconds(10), () ->
                assertThat(admin.get("/admin/outbox/" + id).json().get("status").asString()).isEqualTo(status));
        return admin.get("/admin/outbox/" + id).json();
    }

    private static FakePostmark start() {
        try {
            return new FakePostmark();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
