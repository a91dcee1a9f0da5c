package com.revolutiontradingpros.api.content.videos;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Rule 26: duration, picture size and codec from a video's container header, read through small ranged reads, so a
 * 1 GB file costs a few requests whether its MP4 {@code moov} box comes first or last. MP4 and QuickTime are ISO
 * boxes; WebM is EBML, where {@code Segment/Info} holds the duration and {@code Segment/Tracks} the picture.
 */
final class ContainerHeaders {

    /** A moov box holds the sample tables: about 1.5 MB for a three-hour recording; larger ones are not videos we take. */
    private static final int MAX_HEADER_BYTES = 64 * 1024 * 1024;
    private static final Map<String, String> MP4_CODECS = Map.of("avc1", "h264", "avc3", "h264", "hvc1", "h265", "hev1", "h265",
            "vp09", "vp9", "av01", "av1", "mp4v", "mpeg4", "apcn", "prores", "apch", "prores");

    private ContainerHeaders() {
    }

    /** Reads at most {@code length} bytes from {@code offset}; fewer at the end of the file. */
    interface Ranges {
        byte[] read(long offset, int length);
    }

    record Metadata(int durationSeconds, @Nullable Integer width, @Nullable Integer height, @Nullable String codec) {
    }

    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    static Metadata read(String mimeType, long size, Ranges ranges) throws Unreadable {
        return mimeType.equals("video/webm") ? webm(size, ranges) : mp4(size, ranges);
    }

    private static Metadata mp4(long size, Ranges ranges) throws Unreadable {
        long offset = 0;
        while (offset + 8 <= size) {
            ByteBuffer header = ByteBuffer.wrap(ranges.read(offset, 16));
            if (header.remaining() < 8) {
                break;
            }
            long boxSize = Integer.toUnsignedLong(header.getInt());
            String type = fourCc(header);
            int headerLength = 8;
            if (boxSize == 1) {
                if (header.remaining() < 8) {
                    throw new Unreadable("the file ends inside a box header");
                }
                boxSize = header.getLong();
                headerLength = 16;
            } else if (boxSize == 0) {
                boxSize = size - offset;
            }
            if (boxSize < headerLength || offset + boxSize > size) {
                throw new Unreadable("box '" + type + "' at byte " + offset + " has an impossible size");
            }
            if (type.equals("moov")) {
                if (boxSize - headerLength > MAX_HEADER_BYTES) {
                    throw new Unreadable("the moov box is larger than " + MAX_HEADER_BYTES + " bytes");
                }
                int length = (int) (boxSize - headerLength);
                byte[] moov = ranges.read(offset + headerLength, length);
                if (moov.length < length) {
                    throw new Unreadable("the file ends inside the moov box");
                }
                return Mp4Movie.parse(ByteBuffer.wrap(moov));
            }
            offset += boxSize;
        }
        throw new Unreadable("no moov box: the file is not a complete MP4 or QuickTime movie");
    }

    /** The parts of {@code moov} we need: mvhd for the duration, the video track's tkhd, hdlr and first stsd entry. */
    private static final class Mp4Movie {
        private long timescale;
        private long duration = -1;
        private @Nullable Integer width;
        private @Nullable Integer height;
        private @Nullable String codec;

        static Metadata parse(ByteBuffer moov) throws Unreadable {
            var movie = new Mp4Movie();
            try {
                movie.children(moov);
            } catch (RuntimeException e) {
                throw new Unreadable("the moov box is damaged");
            }
            if (movie.timescale <= 0 || movie.duration < 0) {
                throw new Unreadable("the movie header has no duration");
            }
            return new Metadata((int) Math.round((double) movie.duration / movie.timescale), movie.width, movie.height, movie.codec);
        }

        private void children(ByteBuffer box) {
            while (box.remaining() >= 8) {
                int start = box.position();
                long size = Integer.toUnsignedLong(box.getInt());
                String type = fourCc(box);
                if (size == 1) {
                    size = box.getLong();
                } else if (size == 0) {
                    size = box.limit() - start;
                }
                if (size < box.position() - start || start + size > box.limit()) {
                    throw new IllegalStateException("bad box size");
                }
                ByteBuffer body = box.duplicate().position(box.position()).limit((int) (start + size)).slice();
                switch (type) {
                    case "trak" -> track(body);
                    case "mvhd" -> movieHeader(body);
                    default -> {
                    }
                }
                box.position((int) (start + size));
            }
        }

        private void movieHeader(ByteBuffer body) {
            int version = body.get() & 0xff;
            body.position(body.position() + 3 + (version == 1 ? 16 : 8));
            timescale = Integer.toUnsignedLong(body.getInt());
            duration = version == 1 ? body.getLong() : Integer.toUnsignedLong(body.getInt());
        }

        /** A track counts when its handler is 'vide'; the first such track gives the picture size and codec. */
        private void track(ByteBuffer trak) {
            var track = new Track();
            track.read(trak);
            if (track.video && codec == null) {
                width = track.width;
                height = track.height;
                codec = track.codec;
            }
        }
    }

    private static final class Track {
        private boolean video;
        private @Nullable Integer width;
        private @Nullable Integer height;
        private @Nullable String codec;

        void read(ByteBuffer box) {
            while (box.remaining() >= 8) {
                int start = box.position();
                long size = Integer.toUnsignedLong(box.getInt());
                String type = fourCc(box);
                if (size < 8 || start + size > box.limit()) {
                    throw new IllegalStateException("bad box size");
                }
                ByteBuffer body = box.duplicate().position(box.position()).limit((int) (start + size)).slice();
                switch (type) {
                    case "mdia", "minf", "stbl" -> read(body);
                    case "tkhd" -> {
                        // Width and height close the box as 16.16 fixed-point numbers, in either version.
                        if (body.limit() >= 8) {
                            int w = body.getInt(body.limit() - 8) >>> 16;
                            int h = body.getInt(body.limit() - 4) >>> 16;
                            width = w > 0 ? w : null;
                            height = h > 0 ? h : null;
                        }
                    }
                    case "hdlr" -> video = body.limit() >= 12 && fourCc(body.position(8)).equals("vide");
                    case "stsd" -> {
                        if (body.limit() >= 16) {
                            String format = fourCc(body.position(12));
                            codec = MP4_CODECS.getOrDefault(format, format.strip());
                        }
                    }
                    default -> {
                    }
                }
                box.position((int) (start + size));
            }
        }
    }

    private static String fourCc(ByteBuffer buffer) {
        byte[] bytes = new byte[4];
        buffer.get(bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    // WebM (EBML) element ids, with their length marker bits kept as Matroska writes them.
    private static final long EBML = 0x1A45DFA3L;
    private static final long SEGMENT = 0x18538067L;
    private static final long INFO = 0x1549A966L;
    private static final long TRACKS = 0x1654AE6BL;
    private static final long TIMECODE_SCALE = 0x2AD7B1L;
    private static final long DURATION = 0x4489L;
    private static final long TRACK_ENTRY = 0xAEL;
    private static final long TRACK_TYPE = 0x83L;
    private static final long CODEC_ID = 0x86L;
    private static final long VIDEO = 0xE0L;
    private static final long PIXEL_WIDTH = 0xB0L;
    private static final long PIXEL_HEIGHT = 0xBAL;
    private static final long UNKNOWN_SIZE = -1;

    private record Element(long id, long size, int headerLength) {
    }

    private static Metadata webm(long size, Ranges ranges) throws Unreadable {
        var first = element(ByteBuffer.wrap(ranges.read(0, 16)));
        if (first == null || first.id() != EBML) {
            throw new Unreadable("not an EBML file");
        }
        long offset = first.headerLength() + first.size();
        var segment = element(ByteBuffer.wrap(ranges.read(offset, 16)));
        if (segment == null || segment.id() != SEGMENT) {
            throw new Unreadable("no Segment after the EBML header");
        }
        offset += segment.headerLength();
        long end = segment.size() == UNKNOWN_SIZE ? size : Math.min(size, offset + segment.size());
        var webm = new WebmInfo();
        while (offset < end && (webm.duration < 0 || !webm.tracksRead)) {
            var child = element(ByteBuffer.wrap(ranges.read(offset, 16)));
            if (child == null || child.size() == UNKNOWN_SIZE) {
                break;
            }
            long bodyStart = offset + child.headerLength();
            if (child.id() == INFO || child.id() == TRACKS) {
                if (child.size() > MAX_HEADER_BYTES) {
                    throw new Unreadable("the " + (child.id() == INFO ? "Info" : "Tracks") + " element is too large");
                }
                byte[] body = ranges.read(bodyStart, (int) child.size());
                try {
                    if (child.id() == INFO) {
                        webm.info(ByteBuffer.wrap(body));
                    } else {
                        webm.tracks(ByteBuffer.wrap(body));
                    }
                } catch (RuntimeException e) {
                    throw new Unreadable("the WebM header is damaged");
                }
            }
            offset = bodyStart + child.size();
        }
        if (webm.duration < 0) {
            throw new Unreadable("the WebM file states no duration (a live recording that was never finalised?)");
        }
        return new Metadata((int) Math.round(webm.duration * webm.timecodeScale / 1e9), webm.width, webm.height, webm.codec);
    }

    private static final class WebmInfo {
        private long timecodeScale = 1_000_000;
        private double duration = -1;
        private boolean tracksRead;
        private @Nullable Integer width;
        private @Nullable Integer height;
        private @Nullable String codec;

        void info(ByteBuffer body) {
            while (body.hasRemaining()) {
                var e = Objects.requireNonNull(element(body));
                ByteBuffer value = take(body, e);
                if (e.id() == TIMECODE_SCALE) {
                    timecodeScale = unsigned(value);
                } else if (e.id() == DURATION) {
                    duration = value.remaining() == 4 ? value.getFloat() : value.getDouble();
                }
            }
        }

        void tracks(ByteBuffer body) {
            tracksRead = true;
            while (body.hasRemaining()) {
                var e = Objects.requireNonNull(element(body));
                ByteBuffer value = take(body, e);
                if (e.id() == TRACK_ENTRY && codec == null) {
                    trackEntry(value);
                }
            }
        }

        private void trackEntry(ByteBuffer entry) {
            long type = 0;
            String codecId = null;
            Integer w = null;
            Integer h = null;
            while (entry.hasRemaining()) {
                var e = Objects.requireNonNull(element(entry));
                ByteBuffer value = take(entry, e);
                if (e.id() == TRACK_TYPE) {
                    type = unsigned(value);
                } else if (e.id() == CODEC_ID) {
                    codecId = StandardCharsets.US_ASCII.decode(value).toString().strip();
                } else if (e.id() == VIDEO) {
                    while (value.hasRemaining()) {
                        var v = Objects.requireNonNull(element(value));
                        ByteBuffer number = take(value, v);
                        if (v.id() == PIXEL_WIDTH) {
                            w = (int) unsigned(number);
                        } else if (v.id() == PIXEL_HEIGHT) {
                            h = (int) unsigned(number);
                        }
                    }
                }
            }
            if (type == 1) {
                width = w;
                height = h;
                codec = codecId == null ? null : codecId.replaceFirst("^V_", "").toLowerCase(java.util.Locale.ROOT);
            }
        }
    }

    /** An element header at the buffer's position, or null when the bytes run out. */
    private static @Nullable Element element(ByteBuffer buffer) {
        int start = buffer.position();
        if (!buffer.hasRemaining()) {
            return null;
        }
        int idFirst = buffer.get(start) & 0xff;
        int idLength = Integer.numberOfLeadingZeros(idFirst) - 23;
        if (idFirst == 0 || idLength > 4 || buffer.remaining() < idLength + 1) {
            return null;
        }
        long id = 0;
        for (int i = 0; i < idLength; i++) {
            id = id << 8 | buffer.get() & 0xff;
        }
        int sizeFirst = buffer.get(buffer.position()) & 0xff;
        int sizeLength = Integer.numberOfLeadingZeros(sizeFirst) - 23;
        if (sizeFirst == 0 || buffer.remaining() < sizeLength) {
            return null;
        }
        long size = buffer.get() & (0xff >> sizeLength);
        boolean allOnes = size == (0xff >> sizeLength);
        for (int i = 1; i < sizeLength; i++) {
            int b = buffer.get() & 0xff;
            allOnes &= b == 0xff;
            size = size << 8 | b;
        }
        return new Element(id, allOnes ? UNKNOWN_SIZE : size, buffer.position() - start);
    }

    private static ByteBuffer take(ByteBuffer buffer, Element e) {
        if (e.size() < 0 || e.size() > buffer.remaining()) {
            throw new IllegalStateException("element larger than its parent");
        }
        ByteBuffer value = buffer.slice(buffer.position(), (int) e.size());
        buffer.position(buffer.position() + (int) e.size());
        return value;
    }

    private static long unsigned(ByteBuffer value) {
        long result = 0;
        while (value.hasRemaining()) {
            result = result << 8 | value.get() & 0xff;
        }
        return result;
    }
}
