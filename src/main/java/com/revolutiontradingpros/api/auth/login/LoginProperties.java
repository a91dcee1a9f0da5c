package com.revolutiontradingpros.api.auth.login;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Sign-in throttling (02-auth rule 4).
 *
 * @param window the window failures are counted in
 * @param emailFailures failures per email in the window before 429
 * @param ipFailures failures per client IP in the window before 429
 * @param lockAfter consecutive failures that lock the account
 * @param lockFor how long a lock lasts
 */
@Validated
@ConfigurationProperties("app.auth.login")
record LoginProperties(
        @DefaultValue("15m") Duration window,
        @Min(1) @DefaultValue("5") int emailFailures,
        @Min(1) @DefaultValue("50") int ipFailures,
        @Min(1) @DefaultValue("10") int lockAfter,
        @DefaultValue("30m") Duration lockFor) {
}
