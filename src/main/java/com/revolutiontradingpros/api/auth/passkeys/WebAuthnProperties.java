package com.revolutiontradingpros.api.auth.passkeys;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param rpId WEBAUTHN_RP_ID: the site's registrable domain passkeys are bound to ({@code revolutiontradingpros.com})
 * @param rpName the name authenticators show
 * @param origins WEBAUTHN_ORIGINS: the web origins allowed to use passkeys (comma separated)
 */
@Validated
@ConfigurationProperties("app.auth.webauthn")
record WebAuthnProperties(
        @NotBlank @DefaultValue("localhost") String rpId,
        @NotBlank @DefaultValue("Revolution Trading Pros") String rpName,
        @NotEmpty @DefaultValue({"http://localhost:3000", "http://localhost:5173", "http://localhost:8080"}) List<String> origins) {
}
