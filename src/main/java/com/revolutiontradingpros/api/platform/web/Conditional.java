package com.revolutiontradingpros.api.platform.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * Conditional requests: {@code If-None-Match} on reads (304) and {@code If-Match} on updates (412), with
 * ETags made from the bytes sent or from a resource's version.
 */
public final class Conditional {

    private Conditional() {
    }

    /** A strong ETag of a body: the same bytes always give the same tag, on every node. */
    public static String etagOf(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ETag of an editable resource's version: its id and when it last changed. */
    public static String etagOf(long id, Instant updatedAt) {
        long micros = updatedAt.getEpochSecond() * 1_000_000 + updatedAt.getNano() / 1_000;
        return "W/\"" + id + '-' + Long.toString(micros, 36) + '"';
    }

    /** True when the client's cached copy (If-None-Match) is still current. */
    public static boolean notModified(HttpServletRequest request, String etag) {
        String header = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        return header != null && matchesAny(header, etag, true);
    }

    /** Refuses an update made from a stale read: 412 when If-Match is sent and names another version. */
    public static void requireCurrent(HttpServletRequest request, String currentEtag) {
        String header = request.getHeader(HttpHeaders.IF_MATCH);
        if (header != null && !matchesAny(header, currentEtag, true)) {
            throw ApiException.preconditionFailed();
        }
    }

    private static boolean matchesAny(String header, String etag, boolean weak) {
        String wanted = opaque(etag, weak);
        for (String candidate : header.split(",")) {
            String trimmed = candidate.trim();
            if (trimmed.equals("*") || opaque(trimmed, weak).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(@Nullable String tag, boolean weak) {
        if (tag == null) {
            return "";
        }
        return weak && tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
