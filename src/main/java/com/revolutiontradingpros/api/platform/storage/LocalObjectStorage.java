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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Files under {@code <data dir>/media}, with the content type kept beside each file. URLs point back at this
 * app: downloads at {@code /media/files/<key>} (signed with {@code ?expires=…&signature=…} unless the object is
 * public), uploads at {@code /media/uploads/<id>/parts/<n>}, where {@link LocalStorageController} checks the
 * HMAC before serving or accepting bytes. Multipart uploads keep their parts under {@code .uploads/<id>}.
 */
public class LocalObjectStorage implements ObjectStorage {

    private static final String META_DIR = ".content-types";
    private static final String UPLOADS_DIR = ".uploads";

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
    public Optional<byte[]> range(String key, long offset, int length) {
        try (var channel = java.nio.channels.FileChannel.open(file(key))) {
            var buffer = java.nio.ByteBuffer.allocate((int) Math.max(0, Math.min(length, channel.size() - offset)));
            int read;
            do {
                read = channel.read(buffer, offset + buffer.position());
            } while (read > 0 && buffer.hasRemaining());
            return Optional.of(java.util.Arrays.copyOf(buffer.array(), buffer.position()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void copy(String fromKey, String toKey) {
        try (var in = Files.newInputStream(file(fromKey))) {
            put(toKey, in, Files.size(file(fromKey)), contentType(fromKey));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + fromKey, e);
        }
    }

    @Override
    public URI publicUrl(String key) {
        return URI.create(publicUrl + LocalStorageController.FILES + encode(ObjectStorage.requireValidKey(key)));
    }

    @Override
    public URI downloadUrl(String key, Duration validFor) {
        long expires = Instant.now(clock).plus(validFor).getEpochSecond();
        return URI.create(publicUrl(key) + "?expires=" + expires + "&signature=" + sign("GET", key, expires));
    }

    @Override
    public URI attachmentUrl(String key, Duration validFor, String filename) {
        long expires = Instant.now(clock).plus(validFor).getEpochSecond();
        String disposition = attachment(filename);
        return URI.create(publicUrl(key) + "?expires=" + expires + "&download=" + URLEncoder.encode(disposition, StandardCharsets.UTF_8)
                .replace("+", "%20") + "&signature=" + sign("GET", key + "\n" + disposition, expires));
    }

    /** A Content-Disposition header value for a download under this name (RFC 6266, with a UTF-8 variant). */
    static String attachment(String filename) {
        String ascii = filename.replaceAll("[^\\x20-\\x7e]|[\"\\\\]", "_");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public PresignedUpload uploadUrl(String key, String contentType, long maxBytes, Duration validFor) {
        String id = newUpload(key, contentType, maxBytes, true);
        return partUploadUrl(key, id, 1, validFor);
    }

    @Override
    public String startMultipart(String key, String contentType, long partSize) {
        return newUpload(key, contentType, partSize, false);
    }

    @Override
    public PresignedUpload partUploadUrl(String key, String multipartId, int partNumber, Duration validFor) {
        Instant expires = Instant.now(clock).plus(validFor);
        long epoch = expires.getEpochSecond();
        URI url = URI.create(publicUrl + LocalStorageController.UPLOADS + multipartId + "/parts/" + partNumber + "?expires="
                + epoch + "&signature=" + sign("PUT", partResource(multipartId, partNumber), epoch));
        return new PresignedUpload("PUT", url, Map.of("Content-Type", upload(multipartId).contentType()), expires);
    }

    @Override
    public void completeMultipart(String key, String multipartId, List<CompletedPart> parts) {
        Path dir = uploadDir(multipartId);
        var pending = upload(multipartId);
        if (!pending.key().equals(key)) {
            throw new IllegalArgumentException("the upload belongs to another object");
        }
        var sorted = parts.stream().sorted(java.util.Comparator.comparingInt(CompletedPart::partNumber)).toList();
        long total = 0;
        var files = new java.util.ArrayList<Path>();
        for (int i = 0; i < sorted.size(); i++) {
            var part = sorted.get(i);
            Path file = dir.resolve("part-" + part.partNumber());
            if (part.partNumber() != i + 1 || !Files.isRegularFile(file)
                    || !unquote(part.etag()).equals(readEtag(dir, part.partNumber()))) {
                throw new IllegalArgumentException("part " + part.partNumber() + " is missing or its etag differs");
            }
            files.add(file);
            total += size(file);
        }
        try (var joined = new java.io.SequenceInputStream(java.util.Collections.enumeration(files.stream().map(LocalObjectStorage::openFile).toList()))) {
            put(key, joined, total, pending.contentType());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        deleteTree(dir);
    }

    @Override
    public void abortMultipart(String key, String multipartId) {
        deleteTree(uploadDir(multipartId));
    }

    @Override
    public void check() {
        if (!Files.isDirectory(root) || !Files.isWritable(root)) {
            throw new IllegalStateException("the media folder is missing or read-only");
        }
    }

    enum Verdict { VALID, EXPIRED, INVALID }

    /** Checks a signed download URL of the object ({@code disposition} null unless it is an attachment link). */
    Verdict verifyDownload(String key, @org.jspecify.annotations.Nullable String disposition, long expiresEpochSecond, String signature) {
        return verify("GET", disposition == null ? key : key + "\n" + disposition, expiresEpochSecond, signature);
    }

    /**
     * Stores one part sent to a signed part URL and returns its etag; a single (non-multipart) upload's only part
     * becomes the object at once.
     */
    String receivePart(String multipartId, int partNumber, long expires, String signature, InputStream content) {
        return switch (verify("PUT", partResource(multipartId, partNumber), expires, signature)) {
            case INVALID -> throw new SignatureException(false);
            case EXPIRED -> throw new SignatureException(true);
            case VALID -> storePart(multipartId, partNumber, content);
        };
    }

    /** The file behind a key, for serving it with ranges. */
    Optional<Path> path(String key) {
        Path file = file(key);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    static final class SignatureException extends RuntimeException {
        final boolean expired;

        SignatureException(boolean expired) {
            super(expired ? "the link has expired" : "the link's signature is invalid", null, false, false);
            this.expired = expired;
        }
    }

    static final class PartTooLargeException extends RuntimeException {
        PartTooLargeException(long limit) {
            super("the part is larger than " + limit + " bytes", null, false, false);
        }
    }

    private String storePart(String multipartId, int partNumber, InputStream content) {
        Path dir = uploadDir(multipartId);
        var pending = upload(multipartId);
        Path partial = dir.resolve("part-" + partNumber + "." + UUID.randomUUID() + ".part");
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            try (var out = Files.newOutputStream(partial)) {
                byte[] buffer = new byte[64 * 1024];
                long written = 0;
                for (int n; (n = content.read(buffer)) > 0; ) {
                    written += n;
                    if (written > pending.maxBytes()) {
                        throw new PartTooLargeException(pending.maxBytes());
                    }
                    digest.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            String etag = HexFormat.of().formatHex(digest.digest(), 0, 16);
            if (pending.single()) {
                try (var in = Files.newInputStream(partial)) {
                    put(pending.key(), in, Files.size(partial), pending.contentType());
                }
                deleteTree(dir);
            } else {
                Files.move(partial, dir.resolve("part-" + partNumber), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                Files.writeString(dir.resolve("etag-" + partNumber), etag);
            }
            return etag;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // a leftover .part file is removed with the upload folder
            }
        }
    }

    private record PendingUpload(String key, String contentType, long maxBytes, boolean single) {
    }

    private String newUpload(String key, String contentType, long maxBytes, boolean single) {
        ObjectStorage.requireValidKey(key);
        String id = UUID.randomUUID().toString();
        try {
            Path dir = Files.createDirectories(uploadDir(id));
            Files.writeString(dir.resolve("upload"), String.join("\n", key, contentType, Long.toString(maxBytes), Boolean.toString(single)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return id;
    }

    private PendingUpload upload(String multipartId) {
        try {
            var lines = Files.readAllLines(uploadDir(multipartId).resolve("upload"));
            return new PendingUpload(lines.get(0), lines.get(1), Long.parseLong(lines.get(2)), Boolean.parseBoolean(lines.get(3)));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such upload");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path uploadDir(String multipartId) {
        // The id is always one this store made; anything else must not name a path.
        return root.resolve(UPLOADS_DIR).resolve(UUID.fromString(multipartId).toString());
    }

    private static String readEtag(Path dir, int partNumber) {
        try {
            return Files.readString(dir.resolve("etag-" + partNumber));
        } catch (IOException e) {
            return "";
        }
    }

    private static String partResource(String multipartId, int partNumber) {
        return "upload/" + multipartId + "/" + partNumber;
    }

    private static String unquote(String etag) {
        return etag.replace("\"", "");
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream openFile(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (NoSuchFileException e) {
            // already gone
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Verdict verify(String method, String resource, long expiresEpochSecond, String signature) {
        byte[] expected = sign(method, resource, expiresEpochSecond).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
            return Verdict.INVALID;
        }
        return Instant.now(clock).getEpochSecond() > expiresEpochSecond ? Verdict.EXPIRED : Verdict.VALID;
    }

    String contentType(String key) throws IOException {
        Path meta = meta(key);
        return Files.exists(meta) ? Files.readString(meta) : "application/octet-stream";
    }

    private static String encode(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/").replace("+", "%20");
    }

    /** HMAC-SHA256 over the method, the resource (an object key or an upload part) and the expiry. */
    private String sign(String method, String resource, long expires) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingKey, "HmacSHA256"));
            byte[] digest = mac.doFinal((method + "\n" + resource + "\n" + expires).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path file(String key) {
        Path file = root.resolve(ObjectStorage.requireValidKey(key)).normalize();
        if (!file.startsWith(root) || file.startsWith(root.resolve(META_DIR)) || file.startsWith(root.resolve(UPLOADS_DIR))) {
            throw new IllegalArgumentException("invalid storage key");
        }
        return file;
    }

    private Path meta(String key) {
        return root.resolve(META_DIR).resolve(key).normalize();
    }
}
