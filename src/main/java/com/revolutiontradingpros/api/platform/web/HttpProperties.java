package com.revolutiontradingpros.api.platform.web;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * HTTP limits and browser access.
 *
 * @param maxBodySize largest JSON body accepted (HTTP_MAX_BODY_SIZE)
 * @param maxUploadSize largest body on upload paths (HTTP_MAX_UPLOAD_SIZE)
 * @param uploadPaths path patterns that take uploads
 * @param corsAllowedOrigins browser origins allowed to call the API (CORS_ALLOWED_ORIGINS, comma separated)
 * @param publicUrl the URL clients reach this API at, for signed file URLs (PUBLIC_URL)
 * @param siteUrl the member website, where links in emails lead (SITE_URL): its pages call the API with the token
 */
@Validated
@ConfigurationProperties("app.http")
public record HttpProperties(
        @NotNull @DefaultValue("1MB") DataSize maxBodySize,
        @NotNull @DefaultValue("100MB") DataSize maxUploadSize,
        @DefaultValue({"/media", "/media/**", "/users/import", "/*/import", "/me/avatar", "/videos/*/thumbnail", "/videos/*/captions/*"}) List<String> uploadPaths,
        @DefaultValue List<String> corsAllowedOrigins,
        @NotNull @DefaultValue("http://localhost:8080") String publicUrl,
        @NotNull @DefaultValue("http://localhost:3000") String siteUrl) {
}
