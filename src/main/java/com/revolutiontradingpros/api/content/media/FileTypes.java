package com.revolutiontradingpros.api.content.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MimeTypes;
import org.springframework.http.HttpStatus;

import com.revolutiontradingpros.api.platform.web.ApiException;

/**
 * Rule 20: a file's type comes from its first bytes, never from its name or declared Content-Type. Tika's magic
 * numbers do the work; ISO media (MP4, M4A, AVIF), Matroska (WebM), Office (DOCX, XLSX, PPTX) and text (CSV, markup
 * pretending to be text) are told apart here, where Tika's core stops.
 */
public final class FileTypes {

    /** Enough of a file to recognise every allowed type, Office documents included. */
    public static final int SNIFF_BYTES = 64 * 1024;

    private static final MimeTypes TIKA = MimeTypes.getDefaultMimeTypes();

    private static final Map<String, FileType> ALLOWED = Map.ofEntries(
            type("image/jpeg", "image", "jpg"), type("image/png", "image", "png"), type("image/gif", "image", "gif"),
            type("image/webp", "image", "webp"), type("image/avif", "image", "avif"), type("image/svg+xml", "image", "svg"),
            type("application/pdf", "document", "pdf"), type("text/csv", "document", "csv"), type("text/plain", "document", "txt"),
            type("application/zip", "archive", "zip"),
            type("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "document", "docx"),
            type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "document", "xlsx"),
            type("application/vnd.openxmlformats-officedocument.presentationml.presentation", "document", "pptx"),
            type("audio/mpeg", "audio", "mp3"), type("audio/mp4", "audio", "m4a"), type("audio/wav", "audio", "wav"),
            type("video/mp4", "video", "mp4"), type("video/webm", "video", "webm"));

    // Text that a browser would run or render as a page if it ever got the chance.
    private static final Pattern ACTIVE_TEXT = Pattern.compile(
            "<\\s*(script|html|body|iframe|svg|object|embed|meta|link|style|img|a|div|form)[\\s>/]|javascript:|<\\?php|^#!",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    private static final Pattern SCRIPT_NAME = Pattern.compile("(?i).*\\.(js|mjs|cjs|html?|xhtml|php|sh|bat|cmd|exe|ps1|vbs|jar)$");

    private FileTypes() {
    }

    /** The type of a file from its first bytes; 415 unsupported_media_type for anything off the allow-list. */
    public static FileType sniff(byte[] head, String filename) {
        return detect(head, filename).orElseThrow(FileTypes::unsupported);
    }

    public static Optional<FileType> detect(byte[] head, String filename) {
        return Optional.ofNullable(ALLOWED.get(refine(tika(head), head, filename)));
    }

    /** What the video library takes. */
    public static final Set<String> VIDEO_CONTAINERS = Set.of("video/mp4", "video/quicktime", "video/webm");

    /** The container of a video file for the video library: video/mp4, video/quicktime or video/webm. */
    public static Optional<String> videoContainer(byte[] head) {
        String mime = refine(tika(head), head, "");
        return VIDEO_CONTAINERS.contains(mime) ? Optional.of(mime) : Optional.empty();
    }

    static ApiException unsupported() {
        return new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", "Unsupported media type",
                "the file is not one of the allowed types (images, PDF, CSV, text, ZIP, Office documents, MP3, M4A, WAV, MP4, WebM)");
    }

    private static String refine(String detected, byte[] head, String filename) {
        return switch (detected) {
            case "video/mp4", "video/quicktime", "audio/mp4", "image/avif", "video/x-m4v", "image/heif" -> isoBrand(head);
            case "application/x-matroska", "video/webm", "audio/webm" -> contains(head, "webm") ? "video/webm" : detected;
            case "application/x-tika-ooxml", "application/zip" -> office(head);
            case "audio/vnd.wave", "audio/x-wav", "audio/wave" -> "audio/wav";
            case "text/plain" -> text(head, filename);
            default -> detected;
        };
    }

    /** ISO base media files name what they are in the major brand of their ftyp box. */
    private static String isoBrand(byte[] head) {
        if (head.length < 12 || head[4] != 'f' || head[5] != 't' || head[6] != 'y' || head[7] != 'p') {
            return "application/octet-stream";
        }
        String brand = new String(head, 8, 4, StandardCharsets.ISO_8859_1);
        return switch (brand) {
            case "qt  " -> "video/quicktime";
            case "M4A ", "M4B " -> "audio/mp4";
            case "avif", "avis" -> "image/avif";
            case "heic", "heix", "mif1", "msf1", "heim", "heis" -> "image/heif";
            default -> "video/mp4";
        };
    }

    /** Office documents are ZIP files whose first entries name their part folders. */
    private static String office(byte[] head) {
        if (contains(head, "word/")) {
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        }
        if (contains(head, "xl/")) {
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        }
        if (contains(head, "ppt/")) {
            return "application/vnd.openxmlformats-officedocument.presentationml.presentation";
        }
        return contains(head, "[Content_Types].xml") ? "application/x-tika-ooxml" : "application/zip";
    }

    private static String text(byte[] head, String filename) {
        String text = new String(head, StandardCharsets.UTF_8);
        if (ACTIVE_TEXT.matcher(text).find() || SCRIPT_NAME.matcher(filename).matches()) {
            return "text/html";
        }
        return filename.toLowerCase(Locale.ROOT).endsWith(".csv") ? "text/csv" : "text/plain";
    }

    private static String tika(byte[] head) {
        try {
            return TIKA.detect(new ByteArrayInputStream(head), new Metadata()).getBaseType().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean contains(byte[] head, String ascii) {
        return new String(head, StandardCharsets.ISO_8859_1).contains(ascii);
    }

    private static Map.Entry<String, FileType> type(String mime, String kind, String extension) {
        return Map.entry(mime, new FileType(mime, kind, extension));
    }
}
