package com.revolutiontradingpros.api.content.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.Locale;

import org.springframework.stereotype.Component;

import com.revolutiontradingpros.api.platform.storage.ObjectStorage;
import com.revolutiontradingpros.api.platform.text.Slugs;
import com.revolutiontradingpros.api.platform.web.ApiException;

/**
 * Puts files into the library's part of the object store: the type sniffed from the bytes, images measured and
 * stripped, SVG sanitised, under a versioned key (rule 22) whose extension is the one the bytes deserve.
 */
@Component
class MediaFiles {

    /** Images and SVG are processed in memory; larger ones are refused rather than risk the heap. */
    static final long MAX_IMAGE_BYTES = 100L * 1024 * 1024;

    // Keys of private items must not be guessable: an object store's public domain serves any key it is asked for.
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ObjectStorage storage;
    private final Clock clock;

    MediaFiles(ObjectStorage storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    /** Where the bytes come from: a multipart upload, or an object a browser put on the store directly. */
    interface Source {
        byte[] head() throws IOException;

        InputStream open() throws IOException;

        long size();
    }

    StoredFile store(Source source, String filename, int fileVersion) {
        try {
            FileType type = FileTypes.sniff(source.head(), filename);
            String key = key(filename, type.extension(), fileVersion);
            if (type.isImage()) {
                if (source.size() > MAX_IMAGE_BYTES) {
                    throw ApiException.unprocessable("image_too_large", "file", "images may be at most 100 MB");
                }
                byte[] bytes;
                try (var in = source.open()) {
                    bytes = in.readAllBytes();
                }
                var size = Images.size(bytes, type);
                byte[] stored = type.mime().equals("image/svg+xml") ? SvgSanitizer.sanitize(bytes) : Images.strip(bytes, type);
                if (type.isRaster() && stored != bytes) {
                    size = Images.size(stored, type);
                }
                return put(key, filename, type, stored, size);
            }
            try (var in = new DigestInputStream(source.open(), sha256())) {
                storage.put(key, in, source.size(), type.mime());
                return new StoredFile(key, filename, type, source.size(), null, null, in.getMessageDigest().digest());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An edited image, encoded in the original's format. */
    StoredFile store(BufferedImage image, FileType type, String filename, int fileVersion) {
        byte[] bytes = Images.encode(image, type.mime());
        return put(key(filename, type.extension(), fileVersion), filename, type, bytes, new Images.Size(image.getWidth(), image.getHeight()));
    }

    /** The same bytes under a new key (a visibility change), so links to the old key stop working once it is deleted. */
    StoredFile copy(MediaItem item, int fileVersion) {
        String key = key(item.originalFilename(), item.type().extension(), fileVersion);
        storage.copy(item.storageKey(), key);
        return new StoredFile(key, item.originalFilename(), item.type(), item.sizeBytes(),
                item.width(), item.height(), item.checksum());
    }

    byte[] read(String key) {
        try (var in = storage.open(key).orElseThrow(() -> new IllegalStateException("the object " + key + " is missing"))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private StoredFile put(String key, String filename, FileType type, byte[] bytes, Images.@org.jspecify.annotations.Nullable Size size) {
        storage.put(key, new ByteArrayInputStream(bytes), bytes.length, type.mime());
        return new StoredFile(key, filename, type, bytes.length, size == null ? null : size.width(), size == null ? null : size.height(),
                sha256().digest(bytes));
    }

    /** {@code media/{yyyy}/{mm}/{16 random hex}-{file_version}/{slug of the name}.{extension of the bytes}} */
    String key(String filename, String extension, int fileVersion) {
        var now = ZonedDateTime.now(clock.withZone(ZoneOffset.UTC));
        int dot = filename.lastIndexOf('.');
        String base = Slugs.of(dot > 0 ? filename.substring(0, dot) : filename);
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        return "media/%04d/%02d/%s-%d/%s.%s".formatted(now.getYear(), now.getMonthValue(), HexFormat.of().formatHex(random), fileVersion,
                base.isEmpty() ? "file" : base, extension.toLowerCase(Locale.ROOT));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
