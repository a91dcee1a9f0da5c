package com.revolutiontradingpros.api.content.media;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.exif.ExifIFD0Directory;
import net.coobird.thumbnailator.Thumbnails;
import org.jspecify.annotations.Nullable;

import com.revolutiontradingpros.api.platform.web.ApiException;

/**
 * Raster image work (rule 21): dimensions read from the header before anything is decoded, metadata stripped from
 * the stored original, orientation applied, and variants resized and encoded (JPEG quality 82, WebP quality 80).
 */
final class Images {

    static final long MAX_PIXELS = 50_000_000L;

    private Images() {
    }

    record Size(int width, int height) {
    }

    /**
     * The image's size from its header, refusing more than 50 megapixels (422 image_too_large) before a pixel is
     * decoded, so a small file that unpacks to a huge bitmap costs nothing.
     */
    static @Nullable Size size(byte[] file, FileType type) {
        Size size = switch (type.mime()) {
            case "image/svg+xml" -> null;
            case "image/avif" -> avifSize(file);
            default -> headerSize(file);
        };
        if (size != null && (long) size.width() * size.height() > MAX_PIXELS) {
            throw ApiException.unprocessable("image_too_large", "file", "images may have at most 50 megapixels");
        }
        return size;
    }

    /**
     * The original as it is stored: JPEG, PNG and WebP lose their EXIF and XMP blocks (GPS positions included) while
     * the ICC profile stays; a JPEG whose EXIF asks for a rotation is turned upright first.
     */
    static byte[] strip(byte[] file, FileType type) {
        return switch (type.mime()) {
            case "image/jpeg" -> {
                byte[] stripped = orientation(file) == 1 ? MetadataStripper.jpeg(file) : null;
                yield stripped != null ? stripped : upright(file);
            }
            case "image/png" -> MetadataStripper.png(file);
            case "image/webp" -> MetadataStripper.webp(file);
            default -> file;
        };
    }

    static BufferedImage decode(byte[] file) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(file));
            if (image == null) {
                throw new IllegalArgumentException("no reader for the image");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Scaled to {@code width}, keeping the aspect ratio. */
    static BufferedImage scaleToWidth(BufferedImage image, int width) {
        int height = Math.max(1, Math.round((float) image.getHeight() * width / image.getWidth()));
        return resize(image, null, width, height);
    }

    /** A square {@code side}×{@code side} cut from the largest square around the focal point. */
    static BufferedImage cover(BufferedImage image, int side, double focalX, double focalY) {
        int crop = Math.min(image.getWidth(), image.getHeight());
        int x = clamp((int) Math.round(focalX * image.getWidth() - crop / 2.0), image.getWidth() - crop);
        int y = clamp((int) Math.round(focalY * image.getHeight() - crop / 2.0), image.getHeight() - crop);
        int target = Math.min(side, crop);
        return resize(image, new Rectangle(x, y, crop, crop), target, target);
    }

    /** Cropped (source pixels), rotated (90, 180, 270) and flipped, in that order. */
    static BufferedImage edit(BufferedImage image, @Nullable Rectangle crop, int rotate, boolean flipHorizontal, boolean flipVertical) {
        try {
            BufferedImage result = image;
            if (crop != null) {
                result = Thumbnails.of(result).sourceRegion(crop).scale(1).asBufferedImage();
            }
            if (rotate != 0) {
                result = Thumbnails.of(result).rotate(rotate).scale(1).asBufferedImage();
            }
            if (flipHorizontal || flipVertical) {
                var flipped = new BufferedImage(result.getWidth(), result.getHeight(),
                        result.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
                var graphics = flipped.createGraphics();
                graphics.drawImage(result, flipHorizontal ? result.getWidth() : 0, flipVertical ? result.getHeight() : 0,
                        flipHorizontal ? -result.getWidth() : result.getWidth(), flipVertical ? -result.getHeight() : result.getHeight(), null);
                graphics.dispose();
                result = flipped;
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Encoded as JPEG (quality 82, no alpha), PNG, GIF or WebP (quality 80). */
    static byte[] encode(BufferedImage image, String mime) {
        return switch (mime) {
            case "image/jpeg" -> write(opaque(image), "image/jpeg", 0.82f);
            case "image/webp" -> write(image, "image/webp", 0.80f);
            default -> write(image, mime, null);
        };
    }

    private static BufferedImage resize(BufferedImage image, @Nullable Rectangle region, int width, int height) {
        try {
            var builder = Thumbnails.of(image).forceSize(width, height);
            if (region != null) {
                builder.sourceRegion(region);
            }
            return builder.asBufferedImage();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] write(BufferedImage image, String mime, @Nullable Float quality) {
        var writers = ImageIO.getImageWritersByMIMEType(mime);
        if (!writers.hasNext()) {
            throw new IllegalStateException("no image writer for " + mime);
        }
        var writer = writers.next();
        var bytes = new ByteArrayOutputStream();
        try (var output = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (quality != null && param.canWriteCompressed()) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionType(param.getCompressionTypes()[0]);
                param.setCompressionQuality(quality);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static BufferedImage opaque(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return image;
        }
        var rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        var graphics = rgb.createGraphics();
        graphics.setColor(java.awt.Color.WHITE);
        graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
        graphics.drawImage(image, 0, 0, null);
        graphics.dispose();
        return rgb;
    }

    private static int orientation(byte[] file) {
        try {
            var exif = ImageMetadataReader.readMetadata(new ByteArrayInputStream(file)).getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                return exif.getInt(ExifIFD0Directory.TAG_ORIENTATION);
            }
        } catch (ImageProcessingException | IOException | com.drew.metadata.MetadataException e) {
            // Unreadable metadata: store the pixels as they are.
        }
        return 1;
    }

    /** Re-encodes a JPEG with its EXIF orientation applied to the pixels; the new file carries no metadata. */
    private static byte[] upright(byte[] file) {
        try {
            var oriented = Thumbnails.of(new ByteArrayInputStream(file)).scale(1).useExifOrientation(true).asBufferedImage();
            return write(opaque(oriented), "image/jpeg", 0.92f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static @Nullable Size headerSize(byte[] file) {
        try (var input = ImageIO.createImageInputStream(new ByteArrayInputStream(file))) {
            var readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw unreadable();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                return new Size(reader.getWidth(0), reader.getHeight(0));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw unreadable();
        }
    }

    /** AVIF keeps its size in the image spatial extents ('ispe') property. */
    private static @Nullable Size avifSize(byte[] file) {
        byte[] ispe = "ispe".getBytes(StandardCharsets.US_ASCII);
        for (int i = 4; i + 16 <= file.length && i < 1 << 20; i++) {
            if (file[i] == ispe[0] && file[i + 1] == ispe[1] && file[i + 2] == ispe[2] && file[i + 3] == ispe[3]) {
                var buffer = ByteBuffer.wrap(file, i + 8, 8);
                return new Size(buffer.getInt(), buffer.getInt());
            }
        }
        return null;
    }

    private static int clamp(int value, int max) {
        return Math.max(0, Math.min(value, max));
    }

    private static ApiException unreadable() {
        return ApiException.unprocessable("invalid_image", "file", "the image cannot be read");
    }
}
