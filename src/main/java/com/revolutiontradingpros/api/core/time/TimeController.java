package com.revolutiontradingpros.api.core.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.revolutiontradingpros.api.platform.security.Public;

/** Server time, served from the clock alone: no database, never cached. */
@RestController
@Public
@Tag(name = "Time")
class TimeController {

    private final Clock clock;

    TimeController(Clock clock) {
        this.clock = clock;
    }

    @GetMapping("/time")
    @Operation(summary = "Server time in UTC, for countdowns and clock-skew correction")
    ResponseEntity<ServerTime> now() {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new ServerTime(DateTimeFormatter.ISO_INSTANT.format(now), now.toEpochMilli(), "UTC"));
    }

    @GetMapping("/time/ping")
    @Operation(summary = "Smallest answer for round-trip measurement; echoes client_ms")
    ResponseEntity<Ping> ping(
            @Parameter(description = "the client's clock in epoch milliseconds, echoed back") @RequestParam(name = "client_ms", required = false) @Nullable Long clientMs) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new Ping(clock.millis(), clientMs));
    }

    @GetMapping("/time/zones")
    @Operation(summary = "IANA time zones with their current UTC offset, for preference pickers")
    ResponseEntity<Zones> zones() {
        Instant now = Instant.now(clock);
        List<Zone> zones = ZoneId.getAvailableZoneIds().stream()
                .filter(TimeController::listed)
                .map(id -> zone(ZoneId.of(id), now))
                .sorted(Comparator.comparingInt(Zone::offsetSeconds).thenComparing(Zone::id))
                .toList();
        // Offsets move at DST changes, so caches may keep this list for minutes, not days.
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic())
                .body(new Zones(zones));
    }

    /** Region zones people pick (Europe/Paris), not legacy aliases (EST5EDT, SystemV/..., Etc/GMT+3). */
    private static boolean listed(String id) {
        return id.equals("UTC") || (id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/")
                && Character.isUpperCase(id.charAt(0)) && !id.startsWith("US/") && !id.startsWith("Canada/")
                && !id.startsWith("Brazil/") && !id.startsWith("Chile/") && !id.startsWith("Mexico/"));
    }

    private static Zone zone(ZoneId id, Instant now) {
        var offset = id.getRules().getOffset(now);
        String formatted = offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId();
        return new Zone(id.getId(), offset.getTotalSeconds(), formatted,
                id.getDisplayName(TextStyle.FULL, Locale.ENGLISH));
    }

    record ServerTime(String iso, long epochMs, String timezone) {
    }

    record Ping(long epochMs, @Nullable Long clientMs) {
    }

    record Zones(List<Zone> data) {
    }

    record Zone(String id, int offsetSeconds, String offset, String name) {
    }
}
