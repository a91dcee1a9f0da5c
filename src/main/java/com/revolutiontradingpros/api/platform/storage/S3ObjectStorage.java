package com.revolutiontradingpros.api.platform.storage;

import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
    private final String publicBaseUrl;
    private final Clock clock;

    /** {@code publicBaseUrl} serves the bucket's objects without signatures (an R2 custom domain, a CDN). */
    public S3ObjectStorage(S3Client s3, S3Presigner presigner, String bucket, String publicBaseUrl, Clock clock) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
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
    public URI attachmentUrl(String key, Duration validFor, String filename) {
        var presigned = presigner.presignGetObject(request -> request.signatureDuration(validFor)
                .getObjectRequest(get -> get.bucket(bucket).key(ObjectStorage.requireValidKey(key))
                        .responseContentDisposition(LocalObjectStorage.attachment(filename))));
        return URI.create(presigned.url().toString());
    }

    @Override
    public Optional<byte[]> range(String key, long offset, int length) {
        try (var in = s3.getObject(request -> request.bucket(bucket).key(ObjectStorage.requireValidKey(key))
                .range("bytes=" + offset + "-" + (offset + length - 1)))) {
            return Optional.of(in.readNBytes(length));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            // 416: the range starts at or past the end of the object
            if (e.statusCode() == 416) {
                return Optional.of(new byte[0]);
            }
            throw e;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void copy(String fromKey, String toKey) {
        s3.copyObject(request -> request.sourceBucket(bucket).sourceKey(ObjectStorage.requireValidKey(fromKey))
                .destinationBucket(bucket).destinationKey(ObjectStorage.requireValidKey(toKey)));
    }

    @Override
    public URI publicUrl(String key) {
        String encoded = java.net.URLEncoder.encode(ObjectStorage.requireValidKey(key), java.nio.charset.StandardCharsets.UTF_8)
                .replace("%2F", "/").replace("+", "%20");
        return URI.create(publicBaseUrl + "/" + encoded);
    }

    @Override
    public PresignedUpload uploadUrl(String key, String contentType, long maxBytes, Duration validFor) {
        var presigned = presigner.presignPutObject(request -> request.signatureDuration(validFor)
                .putObjectRequest(put -> put.bucket(bucket).key(ObjectStorage.requireValidKey(key)).contentType(contentType)));
        return new PresignedUpload("PUT", URI.create(presigned.url().toString()), Map.of("Content-Type", contentType),
                Instant.now(clock).plus(validFor));
    }

    @Override
    public String startMultipart(String key, String contentType, long partSize) {
        return s3.createMultipartUpload(request -> request.bucket(bucket).key(ObjectStorage.requireValidKey(key))
                .contentType(contentType)).uploadId();
    }

    @Override
    public PresignedUpload partUploadUrl(String key, String multipartId, int partNumber, Duration validFor) {
        var presigned = presigner.presignUploadPart(request -> request.signatureDuration(validFor)
                .uploadPartRequest(part -> part.bucket(bucket).key(ObjectStorage.requireValidKey(key)).uploadId(multipartId)
                        .partNumber(partNumber)));
        return new PresignedUpload("PUT", URI.create(presigned.url().toString()), Map.of(), Instant.now(clock).plus(validFor));
    }

    @Override
    public void completeMultipart(String key, String multipartId, List<CompletedPart> parts) {
        var completed = parts.stream()
                .map(part -> software.amazon.awssdk.services.s3.model.CompletedPart.builder().partNumber(part.partNumber())
                        .eTag(part.etag()).build())
                .toList();
        try {
            s3.completeMultipartUpload(request -> request.bucket(bucket).key(ObjectStorage.requireValidKey(key))
                    .uploadId(multipartId).multipartUpload(upload -> upload.parts(completed)));
        } catch (S3Exception e) {
            if (e.statusCode() == 400 || e.statusCode() == 404) {
                throw new IllegalArgumentException("the parts do not match the upload: " + e.awsErrorDetails().errorCode(), e);
            }
            throw e;
        }
    }

    @Override
    public void abortMultipart(String key, String multipartId) {
        try {
            s3.abortMultipartUpload(request -> request.bucket(bucket).key(ObjectStorage.requireValidKey(key)).uploadId(multipartId));
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
        }
    }

    @Override
    public void check() {
        s3.headBucket(HeadBucketRequest.builder().bucket(bucket).build());
    }
}
