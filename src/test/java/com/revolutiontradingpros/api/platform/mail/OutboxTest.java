package com.revolutiontradingpros.api.platform.mail;

import static com.revolutiontradingpros.api.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.support.ApiTest;
import com.revolutiontradingpros.api.support.Eventually;
import com.revolutiontradingpros.api.support.Http;

/** The embedded default transport: mail is stored, logged and listed for admins. */
class OutboxTest extends ApiTest {

    @Autowired
    Mail mail;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void mailSentInACommittedTransactionIsStoredAndListed() {
        String to = "outbox-" + UUID.randomUUID() + "@example.com";
        long id = transactions.execute(status -> mail.send(new MailMessage(to, "Verify your email",
                "Open https://example.com/verify to verify.", "<p>Open <a href=\"https://example.com/verify\">this link</a>.</p>",
                MailMessage.TRANSACTIONAL, "email-verification", Map.of("user_id", "42"), null, null)));
        Http admin = as(Role.ADMIN);

        Eventually.within(Duration.ofSeconds(10), () ->
                assertThat(admin.get("/admin/outbox/" + id).json().get("status").asString()).isEqualTo("stored"));

        var detail = admin.get("/admin/outbox/" + id).json();
        assertThat(detail.get("to").asString()).isEqualTo(to);
        assertThat(detail.get("subject").asString()).isEqualTo("Verify your email");
        assertThat(detail.get("text_body").asString()).contains("verify");
        assertThat(detail.get("html_body").asString()).contains("<a href");
        assertThat(detail.get("tag").asString()).isEqualTo("email-verification");
        assertThat(detail.get("metadata").get("user_id").asString()).isEqualTo("42");
        assertThat(detail.get("transport").asString()).isEqualTo("outbox");
        assertThat(detail.get("from").asString()).contains("no-reply@");
        assertThat(detail.get("sent_at").asString()).endsWith("Z");

        var list = admin.get("/admin/outbox?filter[to]=" + to);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("meta").get("total").asInt()).isEqualTo(1);
        assertThat(list.json().get("data").get(0).get("id").asLong()).isEqualTo(id);
        assertThat(list.json().get("data").get(0).has("text_body")).isFalse();

        var searched = admin.get("/admin/outbox?q=" + to.substring(0, 20) + "&filter[status]=stored&sort=-created_at");
        assertThat(searched.json().get("meta").get("total").asInt()).isEqualTo(1);
    }

    @Test
    void mailOfARolledBackTransactionIsNeverSent() {
        String to = "rollback-" + UUID.randomUUID() + "@example.com";
        transactions.executeWithoutResult(status -> {
            mail.send(MailMessage.transactional(to, "Never", "never sent", null, "test"));
            status.setRollbackOnly();
        });
        var list = as(Role.ADMIN).get("/admin/outbox?filter[to]=" + to);
        assertThat(list.json().get("meta").get("total").asInt()).isZero();
    }

    @Test
    void onlyAdminsReadTheOutbox() {
        assertProblem(http.get("/admin/outbox"), 401, "unauthenticated");
        assertProblem(as(Role.EDITOR).get("/admin/outbox"), 403, "forbidden");
        assertProblem(as(Role.MEMBER).get("/admin/outbox/1"), 403, "forbidden");
    }

    @Test
    void badQueriesAre422AndMissingMessagesAre404() {
        Http admin = as(Role.ADMIN);
        assertProblem(admin.get("/admin/outbox?filter[password]=x"), 422, "validation_failed");
        assertProblem(admin.get("/admin/outbox?sort=subject"), 422, "validation_failed");
        assertProblem(admin.get("/admin/outbox/987654321"), 404, "not_found");
        assertProblem(admin.get("/admin/outbox/abc"), 404, "not_found");
    }

    @Test
    void backoffGrowsAndIsCapped() {
        assertThat(MailDispatcher.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(MailDispatcher.backoff(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(MailDispatcher.backoff(4)).isEqualTo(Duration.ofMinutes(4));
        assertThat(MailDispatcher.backoff(30)).isEqualTo(Duration.ofHours(1));
    }
}
