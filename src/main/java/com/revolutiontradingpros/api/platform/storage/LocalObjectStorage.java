package com.revolutiontradingpros.api.platform.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Files under {@code <data dir>/media}, with the content type kept beside each file. Signed URLs point
 * back at this app ({@code /storage/<key>?expires=…&signature=…}), where {@link LocalStorageController}
 * checks the HMAC before serving or accepting bytes.
 */
public class LocalObjectStorage implements ObjectStorage {

    private static final String META_DIR = ".content-types";

    private final Path root;
    private final byte[] signingKey;
    private final String publicUrl;
    private final Clock clock;

    public LocalObjectStorage(Path root, byte[] signingKey, String publicUrl, Clock clock) {
        this.root = root.toAbsolutePath().normalize();
        this.signingKey = signingKey.clone();
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.clock = clock;
        try {
            Files.createDirectories(this.root.resolve(META_DIR));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the media folder " + this.root, e);
        }
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public void put(String key, InputStream content, long length, String contentType) {
        Path file = file(key);
        try {
            Files.createDirectories(file.getParent());
            // Write beside the target and move into place, so readers never see half a file.
            Path partial = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".part");
            try {
                Files.copy(content, partial);
                Path meta = meta(key);
                Files.createDirectories(meta.getParent());
                Files.writeString(meta, contentType);
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store " + key, e);
        }
    }

    @Override
    public Optional<StoredObject> stat(String key) {
        Path file = file(key);
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            return Optional.of(new StoredObject(key, Files.size(file), contentType(key)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<InputStream> open(String key) {
        try {
            return Optional.of(Files.newInputStream(file(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(file(key));
            Files.deleteIfExists(meta(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public URI downloadUrl(String key, Duration validFor) {
        return signedUrl("GET", key, "", Instant.now(clock).plus(validFor));
    }

    @Override
    public PresignedUpload uploadUrl(String key, String contentType, Duration validFor) {
        Instant expires = Instant.now(clock).plus(validFor);
        return new PresignedUpload("PUT", signedUrl("PUT", key, contentType, expires),
                Map.of("Content-Type", contentType), expires);
    }

    @Override
    public void check() {
        if (!Files.isDirectory(root) || !Files.isWritable(root)) {
            throw new IllegalStateException("the media folder is missing or read-only");
        }
    }

    /** True when the signature was made by this store for this method, key and content type, and has not expired. */
    boolean verify(String method, String key, String contentType, long expiresEpochSecond, String signature) {
        if (Instant.now(clock).getEpochSecond() > expiresEpochSecond) {
            return false;
        }
        byte[] expected = sign(method, key, contentType, expiresEpochSecond).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }

    String contentType(String key) throws IOException {
        Path meta = meta(key);
        return Files.exists(meta) ? Files.readString(meta) : "application/octet-stream";
    }

    private URI signedUrl(String method, String key, String contentType, Instant expires) {
        ObjectStorage.requireValidKey(key);
        long epoch = expires.getEpochSecond();
        String encodedKey = URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/").replace("+", "%20");
        return URI.create(publicUrl + LocalStorageController.PATH + encodedKey + "?expires=" + epoch
                + "&signature=" + sign(method, key, contentType, epoch));
    }

    private String sign(String method, String key, String contentType, long expires) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingKey, "HmacSHA256"));
            byte[] digest = mac.doFinal((method + "\n" + key + "\n" + contentType + "\n" + expires)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path file(String key) {
        Path file = root.resolve(ObjectStorage.requireValidKey(key)).normalize();
        if (!file.startsWith(root) || file.startsWith(root.resolve(META_DIR))) {
            throw new IllegalArgumentException("invalid storage key");
        }
        return file;
    }

    private Path meta(String key) {
        return root.resolve(META_DIR).resolve(key).normalize();
    }
}
