package com.revolutiontradingpros.api.platform.storage;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import com.revolutiontradingpros.api.platform.AppProperties;
import com.revolutiontradingpros.api.platform.security.KeyFiles;
import com.revolutiontradingpros.api.platform.web.HttpProperties;

@Configuration(proxyBeanMethods = false)
class StorageConfig {

    @Bean
    ObjectStorage objectStorage(StorageProperties properties, AppProperties app, HttpProperties http, Clock clock) {
        if (!properties.s3()) {
            return new LocalObjectStorage(app.dataDir().resolve("media"), signingKey(properties, app.dataDir()),
                    http.publicUrl(), clock);
        }
        AwsCredentialsProvider credentials = properties.accessKeyId().isBlank()
                ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(properties.accessKeyId(), properties.secretAccessKey()));
        var s3Configuration = S3Configuration.builder().pathStyleAccessEnabled(properties.forcePathStyle()).build();
        var client = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(30)).build())
                .region(Region.of(properties.region()))
                .credentialsProvider(credentials)
                .serviceConfiguration(s3Configuration);
        var presigner = S3Presigner.builder()
                .region(Region.of(properties.region()))
                .credentialsProvider(credentials)
                .serviceConfiguration(s3Configuration);
        if (!properties.endpoint().isBlank()) {
            client.endpointOverride(URI.create(properties.endpoint()));
            presigner.endpointOverride(URI.create(properties.endpoint()));
        }
        return new S3ObjectStorage(client.build(), presigner.build(), properties.bucket(), publicBaseUrl(properties), clock);
    }

    /** MEDIA_PUBLIC_BASE_URL, else the bucket's own path-style URL at the endpoint (or AWS). */
    private static String publicBaseUrl(StorageProperties properties) {
        if (!properties.publicBaseUrl().isBlank()) {
            return properties.publicBaseUrl();
        }
        String endpoint = properties.endpoint().isBlank() ? "https://s3." + properties.region() + ".amazonaws.com" : properties.endpoint();
        return (endpoint.endsWith("/") ? endpoint : endpoint + "/") + properties.bucket();
    }

    /** STORAGE_SIGNING_KEY, or a random key made on first start and kept so URLs survive restarts. */
    private static byte[] signingKey(StorageProperties properties, Path dataDir) {
        return properties.signingKey().isEmpty()
                ? KeyFiles.loadOrCreate(dataDir, "storage-signing.key", 32)
                : properties.signingKey().getBytes(StandardCharsets.UTF_8);
    }
}
