package com.revolutiontradingpros.api.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.support.ApiTest;
import com.revolutiontradingpros.api.support.Eventually;
import com.revolutiontradingpros.api.support.TestServices;

/** MAIL_TRANSPORT=smtp against GreenMail, a real SMTP server running in the test JVM. */
class SmtpTransportTest extends ApiTest {

    static final GreenMail SMTP = start();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("app.database.url", () -> TestServices.createDatabase("rtp_t_" + TestServices.RUN_ID + "_smtp"));
        registry.add("app.mail.transport", () -> "smtp");
        registry.add("app.mail.smtp.host", () -> "127.0.0.1");
        registry.add("app.mail.smtp.port", () -> SMTP.getSmtp().getPort());
        registry.add("app.mail.smtp.username", () -> "relay");
        registry.add("app.mail.smtp.password", () -> "relay-secret");
        registry.add("app.mail.smtp.starttls", () -> "false");
    }

    @Autowired
    Mail mail;

    @AfterAll
    static void stop() {
        SMTP.stop();
    }

    @Test
    void deliversAMultipartMessageOverSmtp() throws Exception {
        long id = mail.send(new MailMessage("member@example.com", "Reset your password", "Use this link: https://x/reset",
                "<p>Use <a href=\"https://x/reset\">this link</a></p>", MailMessage.TRANSACTIONAL, "password-reset",
                Map.of(), null, null));
        Eventually.within(Duration.ofSeconds(10), () ->
                assertThat(as(Role.ADMIN).get("/admin/outbox/" + id).json().get("status").asString()).isEqualTo("sent"));
        assertThat(SMTP.waitForIncomingEmail(5000, 1)).isTrue();
        var message = SMTP.getReceivedMessagesForDomain("example.com")[0];
        assertThat(message.getSubject()).isEqualTo("Reset your password");
        assertThat(message.getFrom()[0].toString()).contains("no-reply@revolution-trading-pros.example");
        assertThat(message.getHeader("X-Tag")[0]).isEqualTo("password-reset");
        assertThat(message.getContent()).isInstanceOf(MimeMultipart.class);
        String raw = GreenMailUtil.getWholeMessage(message);
        assertThat(raw).contains("Use this link: https://x/reset").contains("Content-Type: text/html").contains("https://x/reset\">this link</a>");
    }

    private static GreenMail start() {
        var greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.setUser("relay", "relay-secret");
        greenMail.start();
        return greenMail;
    }
}
