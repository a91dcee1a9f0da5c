package com.revolutiontradingpros.api.content.cache;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;

import com.revolutiontradingpros.api.platform.web.ApiException;

/**
 * ETags of editable resources: {@code W/"post-12-3"} names post 12 at version 3. Public reads may append what
 * changes without an edit (a post count) so caches refresh, and If-Match still compares the version only.
 */
public final class Etags {

    private Etags() {
    }

    public static String of(String kind, long id, int version) {
        return "W/\"" + kind + '-' + id + '-' + version + '"';
    }

    public static String of(String kind, long id, int version, Object extra) {
        return "W/\"" + kind + '-' + id + '-' + version + '-' + extra + '"';
    }

    /** 412 stale_version when If-Match names another version of the resource. */
    public static void requireVersion(HttpServletRequest request, String kind, long id, int version) {
        String header = request.getHeader(HttpHeaders.IF_MATCH);
        if (header == null) {
            return;
        }
        String current = kind + '-' + id + '-' + version;
        for (String candidate : header.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*")) {
                return;
            }
            tag = tag.startsWith("W/") ? tag.substring(2) : tag;
            tag = tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"") ? tag.substring(1, tag.length() - 1) : tag;
            if (tag.equals(current) || tag.startsWith(current + '-')) {
                return;
            }
        }
        throw ApiException.preconditionFailed();
    }
}
