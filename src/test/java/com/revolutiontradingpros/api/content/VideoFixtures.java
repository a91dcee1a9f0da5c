package com.revolutiontradingpros.api.content;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Small but well-formed video containers: an MP4 with its moov box first or last, and a WebM with Info and Tracks. */
final class VideoFixtures {

    private VideoFixtures() {
    }

    /** An H.264 MP4 of the given length and picture; {@code padding} bytes of mdat, with moov after it when {@code moovLast}. */
    static byte[] mp4(int seconds, int width, int height, int padding, boolean moovLast) {
        byte[] ftyp = box("ftyp", concat(ascii("isom"), int32(512), ascii("isomiso2avc1mp41")));
        byte[] mvhd = box("mvhd", ByteBuffer.allocate(100).putInt(0).putInt(0).putInt(0).putInt(1000).putInt(seconds * 1000)
                .putInt(0x00010000).putShort((short) 0x0100).array());
        byte[] tkhd = box("tkhd", ByteBuffer.allocate(84).putInt(0x00000003).putInt(0).putInt(0).putInt(1).putInt(0).putInt(seconds * 1000)
                .position(76).putInt(width << 16).putInt(height << 16).array());
        byte[] mdhd = box("mdhd", ByteBuffer.allocate(24).putInt(0).putInt(0).putInt(0).putInt(90_000).putInt(seconds * 90_000).array());
        byte[] hdlr = box("hdlr", concat(new byte[8], ascii("vide"), new byte[12], ascii("VideoHandler\0")));
        byte[] avc1 = box("avc1", ByteBuffer.allocate(78).position(24).putShort((short) width).putShort((short) height).array());
        byte[] stsd = box("stsd", concat(int32(0), int32(1), avc1));
        byte[] minf = box("minf", box("stbl", stsd));
        byte[] trak = box("trak", concat(tkhd, box("mdia", concat(mdhd, hdlr, minf))));
        byte[] soundTrak = box("trak", concat(box("tkhd", new byte[84]), box("mdia", concat(mdhd, box("hdlr", concat(new byte[8],
                ascii("soun"), new byte[12], ascii("Sound\0"))), box("minf", box("stbl", box("stsd", concat(int32(0), int32(1),
                box("mp4a", new byte[28])))))))));
        byte[] moov = box("moov", concat(mvhd, soundTrak, trak));
        byte[] mdat = box("mdat", new byte[padding]);
        return moovLast ? concat(ftyp, mdat, moov) : concat(ftyp, moov, mdat);
    }

    /** A VP9 WebM: EBML header, then a Segment with Info (duration in ms) and one video track. */
    static byte[] webm(int seconds, int width, int height) {
        byte[] header = element(0x1A45DFA3, concat(element(0x4282, ascii("webm")), element(0x4287, new byte[] {4})));
        byte[] info = element(0x1549A966, concat(element(0x2AD7B1, new byte[] {0x0F, 0x42, 0x40}),
                element(0x4489, ByteBuffer.allocate(8).putDouble(seconds * 1000.0).array())));
        byte[] video = element(0xE0, concat(element(0xB0, int16(width)), element(0xBA, int16(height))));
        byte[] track = element(0xAE, concat(element(0xD7, new byte[] {1}), element(0x83, new byte[] {1}), element(0x86, ascii("V_VP9")), video));
        byte[] tracks = element(0x1654AE6B, track);
        byte[] cluster = element(0x1F43B675, new byte[64]);
        return concat(header, element(0x18538067, concat(info, tracks, cluster)));
    }

    private static byte[] box(String type, byte[] body) {
        return concat(int32(body.length + 8), ascii(type), body);
    }

    private static byte[] element(int id, byte[] body) {
        var out = new ByteArrayOutputStream();
        for (int shift = 24; shift >= 0; shift -= 8) {
            if ((id >>> shift) != 0) {
                out.write(id >>> shift & 0xff);
            }
        }
        // An 8-byte size (marker 0x01), which every reader must take.
        out.write(0x01);
        out.write(ByteBuffer.allocate(8).putLong(body.length).array(), 1, 7);
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static byte[] int32(int value) {
        return ByteBuffer.allocate(4).putInt(value).array();
    }

    private static byte[] int16(int value) {
        return ByteBuffer.allocate(2).putShort((short) value).array();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
