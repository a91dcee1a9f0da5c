package com.revolutiontradingpros.api.platform.storage;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param bucket S3_BUCKET: set it to store objects in S3/R2/MinIO; empty keeps them under the data folder
 * @param endpoint S3_ENDPOINT: for R2 ({@code https://<account>.r2.cloudflarestorage.com}) or MinIO; empty means AWS
 * @param region S3_REGION ({@code auto} for R2)
 * @param accessKeyId S3_ACCESS_KEY_ID; empty uses the AWS default credential chain
 * @param secretAccessKey S3_SECRET_ACCESS_KEY
 * @param forcePathStyle S3_FORCE_PATH_STYLE: true for MinIO and most S3-compatible servers
 * @param signingKey STORAGE_SIGNING_KEY: HMAC key for local signed URLs; generated into the data folder when empty
 * @param publicBaseUrl MEDIA_PUBLIC_BASE_URL: where the bucket's public objects are served (an R2 custom domain or a
 *        CDN); empty uses the bucket's own URL. Unused by the local store, which serves them at /media/files
 * @param urlTtl how long signed download URLs stay valid by default
 */
@Validated
@ConfigurationProperties("app.storage")
public record StorageProperties(
        @DefaultValue("") String bucket,
        @DefaultValue("") String endpoint,
        @DefaultValue("us-east-1") String region,
        @DefaultValue("") String accessKeyId,
        @DefaultValue("") String secretAccessKey,
        @DefaultValue("false") boolean forcePathStyle,
        @DefaultValue("") String signingKey,
        @DefaultValue("") String publicBaseUrl,
        @DefaultValue("1h") Duration urlTtl) {

    public boolean s3() {
        return !bucket.isBlank();
    }

    @AssertTrue(message = "S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together")
    public boolean isCredentialsComplete() {
        return accessKeyId.isBlank() == secretAccessKey.isBlank();
    }

    @AssertTrue(message = "STORAGE_SIGNING_KEY must be at least 32 characters")
    public boolean isSigningKeyLongEnough() {
        return signingKey.isEmpty() || signingKey.length() >= 32;
    }
}
