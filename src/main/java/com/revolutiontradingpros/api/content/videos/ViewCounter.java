package com.revolutiontradingpros.api.content.videos;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.lettuce.core.SetArgs;
import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.revolutiontradingpros.api.platform.redis.RedisConnections;
import com.revolutiontradingpros.api.platform.tally.Tallies;

/**
 * Rule 30: one view per viewer per video per 30 minutes, decided by a Redis SET NX with a TTL (shared by every node)
 * or, without Redis, by a local map. Counted views are added up in memory and written every two seconds in one
 * statement per video and day, so a popular replay does not turn into a hot row. Viewers are a user id or a hash
 * of IP and user agent with the day's salt; neither IP nor user agent is stored anywhere.
 */
@Component
class ViewCounter {

    private static final Logger log = LoggerFactory.getLogger(ViewCounter.class);
    static final Duration SAME_VIEW = Duration.ofMinutes(30);
    private static final Duration SAME_DAY = Duration.ofHours(25);

    private final VideoStatsRepository stats;
    private final @Nullable RedisConnections redis;
    private final Clock clock;
    private final Cache<String, Boolean> localKeys = Caffeine.newBuilder().expireAfterWrite(SAME_DAY).maximumSize(2_000_000).build();
    private final Cache<String, Boolean> localViews = Caffeine.newBuilder().expireAfterWrite(SAME_VIEW).maximumSize(2_000_000).build();
    private final Tallies<Tally> views;
    private final AtomicReference<DailySalt> salt = new AtomicReference<>();
    private final SecureRandom random = new SecureRandom();

    private record Tally(long videoId, LocalDate day) {
    }

    private record DailySalt(LocalDate day, byte[] salt) {
    }

    ViewCounter(VideoStatsRepository stats, ObjectProvider<RedisConnections> redis, Clock clock) {
        this.stats = stats;
        this.redis = redis.getIfAvailable();
        this.clock = clock;
        this.views = new Tallies<>("video-views", 2, Duration.ofSeconds(2),
                (tally, sums) -> stats.addViews(tally.videoId(), tally.day(), sums[0], sums[1]));
    }

    /** Counts a play start unless this viewer started this video in the last 30 minutes; true when counted. */
    boolean count(long videoId, @Nullable Long userId, String ip, String userAgent) {
        LocalDate day = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        String viewer = userId != null ? "u" + userId : "a" + anonymous(day, ip, userAgent);
        if (!firstWithin("video-view:" + videoId + ":" + viewer, SAME_VIEW, localViews)) {
            return false;
        }
        boolean newToday = firstWithin("video-viewer:" + day + ":" + videoId + ":" + viewer, SAME_DAY, localKeys);
        views.add(new Tally(videoId, day), 1, newToday ? 1 : 0);
        return true;
    }

    private boolean firstWithin(String key, Duration ttl, Cache<String, Boolean> local) {
        if (redis != null) {
            var connection = redis.strings();
            if (connection.isPresent()) {
                try {
                    return "OK".equals(connection.get().sync().set(redis.keyPrefix() + key, "1", SetArgs.Builder.nx().ex(ttl)));
                } catch (RuntimeException e) {
                    log.debug("Redis unavailable for view keys, counting locally", e);
                }
            }
        }
        return local.asMap().putIfAbsent(key, Boolean.TRUE) == null;
    }

    private String anonymous(LocalDate day, String ip, String userAgent) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(saltOf(day));
            digest.update((ip + "\n" + userAgent).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every node uses the same salt for a day: the first to need it stores it; older salts are deleted. */
    private byte[] saltOf(LocalDate day) {
        var current = salt.get();
        if (current != null && current.day().equals(day)) {
            return current.salt();
        }
        byte[] fresh = new byte[32];
        random.nextBytes(fresh);
        byte[] stored = stats.daySalt(day, fresh);
        salt.set(new DailySalt(day, stored));
        return stored;
    }

    @PreDestroy
    void stop() {
        views.close();
    }
}
