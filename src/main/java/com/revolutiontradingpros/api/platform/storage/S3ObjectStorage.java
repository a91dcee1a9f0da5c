package com.revolutiontradingpros.api.platform.storage;

import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Objects in an S3 bucket (AWS, Cloudflare R2, MinIO), handed out through presigned URLs. */
public class S3ObjectStorage implements ObjectStorage {

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;
    private final Clock clock;

    public S3ObjectStorage(S3Client s3, S3Presigner presigner, String bucket, Clock clock) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "s3";
    }

    @Override
    public void put(String key, InputStream content, long length, String contentType) {
        s3.putObject(request -> request.bucket(bucket).key(ObjectStorage.requireValidKey(key)).contentType(contentType),
                RequestBody.fromInputStream(content, length));
    }

    @Override
    public Optional<StoredObject> stat(String key) {
        try {
            var head = s3.headObject(request -> request.bucket(bucket).key(ObjectStorage.requireValidKey(key)));
            return Optional.of(new StoredObject(key, head.contentLength(),
                    head.contentType() == null ? "application/octet-stream" : head.contentType()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public Optional<InputStream> open(String key) {
        try {
            return Optional.of(s3.getObject(request -> request.bucket(bucket).key(ObjectStorage.requireValidKey(key))));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public void delete(String key) {
        s3.deleteObject(request -> request.bucket(bucket).key(ObjectStorage.requireValidKey(key)));
    }

    @Override
    public URI downloadUrl(String key, Duration validFor) {
        var presigned = presigner.presignGetObject(request -> request.signatureDuration(validFor)
                .getObjectRequest(get -> get.bucket(bucket).key(ObjectStorage.requireValidKey(key))));
        return URI.create(presigned.url().toString());
    }

    @Override
    public PresignedUpload uploadUrl(String key, String contentType, Duration validFor) {
        var presigned = presigner.presignPutObject(request -> request.signatureDuration(validFor)
                .putObjectRequest(put -> put.bucket(bucket).key(ObjectStorage.requireValidKey(key)).contentType(contentType)));
        return new PresignedUpload("PUT", URI.create(presigned.url().toString()), Map.of("Content-Type", contentType),
                Instant.now(clock).plus(validFor));
    }

    @Override
    public void check() {
        s3.headBucket(HeadBucketRequest.builder().bucket(bucket).build());
    }
}
