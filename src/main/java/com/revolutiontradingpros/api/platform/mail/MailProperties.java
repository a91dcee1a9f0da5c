package com.revolutiontradingpros.api.platform.mail;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param transport MAIL_TRANSPORT: {@code outbox} (stored and logged, the embedded default), {@code postmark} or {@code smtp}
 * @param from MAIL_FROM: the sender of every message unless the message names another
 * @param maxAttempts deliveries tried before a message is marked failed
 */
@Validated
@ConfigurationProperties("app.mail")
public record MailProperties(
        @Pattern(regexp = "outbox|postmark|smtp", message = "must be outbox, postmark or smtp") @DefaultValue("outbox") String transport,
        @NotBlank @DefaultValue("Revolution Trading Pros <no-reply@revolution-trading-pros.example>") String from,
        @Min(1) @Max(50) @DefaultValue("10") int maxAttempts,
        @Valid @DefaultValue Postmark postmark,
        @Valid @DefaultValue Smtp smtp) {

    /**
     * @param serverToken POSTMARK_SERVER_TOKEN
     * @param baseUrl POSTMARK_API_URL, only changed for tests
     * @param transactionalStream POSTMARK_TRANSACTIONAL_STREAM
     * @param broadcastStream POSTMARK_BROADCAST_STREAM
     */
    public record Postmark(
            @DefaultValue("") String serverToken,
            @DefaultValue("https://api.postmarkapp.com") String baseUrl,
            @DefaultValue("outbound") String transactionalStream,
            @DefaultValue("broadcast") String broadcastStream,
            @DefaultValue("10s") Duration timeout) {
    }

    /** SMTP_HOST, SMTP_PORT, SMTP_USERNAME, SMTP_PASSWORD, SMTP_STARTTLS. */
    public record Smtp(
            @DefaultValue("") String host,
            @Min(1) @Max(65535) @DefaultValue("587") int port,
            @DefaultValue("") String username,
            @DefaultValue("") String password,
            @DefaultValue("true") boolean starttls,
            @DefaultValue("10s") Duration timeout) {
    }

    @AssertTrue(message = "MAIL_TRANSPORT=postmark needs POSTMARK_SERVER_TOKEN")
    public boolean isPostmarkConfigured() {
        return !"postmark".equals(transport) || !postmark.serverToken().isBlank();
    }

    @AssertTrue(message = "MAIL_TRANSPORT=smtp needs SMTP_HOST")
    public boolean isSmtpConfigured() {
        return !"smtp".equals(transport) || !smtp.host().isBlank();
    }
}
