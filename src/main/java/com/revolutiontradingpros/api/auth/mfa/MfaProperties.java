package com.revolutiontradingpros.api.auth.mfa;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Pattern;

/**
 * @param encryptionKey MFA_ENCRYPTION_KEY: 64 hex characters (AES-256) sealing TOTP secrets at rest; generated into
 *        the data folder when empty. Every node needs the same one.
 * @param issuer the name authenticator apps show for the account
 */
@Validated
@ConfigurationProperties("app.auth.mfa")
record MfaProperties(
        @Pattern(regexp = "|[0-9a-fA-F]{64}", message = "MFA_ENCRYPTION_KEY must be 64 hex characters") @DefaultValue("") String encryptionKey,
        @DefaultValue("Revolution Trading Pros") String issuer) {
}
