package com.revolutiontradingpros.api.users.avatar;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import com.revolutiontradingpros.api.platform.storage.ObjectStorage;
import com.revolutiontradingpros.api.platform.web.ApiException;

/**
 * Profile pictures: JPEG, PNG or WebP (recognised by their bytes, not their name) up to 5 MB and 8,000 pixels a
 * side, cropped square and stored as 64 and 256 pixel PNG thumbnails; the upload itself is not kept, so nothing
 * it carried (such as GPS positions) survives.
 */
@Service
public class Avatars {

    static final long MAX_BYTES = 5L * 1024 * 1024;
    static final int MAX_SIDE = 8000;
    static final int[] SIZES = {64, 256};

    private final ObjectStorage storage;

    Avatars(ObjectStorage storage) {
        this.storage = storage;
    }

    /** Stores the thumbnails and returns the key prefix to keep on the profile. */
    String store(long userId, byte[] upload) {
        if (upload.length == 0 || upload.length > MAX_BYTES) {
            throw ApiException.invalid("file", "must be an image of at most 5 MB");
        }
        if (!isJpeg(upload) && !isPng(upload) && !isWebp(upload)) {
            throw ApiException.invalid("file", "must be a JPEG, PNG or WebP image");
        }
        BufferedImage image = decode(upload);
        String prefix = "avatars/" + userId + "/" + UUID.randomUUID();
        for (int size : SIZES) {
            byte[] png = png(square(image, size));
            storage.put(prefix + "-" + size + ".png", new ByteArrayInputStream(png), png.length, "image/png");
        }
        return prefix;
    }

    void delete(@Nullable String prefix) {
        if (prefix != null) {
            for (int size : SIZES) {
                storage.delete(prefix + "-" + size + ".png");
            }
        }
    }

    /** Signed links to the thumbnails, or null without an avatar. */
    public @Nullable Map<String, String> urls(@Nullable String prefix) {
        if (prefix == null) {
            return null;
        }
        return Map.of("small", storage.downloadUrl(prefix + "-64.png", Duration.ofHours(1)).toString(),
                "large", storage.downloadUrl(prefix + "-256.png", Duration.ofHours(1)).toString());
    }

    private static BufferedImage decode(byte[] bytes) {
        try (var input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            var readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw ApiException.invalid("file", "the image cannot be read");
            }
            var reader = readers.next();
            try {
                reader.setInput(input, true, true);
                // Check the size before decoding, so a small file that unpacks to a huge bitmap is refused cheaply.
                if (reader.getWidth(0) > MAX_SIDE || reader.getHeight(0) > MAX_SIDE) {
                    throw ApiException.invalid("file", "must be at most " + MAX_SIDE + " pixels on each side");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw ApiException.invalid("file", "the image cannot be read");
        }
    }

    private static BufferedImage square(BufferedImage source, int size) {
        int side = Math.min(source.getWidth(), source.getHeight());
        int x = (source.getWidth() - side) / 2;
        int y = (source.getHeight() - side) / 2;
        var target = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        var graphics = target.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            graphics.drawImage(source, 0, 0, size, size, x, y, x + side, y + side, null);
        } finally {
            graphics.dispose();
        }
        return target;
    }

    private static byte[] png(BufferedImage image) {
        try {
            var out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isJpeg(byte[] b) {
        return b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF;
    }

    private static boolean isPng(byte[] b) {
        return b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
    }

    private static boolean isWebp(byte[] b) {
        return b.length > 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E' && b[10] == 'B'
                && b[11] == 'P';
    }
}
