package com.revolutiontradingpros.api.content.media;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * Drops EXIF, XMP, IPTC and comments from JPEG, PNG and WebP files without re-encoding them, so the stored original
 * loses GPS positions and camera serials but keeps its pixels and its ICC colour profile exactly.
 */
final class MetadataStripper {

    private MetadataStripper() {
    }

    /**
     * JPEG: keeps APP0 (JFIF), APP2 (ICC), APP14 (Adobe colour) and every non-APP segment; drops APP1 (EXIF, XMP),
     * APP3–APP13 (IPTC, vendor data) and COM. Null when the segments cannot be walked, so the caller re-encodes.
     */
    static byte @Nullable [] jpeg(byte[] file) {
        var out = new ByteArrayOutputStream(file.length);
        out.write(file, 0, 2);
        int i = 2;
        while (i + 4 <= file.length) {
            if ((file[i] & 0xFF) != 0xFF) {
                return null;
            }
            int marker = file[i + 1] & 0xFF;
            if (marker == 0xDA) {
                // Start of scan: the rest is image data.
                out.write(file, i, file.length - i);
                return out.toByteArray();
            }
            int length = ((file[i + 2] & 0xFF) << 8) | (file[i + 3] & 0xFF);
            if (length < 2 || i + 2 + length > file.length) {
                return null;
            }
            boolean drop = marker == 0xE1 || (marker >= 0xE3 && marker <= 0xED) || marker == 0xFE;
            if (!drop) {
                out.write(file, i, 2 + length);
            }
            i += 2 + length;
        }
        return null;
    }

    /** PNG: drops eXIf and the text chunks (tEXt, zTXt, iTXt, where XMP lives) and tIME; iCCP stays. */
    static byte[] png(byte[] file) {
        var out = new ByteArrayOutputStream(file.length);
        out.write(file, 0, 8);
        int i = 8;
        while (i + 12 <= file.length) {
            int length = ByteBuffer.wrap(file, i, 4).getInt();
            if (length < 0 || i + 12L + length > file.length) {
                return file;
            }
            String type = new String(file, i + 4, 4, StandardCharsets.US_ASCII);
            boolean drop = switch (type) {
                case "eXIf", "tEXt", "zTXt", "iTXt", "tIME" -> true;
                default -> false;
            };
            if (!drop) {
                out.write(file, i, 12 + length);
            }
            i += 12 + length;
        }
        return out.toByteArray();
    }

    /** WebP: drops the EXIF and XMP chunks and clears their flags in the VP8X header. */
    static byte[] webp(byte[] file) {
        if (file.length < 12) {
            return file;
        }
        var out = new ByteArrayOutputStream(file.length);
        out.write(file, 0, 12);
        int i = 12;
        while (i + 8 <= file.length) {
            String type = new String(file, i, 4, StandardCharsets.US_ASCII);
            int length = ByteBuffer.wrap(file, i + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            int padded = length + (length & 1);
            if (length < 0 || i + 8L + padded > file.length) {
                return file;
            }
            if (type.equals("VP8X")) {
                byte[] chunk = java.util.Arrays.copyOfRange(file, i, i + 8 + padded);
                chunk[8] &= (byte) ~0x0C;
                out.write(chunk, 0, chunk.length);
            } else if (!type.equals("EXIF") && !type.equals("XMP ")) {
                out.write(file, i, 8 + padded);
            }
            i += 8 + padded;
        }
        byte[] result = out.toByteArray();
        ByteBuffer.wrap(result, 4, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(result.length - 8);
        return result;
    }
}
