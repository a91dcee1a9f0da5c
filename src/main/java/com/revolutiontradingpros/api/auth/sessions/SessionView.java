package com.revolutiontradingpros.api.auth.sessions;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A signed-in device as its owner sees it. */
record SessionView(UUID id, @Nullable String deviceName, String browser, String os, @Nullable String ip,
        @Nullable String location, Instant createdAt, Instant lastUsedAt, Instant expiresAt, boolean current) {

    static SessionView of(SessionRepository.LiveSession session, @Nullable String currentId) {
        String agent = session.userAgent() == null ? "" : session.userAgent();
        return new SessionView(session.id(), session.deviceName(), browser(agent), os(agent), session.ip(), null,
                session.createdAt(), session.lastUsedAt(), session.expiresAt(), session.id().toString().equals(currentId));
    }

    static String browser(String agent) {
        String a = agent.toLowerCase(Locale.ROOT);
        if (a.contains("edg/")) {
            return "Edge";
        }
        if (a.contains("opr/") || a.contains("opera")) {
            return "Opera";
        }
        if (a.contains("firefox/")) {
            return "Firefox";
        }
        if (a.contains("chrome/") || a.contains("crios/")) {
            return "Chrome";
        }
        if (a.contains("safari/")) {
            return "Safari";
        }
        if (a.contains("curl/") || a.contains("java") || a.contains("python") || a.contains("okhttp")) {
            return "Script";
        }
        return "Unknown";
    }

    static String os(String agent) {
        String a = agent.toLowerCase(Locale.ROOT);
        if (a.contains("iphone") || a.contains("ipad") || a.contains("ios")) {
            return "iOS";
        }
        if (a.contains("android")) {
            return "Android";
        }
        if (a.contains("windows")) {
            return "Windows";
        }
        if (a.contains("mac os") || a.contains("macintosh")) {
            return "macOS";
        }
        if (a.contains("linux")) {
            return "Linux";
        }
        return "Unknown";
    }
}
