package com.revolutiontradingpros.api.platform.security;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param issuer the {@code iss} of access tokens (JWT_ISSUER)
 * @param privateKey PEM (PKCS#8) RSA private key that signs access tokens (JWT_PRIVATE_KEY); empty means a key
 *        generated on first start and kept in the data folder, which suits one node; set it for several
 * @param keyId the {@code kid} of that key (JWT_KEY_ID); derived from the key when empty
 * @param accessTokenTtl lifetime of access tokens
 */
@Validated
@ConfigurationProperties("app.security.jwt")
public record SecurityProperties(
        @NotBlank @DefaultValue("https://api.revolution-trading-pros.example") String issuer,
        @DefaultValue("") String privateKey,
        @DefaultValue("") String keyId,
        @DefaultValue("15m") Duration accessTokenTtl,
        @jakarta.validation.constraints.Pattern(regexp = "|[0-9a-fA-F]{64}", message = "JWT_KEYS_ENCRYPTION_KEY must be 64 hex characters")
        @DefaultValue("") String keysEncryptionKey) {
}
