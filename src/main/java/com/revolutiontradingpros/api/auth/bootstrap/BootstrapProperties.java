package com.revolutiontradingpros.api.auth.bootstrap;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param adminEmail ADMIN_EMAIL: the first super admin's email
 * @param adminPassword ADMIN_PASSWORD: its password (12+ characters); when empty a one-time password is generated and printed
 */
@Validated
@ConfigurationProperties("app.bootstrap")
public record BootstrapProperties(
        @Email @DefaultValue("admin@revolution-trading-pros.example") String adminEmail,
        @DefaultValue("") String adminPassword) {

    @AssertTrue(message = "ADMIN_PASSWORD must be at least 12 characters")
    public boolean isPasswordLongEnough() {
        return adminPassword.isEmpty() || adminPassword.length() >= 12;
    }
}
